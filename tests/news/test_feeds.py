"""
The feeds as a feed reader gets them: Atom and RSS 2.0 of the latest articles,
of a section, of a tag and of a partner, valid, in the feed's language, with
only published articles, and advertised on the page each belongs to.
"""

import re
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from news.models import WORLD_SECTION_SLUG, Article
from tests.factories import (
    image_upload,
    make_article,
    make_image,
    make_partner,
    make_relation_article,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "ar", "zh-hans"]


@pytest.fixture
def content():
    """One of everything a feed lists, published, beside a draft and a scheduled article."""
    culture = make_section(slug="culture", name_en="Culture", name_fr="Culture FR")
    world = make_section(slug=WORLD_SECTION_SLUG, name_en="Korea and the World")
    tag = make_tag(slug="festival", name_en="Festival")
    partner = make_partner(slug="japan", name_en="Japan")
    image = make_image(file=image_upload(width=1200, height=800))
    news = make_article(
        section=culture,
        title_en="Lantern festival",
        title_fr="Fête des lanternes",
        body_fr="<p>Texte</p>",
        lead_image=image,
    )
    news.tags.set([tag])
    world_news = make_article(section=world, title_en="Foreign minister travels")
    relation = make_relation_article(partner=partner, title_en="ROK-Japan relations")
    relation.tags.set([tag])
    draft = make_article(section=culture, title_en="Draft story", status=Article.Status.DRAFT)
    draft.tags.set([tag])
    later = make_relation_article(
        partner=partner, title_en="Scheduled talks", publish_date=timezone.now() + timedelta(days=1)
    )
    later.tags.set([tag])
    return {"news": news, "world news": world_news, "relation": relation, "image": image}


FEEDS = {
    "latest": ("/feeds/{lang}/latest/", ["Lantern festival", "Foreign minister travels", "ROK-Japan relations"]),
    "section": ("/feeds/{lang}/sections/culture/", ["Lantern festival"]),
    "world section": (
        f"/feeds/{{lang}}/sections/{WORLD_SECTION_SLUG}/",
        ["Foreign minister travels", "ROK-Japan relations"],
    ),
    "tag": ("/feeds/{lang}/tags/festival/", ["Lantern festival", "ROK-Japan relations"]),
    "partner": ("/feeds/{lang}/partners/japan/", ["ROK-Japan relations"]),
}
EVERY_TITLE = {"Lantern festival", "Foreign minister travels", "ROK-Japan relations"}


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


def english_titles(feed):
    """The entries' titles, the French one read as its English original."""
    return {entry.title.replace("Fête des lanternes", "Lantern festival") for entry in feed.entries}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("rss", [False, True], ids=["atom", "rss"])
def test_every_feed_is_valid_and_holds_only_its_published_articles(client, content, name, language, rss):
    route, expected = FEEDS[name]
    url = route.format(lang=language) + ("rss/" if rss else "")
    response, feed = parsed(client, url)
    assert response["Content-Type"].startswith("application/rss+xml" if rss else "application/atom+xml")
    assert feed.version == ("rss20" if rss else "atom10")
    assert english_titles(feed) == set(expected)
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")
        assert entry.author == "Korea Portal"
        assert entry.published_parsed and entry.summary


@pytest.mark.parametrize("rss", [False, True], ids=["atom", "rss"])
def test_an_entry_carries_its_categories_and_lead_image(client, content, rss):
    _response, feed = parsed(client, "/feeds/en/latest/" + ("rss/" if rss else ""))
    entries = {entry.title: entry for entry in feed.entries}
    news = entries["Lantern festival"]
    assert [tag.term for tag in news.tags] == ["Culture", "Festival"]
    assert [tag.term for tag in entries["ROK-Japan relations"].tags] == ["Korea and the World", "Festival"]
    image = content["image"]
    rendition = image.renditions["1024"]
    (enclosure,) = news.enclosures
    assert enclosure.href == f"http://testserver{image.file.storage.url(rendition)}"
    assert enclosure.type == "image/webp"
    assert int(enclosure.length) == image.file.storage.size(rendition)
    assert entries["Foreign minister travels"].enclosures == []


