"""
The feeds: Atom and RSS 2.0, in every language, of the latest articles, of a
section, of a tag (and, in ``relations``, of a partner).

Each feed costs a fixed number of queries: the articles (one UNION and one
query per kind, or one query), their tags (one per kind) and the sections
naming their category (one). The lead image's enclosure reads the size of one
rendition file from storage per entry, no query.
"""

import datetime
import mimetypes
import re
from itertools import groupby

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import feedgenerator, translation
from django.utils.translation import gettext as _

from core.languages import text_in

from .articles import latest_articles
from .images import rendition_name
from .models import Section, Tag

FEED_SIZE = 20
# The width of the lead image rendition a feed encloses.
ENCLOSURE_WIDTH = 1024
# What an empty feed says it was updated: a fixed date, so that a feed reader
# polling it does not see a change on every request.
EMPTY_FEED_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# What XML 1.0 cannot hold: the control characters but tab and line breaks, and two non-characters.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text):
    """
    Return ``text`` without the characters XML cannot hold.

    One pasted into a title or a summary (a vertical tab from a word
    processor) made Django refuse to write the feed: a server error.
    """
    return NOT_XML.sub("", text)


class ElementLanguages:
    """A feed's XML writer that gives the elements named in ``languages`` their ``xml:lang``."""

    def __init__(self, handler, languages):
        self.handler, self.languages = handler, languages

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 - the SAX writer's name
        if name in self.languages:
            attrs = {**(attrs or {}), "xml:lang": self.languages[name]}
        self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class PortalFeedGenerator:
    """
    What Django's feed generators lack: ``xml:lang`` on an entry shown in the
    English fallback (its title is English), and on its summary alone where
    only the summary is (``item["element_languages"]``); a fixed ``updated``
    date for an empty feed.
    """

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("fallback_language"):
            attributes["xml:lang"] = item["fallback_language"]
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(ElementLanguages(handler, item.get("element_languages", {})), item)

    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_UPDATED


class AtomFeed(PortalFeedGenerator, feedgenerator.Atom1Feed):
    pass


class RssFeed(PortalFeedGenerator, feedgenerator.Rss201rev2Feed):
    pass


def with_categories(articles):
    """
    Give each article its feed categories (``feed_categories``): the section
    it is listed under, then its tags. Costs one query for the sections and
    one per kind of article for the tags.
    """

    def kind(article):
        return article._meta.label

    for _kind, group in groupby(sorted(articles, key=kind), key=kind):
        prefetch_related_objects(list(group), "tags")
    slugs = {article.listed_section_slug for article in articles}
    sections = {section.slug: section.name for section in Section.objects.filter(slug__in=slugs)} if slugs else {}
    for article in articles:
        section = sections.get(article.listed_section_slug)
        article.feed_categories = [*([section] if section else []), *(tag.name for tag in article.tags.all())]
    return articles


class LanguageFeedMixin:
    """
    Render the feed in the language named by its URL, each entry with its
    title, summary, link, dates, the portal as author, its section and tags as
    categories and its lead image as an enclosure.
    """

    feed_type = AtomFeed

    def __call__(self, request, *args, language, **kwargs):
        if language not in dict(settings.LANGUAGES):
            raise Http404
        with translation.override(language):
            return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django leaves an enclosure's URL as given: a storage URL is a path.
        for item in feed.items:
            for enclosure in item["enclosures"]:
                enclosure.url = request.build_absolute_uri(enclosure.url)
        return feed

    def author_name(self):
        return settings.SITE_NAME

    def item_author_name(self, item):
        return settings.SITE_NAME

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

    def item_pubdate(self, item):
        return item.publish_date

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [xml_text(name) for name in item.feed_categories]

    def item_enclosures(self, item):
        image = item.lead_image
        if image is None or not image.file:
            return []
        name = rendition_name(image.file, image.renditions, ENCLOSURE_WIDTH)
        try:
            length = image.file.storage.size(name)
        except Exception:
            # A rendition lost from storage costs the entry its enclosure, not the feed. Each
            # storage says so its own way (on disk OSError, on S3 botocore's ClientError).
            return []
        mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return [feedgenerator.Enclosure(image.file.storage.url(name), str(length), mime_type)]

    def item_extra_kwargs(self, item):
        """
        The languages of an entry shown in part in English, field by field:
        the entry's is its title's, and a summary in another language than the
        title says so on its own element (Atom's ``summary``, RSS's ``description``).
        """
        language = translation.get_language()
        english = settings.LANGUAGE_CODE
        title, summary = (language if text_in(item, field, language) else english for field in ("title", "summary"))
        if not item.summary:
            summary = title
        extra = {"fallback_language": english} if title != language else {}
        if summary != title:
            extra["element_languages"] = {"summary": summary, "description": summary}
        return extra


class LatestArticlesFeed(LanguageFeedMixin, Feed):
    def title(self):
        return _("%(site)s: latest articles") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("home")

    def subtitle(self):
        return _("The latest news and relation articles.")

    def items(self):
        return with_categories(latest_articles(FEED_SIZE))


def in_section(section):
    """
    The ``published_keys`` condition of a section: news of that section, and
    every article of a kind listed under it as a whole (the relation articles
    under Korea and the World).
    """

    def condition(model):
        if any(field.name == "section" for field in model._meta.get_fields()):
            return Q(section=section)
        return Q() if model.listed_section_slug == section.slug else None

    return condition


class SectionFeed(LanguageFeedMixin, Feed):
    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, section):
        # Translators: a feed's title: the portal's name, then a section's name.
        return xml_text(_("%(site)s: %(section)s") % {"site": settings.SITE_NAME, "section": section.name})

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return with_categories(latest_articles(FEED_SIZE, in_section(section)))


class TagFeed(LanguageFeedMixin, Feed):
    def get_object(self, request, tag):
        return get_object_or_404(Tag, slug=tag)

    def title(self, tag):
        # Translators: a feed's title: the portal's name, then a tag's name.
        return xml_text(_("%(site)s: articles about %(tag)s") % {"site": settings.SITE_NAME, "tag": tag.name})

    def link(self, tag):
        return tag.get_absolute_url()

    def items(self, tag):
        return with_categories(latest_articles(FEED_SIZE, Q(tags=tag)))


def feed_paths(route, feed_class, name):
    """Return the routes of a feed: Atom at ``route`` (its address since the first feeds), RSS 2.0 under ``rss/``."""
    rss_class = type(f"{feed_class.__name__}Rss", (feed_class,), {"feed_type": RssFeed})
    return [path(route, feed_class(), name=name), path(f"{route}rss/", rss_class(), name=f"{name}-rss")]
