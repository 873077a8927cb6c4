from news.sitemaps import ArticleSitemap, TranslatedSitemap

from .models import Article, Country


class CountrySitemap(TranslatedSitemap):
    def items(self):
        return Country.objects.all()


class RelationArticleSitemap(ArticleSitemap):
    model = Article
    url_related = "country"