def test_the_feed_and_its_entries_are_in_the_feeds_language(client, content):
    response, feed = parsed(client, "/feeds/fr/latest/")
    xml = response.content.decode()
    assert feed.feed.language == "fr"
    assert "Fête des lanternes" in xml
    assert "Culture FR" in xml


@pytest.mark.parametrize("rss", [False, True], ids=["atom", "rss"])
def test_an_entry_shown_in_the_english_fallback_is_marked_english_field_by_field(client, content, rss):
    whole = make_article(title_en="Fully translated", title_fr="Tout traduit", summary_fr="Résumé", body_fr="<p>T</p>")
    response, feed = parsed(client, "/feeds/fr/latest/" + ("rss/" if rss else ""))
    entries = {entry.title: entry for entry in feed.entries}
    untranslated = entries["Foreign minister travels"]
    assert untranslated.title_detail.language == untranslated.summary_detail.language == "en"
    # A French title over the English summary: the summary alone says it is English.
    # (Atom's entries inherit the feed's xml:lang; RSS states its language in <language> alone.)
    french_title = entries["Fête des lanternes"]
    assert french_title.title_detail.language == (None if rss else "fr")
    assert french_title.summary == "Summary of " + content["news"].slug
    assert french_title.summary_detail.language == "en"
    translated = entries[whole.title_fr]
    assert translated.title_detail.language == translated.summary_detail.language == (None if rss else "fr")


def test_an_english_feed_marks_nothing_as_fallback(client, content):
    response, _feed = parsed(client, "/feeds/en/latest/")
    assert 'xml:lang="en"' not in response.content.decode().split("<entry", 1)[1]


@pytest.mark.parametrize("rss", [False, True], ids=["atom", "rss"])
def test_an_empty_feed_says_the_same_updated_date_on_every_request(client, rss):
    make_tag(slug="quiet")
    url = "/feeds/en/tags/quiet/" + ("rss/" if rss else "")
    first = parsed(client, url)[1].feed.updated
    second = parsed(client, url)[1].feed.updated
    assert first == second
    assert parsed(client, url)[1].feed.updated_parsed[:3] == (2000, 1, 1)


@pytest.mark.parametrize(
    "url", ["/feeds/en/tags/nope/", "/feeds/en/partners/nope/rss/", "/feeds/xx/tags/festival/", "/feeds/en/latest/x/"]
)
def test_an_unknown_tag_partner_or_language_is_not_found(client, url):
    make_tag(slug="festival")
    assert client.get(url).status_code == 404


def test_a_lost_rendition_costs_the_entry_its_enclosure_not_the_feed(client, content):
    image = content["image"]
    image.file.storage.delete(image.renditions["1024"])
    _response, feed = parsed(client, "/feeds/en/latest/")
    assert all(entry.enclosures == [] for entry in feed.entries)


class TestAdvertised:
    """Each page names its own feeds, in its language, beside those of the latest articles."""

    @pytest.mark.parametrize(
        "page, feed",
        [
            ("/fr/", "/feeds/fr/latest/"),
            ("/fr/news/culture/", "/feeds/fr/sections/culture/"),
            ("/fr/news/tags/festival/", "/feeds/fr/tags/festival/"),
            ("/fr/world/japan/", "/feeds/fr/partners/japan/"),
            ("/fr/world/", f"/feeds/fr/sections/{WORLD_SECTION_SLUG}/"),
        ],
    )
    def test_a_page_advertises_its_atom_and_rss_feeds(self, client, content, page, feed):
        html = client.get(page).content.decode()
        for kind, href in (("atom", feed), ("rss", f"{feed}rss/"), ("rss", "/feeds/fr/latest/rss/")):
            link = rf'<link rel="alternate" type="application/{kind}\+xml" title="[^"]+" href="{href}">'
            assert re.search(link, html), (page, href)
