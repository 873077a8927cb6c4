from django.contrib.sitemaps import Sitemap

from .models import Article, Section


class TranslatedSitemap(Sitemap):
    """Every URL in every language, with hreflang alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return Section.objects.all()


class ArticleSitemap(TranslatedSitemap):
    model = Article

    def items(self):
        return self.model.objects.published().select_related(*self.model.list_related)

    def lastmod(self, article):
        return article.updated
