"""A partner's feeds (Atom and RSS 2.0): its published relation articles, in the feed's language."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from news.feeds import FEED_SIZE, LanguageFeedMixin, with_categories, xml_text

from .models import Article, Partner


class PartnerFeed(LanguageFeedMixin, Feed):
    def get_object(self, request, partner):
        return get_object_or_404(Partner, slug=partner)

    def title(self, partner):
        # Translators: a feed's title: the portal's name, then a partner's name (a country, the EU…).
        return xml_text(_("%(site)s: %(partner)s") % {"site": settings.SITE_NAME, "partner": partner.name})

    def link(self, partner):
        return partner.get_absolute_url()

    def items(self, partner):
        articles = Article.objects.published().filter(partner=partner).select_related(*Article.list_related)
        return with_categories(list(articles[:FEED_SIZE]))
