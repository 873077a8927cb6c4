from functools import cached_property, reduce
from operator import add

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, ExpressionWrapper, Max, Q, Sum, Value, When

from core.languages import language_codes, localized

from .models import Article, Section, Tag


class TranslatedSitemap(Sitemap):
    """
    Every URL in every language, with hreflang alternates and x-default.

    Each item becomes ten URLs with eleven alternates each (an article, one
    per language it is written in), so a page of the sitemap holds few items:
    /sitemap.xml is an index of the pages.

    The x-default is the English URL itself (``/en/…``), as the pages' heads
    give it: Django's own is the URL without a prefix, which only redirects.
    """

    i18n = True
    alternates = True
    limit = 200

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            english = [alternate for alternate in url["alternates"] if alternate["lang_code"] == settings.LANGUAGE_CODE]
            url["alternates"] += [
                {"location": alternate["location"], "lang_code": "x-default"} for alternate in english
            ]
        return urls


class SectionSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        # A section whose page is elsewhere is listed there (the partners' page is in "pages").
        return Section.objects.exclude(slug__in=settings.SECTION_PAGES)


class TagSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return Tag.objects.all()


def written_flag(language):
    """The attribute ``ArticleSitemap.items()`` sets on an article: whether it is written in ``language``."""
    return localized("written", language)


def written_in(language):
    """The condition that an article has its own title and body in ``language``, as ``is_written_in`` says."""
    return Q(**{f"{localized('title', language)}__gt": "", f"{localized('body', language)}__gt": ""})


class ArticleURLs:
    """
    An article sitemap's (article, language) pairs, as its paginator reads them.

    The index needs their number alone: ``get_latest_lastmod()`` (which it
    calls first) has the database count them, and no article is read. A
    part reads its articles when it slices the pairs.
    """

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        if self.sitemap.url_count is not None:
            return self.sitemap.url_count
        return len(self.pairs)

    @cached_property
    def pairs(self):
        return [
            (article, code) for article in self.sitemap.items() for code in self.sitemap.get_languages_for_item(article)
        ]

    def __getitem__(self, index):
        return self.pairs[index]


class ArticleSitemap(TranslatedSitemap):
    """
    Published articles, read with only what their URL and date need (not ten bodies each).

    An article is listed in the languages it is written in alone (title and
    body, as ``ArticleBase.has_translation`` says), with those as alternates:
    in another language its page is the English text, no translation. The
    database tells which languages, without sending the texts.
    """

    model = Article
    url_related = "section"
    # The number of URLs, once get_latest_lastmod() has counted them.
    url_count = None

    @property
    def paginator(self):
        return Paginator(ArticleURLs(self), self.limit)

    def items(self):
        written = {
            written_flag(code): ExpressionWrapper(written_in(code), output_field=BooleanField())
            for code in language_codes()
        }
        return (
            self.model.objects.published()
            .select_related(self.url_related)
            .only("slug", "updated", f"{self.url_related}__slug")
            .annotate(**written)
            .order_by("-publish_date", "-pk")
        )

    def get_languages_for_item(self, article):
        return [code for code in language_codes() if getattr(article, written_flag(code))]

    def lastmod(self, article):
        return article.updated

    def get_latest_lastmod(self):
        # Django's default reads every item for this; the database answers at once, and counts the URLs.
        languages = [Case(When(written_in(code), then=Value(1)), default=Value(0)) for code in language_codes()]
        summary = self.model.objects.published().aggregate(latest=Max("updated"), urls=Sum(reduce(add, languages)))
        self.url_count = summary["urls"] or 0
        return summary["latest"]
