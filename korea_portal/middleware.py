"""
The portal's own middleware: the language cookie, Cross-Origin-Resource-Policy,
and the refusal of NUL characters.

Remember the language a visitor chose, so that ``/`` leads back to it.

``LocaleMiddleware`` sends ``/`` to the language in the ``portal_language``
cookie, else to the best one from the browser's Accept-Language, else to
English. ``RememberLanguageMiddleware`` sets that cookie whenever a page is answered in a
language other than the one ``/`` would have chosen: following a link of the
language bar (or any link to another language) is a choice, and is kept for a
year. It works without JavaScript and without a form.

A response carrying the cookie is safe to serve from a shared cache: the value
is always the language of the URL itself.
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path, get_language_from_request

from .outage import standalone_page


class RememberLanguageMiddleware:
    """Set the language cookie to the language of the page, when it differs from the remembered one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language is None:
            if response.status_code in (301, 302):
                # LocaleMiddleware's redirect from "/" depends on the cookie too.
                patch_vary_headers(response, ("Cookie",))
            return response
        if response.status_code < 400 and language != get_language_from_request(request, check_path=False):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class CrossOriginResourcePolicyMiddleware:
    """
    Send ``Cross-Origin-Resource-Policy`` (``settings.CROSS_ORIGIN_RESOURCE_POLICY``)
    with every answer, static files included: no other site may embed our pages,
    scripts or images. Django has no setting for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


def contains_nul(request):
    """Whether the path, a parameter's name or value (query string or form) or a cookie holds a NUL character."""
    texts = [request.path_info, *request.COOKIES, *request.COOKIES.values()]
    queries = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for query in queries:
        for name, values in query.lists():
            texts += [name, *values]
    return any("\x00" in text for text in texts)


class RefuseNulMiddleware:
    """
    Answer 400, in the URL's language, to a request with a NUL character in it.

    No text the portal stores or looks up may hold NUL, and PostgreSQL refuses
    it in any query (a 500 otherwise, e.g. ``/admin/news/article/?status__exact=%00``).
    Refusing it here, before the session or any view, covers every form and filter.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if contains_nul(request):
            return standalone_page(request, "400.html", status=400)
        return self.get_response(request)
