from news.sitemaps import ArticleSitemap, TranslatedSitemap

from .models import Article, Partner


class PartnerSitemap(TranslatedSitemap):
    def items(self):
        return Partner.objects.all()


class RelationArticleSitemap(ArticleSitemap):
    model = Article
    url_related = "partner"
