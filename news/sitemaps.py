from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article, Section


class TranslatedSitemap(Sitemap):
    """
    Every URL in every language, with hreflang alternates and x-default.

    Each item becomes ten URLs with eleven alternates each, so a page of the
    sitemap holds few items: /sitemap.xml is an index of the pages.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = 200


class SectionSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        # A section whose page is elsewhere is listed there (the partners' page is in "pages").
        return Section.objects.exclude(slug__in=settings.SECTION_PAGES)


class ArticleSitemap(TranslatedSitemap):
    """Published articles, read with only what their URL and date need (not ten bodies each)."""

    model = Article
    url_related = "section"

    def items(self):
        return (
            self.model.objects.published()
            .select_related(self.url_related)
            .only("slug", "updated", f"{self.url_related}__slug")
            .order_by("-publish_date", "-pk")
        )

    def lastmod(self, article):
        return article.updated

    def get_latest_lastmod(self):
        # Django's default reads every item for this; the database answers at once.
        return self.model.objects.published().aggregate(latest=Max("updated"))["latest"]
