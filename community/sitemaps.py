from news.sitemaps import TranslatedSitemap

from .models import Board


class BoardSitemap(TranslatedSitemap):
    """The forum's boards (not its topics: they come and go with every post)."""

    changefreq = "daily"

    def items(self):
        return Board.objects.all()
