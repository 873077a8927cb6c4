"""
The anonymous page cache: whole public pages, kept in the shared cache.

A GET (or HEAD) by a visitor who carries no session cookie and no message
cookie is anonymous: every such visitor is shown the same page for a URL, so
that page is cached, keyed by the language and the full URL (scheme, host,
path with its language prefix, query string), for ``PAGE_CACHE_SECONDS``.

A page is stored only when it is a plain 200 answer meant for anyone: no
cookie set (a CSRF token, a session or a message would set one), no CSRF
token used, no ``Cache-Control: private``/``no-cache``/``no-store``, and no
``Vary`` on anything but the cookies and the language, which the key and the
anonymity rule already account for. The admin and the accounts pages are
never cached. Logged-in readers carry a session cookie: they neither read nor
fill the cache.

Django's own ``UpdateCacheMiddleware`` is not used because every page reads
the session (to show "Login" or the user's name) and so varies on Cookie:
it would keep one copy per cookie string, and none for visitors who carry a
language or CSRF cookie.

Only the content, the status (200) and the headers are stored, never a
cookie.

The Content-Security-Policy header is stored with the page
(``csp.middleware.CSPMiddleware`` comes after ``UpdatePageCacheMiddleware``),
so a copy served from here carries the policy it was made with. The public
templates have no inline script or style, so their policy has no nonce and
stays valid for every copy. A page that used a nonce (``request.csp_nonce``)
is never stored: a nonce must be new for every answer, or a script injected
into the page could reuse it. Each stored page carries the cache *generation* it was made in; a
new generation starts whenever content is saved or deleted (see
*Invalidation* below), so an edited page is never served stale from here.

``UpdatePageCacheMiddleware`` comes early in ``MIDDLEWARE`` (it stores the
finished response, with every cookie and header set) and
``FetchPageCacheMiddleware`` late (it needs the request's language).

Fragments
---------
What a page shows of the content and no reader changes (an article's text,
its related articles, the home page's lists, a partner's page) is kept as
rendered HTML by the templates' ``{% cache %}`` tags, for every reader,
logged in or not, keyed by the language and the *fragment generation*
(``fragment_generation`` in every template's context, ``core.fragments``),
and so are the published articles the article pages look up
(``core.fragments.cached_lookup``). A page rendered for a
logged-in reader, or for a visitor who asks for a page not in the page cache,
renders only the rest: the header, the tools, the forms.

Invalidation
------------
Three things are cached from the content: the header's sections and keywords
(``korea_portal.context_processors``), the fragments and whole anonymous
pages. A save, a delete or a change of many-to-many links on any model of an
app named in ``settings.PAGE_CACHE_CONTENT_APPS``, or
``core.signals.content_updated`` sent for one, forgets the first and starts
a new fragment generation and a new page generation
(``connect_invalidation()``, called from ``KoreaPortalConfig.ready()``).
Apps are named, not imported, so that the content apps know nothing of the
cache. The cache is dropped at once and again when the transaction commits:
otherwise a request running between the two could cache the old content anew.

Writes that send no signal (``QuerySet.update()`` without
``content_updated``, ``bulk_create()``, raw SQL) and, without ``REDIS_URL``,
saves in another process show once the cached copies expire: after
``PAGE_CACHE_SECONDS`` at most.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language

from core.fragments import start_fragment_generation
from core.signals import content_updated

HEADER_CACHE_KEY = "portal:header"
PAGE_GENERATION_KEY = "portal:page-generation"

# Never cached: the admin, the accounts pages (personal, and full of forms),
# the forum, whose pages change with every post (were it cached, every
# post would have to drop every cached page of the site), and the shared
# previews of unpublished articles (news.preview), which their no-store
# header keeps out as well. The health and
# metrics endpoints are not even looked up: /readyz must answer while the
# cache is down.
EXCLUDED_PATHS = re.compile(r"^/(?:admin|[\w-]+/accounts|[\w-]+/forum|[\w-]+/preview)/|^/(?:healthz|readyz|metrics)$")
# Cache-Control directives by which a view says that its page is not for everyone.
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Vary values the cache accounts for: the language is in the key, and only
# requests without a session or message cookie are served.
HANDLED_VARY = {"cookie", "accept-language"}
# Cookies that do not keep a page from being stored (and are not stored with
# it): ``RememberLanguageMiddleware``, between the two middlewares below, sets
# the language cookie for each visitor on every answer, cached or not.
RESET_COOKIES = {settings.LANGUAGE_COOKIE_NAME}


def is_anonymous_read(request):
    """
    Whether the request reads, by a visitor with no session and no message
    cookie: nobody logged in, nobody who has just posted a form. Every such
    visitor is shown the same page (the page cache) and may be served from a
    read replica (``korea_portal.db_router``).
    """
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def is_cacheable_request(request):
    """Whether this request may be answered from the cache, and its answer stored."""
    return (
        settings.PAGE_CACHE_SECONDS > 0 and is_anonymous_read(request) and not EXCLUDED_PATHS.match(request.path_info)
    )


def is_storable(response):
    """Whether a finished response is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming or set(response.cookies) - RESET_COOKIES:
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & PRIVATE_DIRECTIVES:
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return vary <= HANDLED_VARY


def page_key(request):
    address = f"{get_language()} {request.build_absolute_uri()}"
    return "portal:page:" + hashlib.sha256(address.encode()).hexdigest()


class FetchPageCacheMiddleware:
    """Answer an anonymous GET from the cache when its page is there and current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        found = cache.get_many([PAGE_GENERATION_KEY, key])
        generation = found.get(PAGE_GENERATION_KEY) or start_page_generation(replace=False)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            _generation, content, headers = entry
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        # A page that used a CSRF token holds it: it is never shared. The flag is
        # private to django.middleware.csrf (get_token() sets it); there is no
        # public way to ask. tests/test_page_cache.py fails the day it changes.
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            request.page_cache_entry = (key, generation)
        return response


class UpdatePageCacheMiddleware:
    """Store the finished page of an anonymous GET that ``FetchPageCacheMiddleware`` let through."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        entry = getattr(request, "page_cache_entry", None)
        if entry is not None and request.method == "GET" and is_storable(response):
            key, generation = entry
            cache.set(key, (generation, response.content, dict(response.items())), settings.PAGE_CACHE_SECONDS)
        return response


def start_page_generation(replace=True):
    """
    Start a new page-cache generation and return the current one.

    A generation is a fresh random value, never reused. With ``replace=False``
    an existing generation is kept (the first request after the cache was
    emptied starts one).
    """
    generation = uuid.uuid4().hex
    if replace:
        cache.set(PAGE_GENERATION_KEY, generation, timeout=None)
        return generation
    if cache.add(PAGE_GENERATION_KEY, generation, timeout=None):
        return generation
    return cache.get(PAGE_GENERATION_KEY) or generation


def forget_content():
    """Forget the cached header, every cached fragment and every cached page."""
    cache.delete(HEADER_CACHE_KEY)
    start_fragment_generation()
    start_page_generation()


def content_changed(sender, **kwargs):
    """Forget the cached header and pages now, and again once the change is committed."""
    if sender._meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    forget_content()
    transaction.on_commit(forget_content, using=kwargs.get("using"))


def connect_invalidation():
    """Forget cached content on every save, delete, many-to-many change and ``content_updated``."""
    for signal in (post_save, post_delete, m2m_changed, content_updated):
        signal.connect(content_changed, dispatch_uid="korea_portal.content_changed")
