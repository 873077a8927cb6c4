from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .articles import latest_articles
from .models import Article, Section

FEED_SIZE = 20


class LanguageFeedMixin:
    """Render the feed in the language named by its URL."""

    def __call__(self, request, *args, language, **kwargs):
        if language not in dict(settings.LANGUAGES):
            raise Http404
        with translation.override(language):
            return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_date

    def item_updateddate(self, item):
        return item.updated


class LatestArticlesFeed(LanguageFeedMixin, Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("%(site)s: latest articles") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("home")

    def subtitle(self):
        return _("The latest news and relation articles.")

    def items(self):
        return latest_articles(FEED_SIZE)


class SectionFeed(LanguageFeedMixin, Feed):
    feed_type = Atom1Feed

    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        # Translators: a feed's title: the portal's name, then a section's name.
        return _("%(site)s: %(section)s") % {"site": settings.SITE_NAME, "section": section.name}

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return Article.objects.published().filter(section=section).select_related(*Article.list_related)[:FEED_SIZE]
