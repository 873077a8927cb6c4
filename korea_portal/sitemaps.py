from django.urls import reverse

from community.sitemaps import BoardSitemap
from news.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap, TranslatedSitemap
from relations.sitemaps import PartnerSitemap, RelationArticleSitemap


class PageSitemap(TranslatedSitemap):
    def items(self):
        return ["home", "relations:partners", "news:latest", "about", "help", "privacy", "sitemap", "contact"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "partners": PartnerSitemap,
    "relation-articles": RelationArticleSitemap,
    "tags": TagSitemap,
    "boards": BoardSitemap,
}
