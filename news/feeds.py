import re

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
# What XML 1.0 cannot hold: the control characters but tab and line breaks, and two non-characters.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text):
    """
    Return ``text`` without the characters XML cannot hold.

    One pasted into a title or a summary (a vertical tab from a word
    processor) made Django refuse to write the feed: a server error.
    """
    return NOT_XML.sub("", text)


class LanguageFeedMixin:
    """Render the feed in the language named by its URL."""

    def __call__(self, request, *args, language, **kwargs):
        if language not in dict(settings.LANGUAGES):
            raise Http404
        with translation.override(language):
            return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

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
        return xml_text(_("%(site)s: %(section)s") % {"site": settings.SITE_NAME, "section": section.name})

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return Article.objects.published().filter(section=section).select_related(*Article.list_related)[:FEED_SIZE]
