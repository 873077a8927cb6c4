"""
The portal's middleware: ``RefuseNulMiddleware`` answers 400 to a request
carrying a NUL character (see the class); ``RememberLanguageMiddleware``
remembers the language a visitor chose, so that ``/`` leads back to it.

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
from django.core.exceptions import BadRequest
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path, get_language_from_request


class RefuseNulMiddleware:
    """
    Refuse with 400 a request whose path, parameters or cookies hold a NUL character.

    No page takes one, and PostgreSQL can neither store nor compare a text
    holding one: a NUL that reached a query (an admin list filter, the session
    key) was a server error. Cookies count, as Django reads ``"\\000"`` in a
    quoted cookie value as NUL. Raised as ``BadRequest``, so the answer is
    Django's 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            raise BadRequest("A NUL character in the request.")
        return self.get_response(request)


def carries_nul(request):
    """Whether the path, a query or form parameter (name or value), or a cookie holds a NUL character."""
    parameters = [
        *request.GET.lists(),
        *request.POST.lists(),
        *((name, [value]) for name, value in request.COOKIES.items()),
    ]
    return "\x00" in request.path_info or any(
        "\x00" in name or any("\x00" in value for value in values) for name, values in parameters
    )


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
