from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_bidi, get_language_from_path, override

from core.fragments import fragment_generation
from core.languages import language_codes, native_name
from news.models import Section, Tag

from .cache import HEADER_CACHE_KEY


def header_content(language):
    """
    Return the header's sections and keywords in ``language``, from the cache when it has them.

    Plain names and URLs, each language's built on its first request: reading
    them back costs little, where model instances with every language's
    columns cost more to unpickle than the rest of the header to render.
    One cache entry holds every language's; ``korea_portal.cache`` forgets it
    when content changes, and it expires after ``PAGE_CACHE_SECONDS`` in any case.
    """
    content = cache.get(HEADER_CACHE_KEY) or {}
    if language not in content:
        content[language] = {
            "sections": [
                {"slug": section.slug, "name": section.name, "url": section.get_absolute_url()}
                for section in Section.objects.all()
            ],
            "tags": [{"name": tag.name, "url": tag.get_absolute_url()} for tag in Tag.objects.all()],
        }
        cache.set(HEADER_CACHE_KEY, content, settings.PAGE_CACHE_SECONDS)
    return content[language]


def url_in_language(path, language):
    """
    Return the same page (``path`` with its query string) in ``language``.

    URLs differ between languages by their prefix alone (neither routes nor
    slugs are translated), so swapping the prefix is the whole translation:
    no resolving and reversing ten times a page, and a page the URLconf
    cannot resolve, such as a 404, gets its prefix swapped too. A path
    without a prefix leads to the home page.
    """
    current = get_language_from_path(path)
    if current is None:
        with override(language):
            return reverse("home")
    return f"/{language}/{path[len(current) + 2 :]}"


# The query parameters that choose what a page shows, by the page's route: the
# search and a page of a list. A page's canonical address and its hreflang
# alternates keep them and drop any other (a campaign's tag, a click id, a page
# number on a page without pages), which shows the same page.
PAGE = ("page",)
CONTENT_PARAMETERS = {
    "search": ("q", "page"),
    "news:latest": PAGE,
    "news:section": PAGE,
    "news:tag": PAGE,
    "community:board": PAGE,
    "community:topic": PAGE,
}


def canonical_path(request):
    """Return the path of this page with only the query parameters that choose its content."""
    route = request.resolver_match.view_name if request.resolver_match else None
    names = CONTENT_PARAMETERS.get(route, ())
    kept = [(name, request.GET[name]) for name in names if request.GET.get(name)]
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


def portal(request):
    """What every page's header, navigation and footer show."""
    language = get_language()
    path = request.get_full_path()
    canonical = canonical_path(request)
    # Lazy: a page without the header (the print view) reads neither the cache nor the database.
    header = SimpleLazyObject(lambda: header_content(language))
    return {
        "site_name": settings.SITE_NAME,
        # The templates' {% cache fragment_seconds name ... LANGUAGE_CODE fragment_generation %} (korea_portal.cache).
        "fragment_generation": SimpleLazyObject(fragment_generation),
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
        "nav_sections": SimpleLazyObject(lambda: header["sections"]),
        "keyword_tags": SimpleLazyObject(lambda: header["tags"]),
        "language_links": [
            {
                "code": code,
                "name": native_name(code),
                "url": url_in_language(path, code),
                # The page's canonical path in that language: its hreflang alternate.
                "alternate": url_in_language(canonical, code),
                "current": code == language,
            }
            for code in language_codes()
        ],
        # Paths: the templates add the scheme and host, which only a page that shows them reads
        # (a 400 page answering a bad Host header shows none).
        "canonical_path": canonical,
        "default_language_url": url_in_language(canonical, settings.LANGUAGE_CODE),
        # What a page says of itself (templates/base.html); a view gives its own.
        "page_languages": language_codes(),
        "page_type": "website",
        "page_image": None,
        "current_language_name": native_name(language),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
