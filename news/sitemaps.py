from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q

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


class ArticlePages(Paginator):
    """
    An article sitemap's parts: a fixed number of articles each, a part's
    items the (article, language) pairs of its own articles.

    A part reads its slice alone (``LIMIT``/``OFFSET`` over the list's
    index), never the whole list; the index needs the number of articles
    alone, which ``get_latest_lastmod()`` (called first) has the database
    count with the latest date.
    """

    def __init__(self, sitemap):
        super().__init__(sitemap.items(), max(1, sitemap.limit // len(language_codes())))
        self.sitemap = sitemap

    @cached_property
    def count(self):
        if self.sitemap.article_count is not None:
            return self.sitemap.article_count
        return super().count

    def page(self, number):
        page = super().page(number)
        languages = self.sitemap.get_languages_for_item
        page.object_list = [(article, code) for article in page.object_list for code in languages(article)]
        return page


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
    # The number of articles, once get_latest_lastmod() has counted them.
    article_count = None

    @property
    def paginator(self):
        return ArticlePages(self)

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
        # Django's default reads every item for this; the database answers at once, and counts the articles.
        summary = self.model.objects.published().aggregate(latest=Max("updated"), articles=Count("id"))
        self.article_count = summary["articles"]
        return summary["latest"]
