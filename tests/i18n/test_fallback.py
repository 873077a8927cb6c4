"""Honest fallback: an untranslated article is shown in English, marked and announced as such."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_article, make_relation_article

from .pages import page_of

pytestmark = pytest.mark.django_db

NOTICE = "This article is not yet available in %(language)s; here is the English version."


def notice_text(language, name):
    """The fallback notice as a reader of ``language`` reads it."""
    with translation.override(language):
        return gettext(NOTICE) % {"language": name}


def in_english_badge(language):
    with translation.override(language):
        return gettext("In English")


@pytest.fixture
def relation():
    return make_relation_article(
        slug="rok-japan-relations",
        title_en="ROK-Japan Relations",
        body_en="<p>Neighbours across the Korea Strait.</p>",
        title_ko="한일 관계",
        body_ko="<p>대한해협을 사이에 둔 이웃.</p>",
    )


@pytest.fixture
def news():
    return make_article(slug="kimchi-festival", title_en="Kimchi festival", body_en="<p>Cabbage everywhere.</p>")


def notice_of(html):
    found = re.search(r'<aside class="notice notice--fallback".*?</aside>', html, re.S)
    return found.group(0) if found else None


@pytest.mark.parametrize(("language", "name"), [("fr", "Français"), ("ar", "العربية"), ("zh-hans", "中文")])
def test_untranslated_relation_article_is_english_with_a_notice_in_the_readers_language(
    client, relation, language, name
):
    url = f"/{language}{relation.get_absolute_url()[3:]}"
    response = client.get(url)
    html = response.content.decode()
    notice = notice_of(html)
    assert notice_text(language, name) in notice
    # The notice links to the same article in each language it is written in.
    path = f"world/{relation.partner.slug}/rok-japan-relations/"
    assert f'<a href="/en/{path}" lang="en" hreflang="en">English</a>' in notice
    assert f'<a href="/ko/{path}" lang="ko" hreflang="ko">한국어</a>' in notice
    page = page_of(response)
    # The English text is marked English and left to right; the notice is in the reader's language.
    assert page.reading_of("Neighbours across the Korea Strait.") == ("en", "ltr")
    assert page.reading_of("ROK-Japan Relations", tag="h1") == ("en", "ltr")
    assert page.reading_of(notice_text(language, name))[0] == language


def test_translated_relation_article_has_no_notice_and_no_english_wrapper(client, relation):
    response = client.get(f"/ko/world/{relation.partner.slug}/rok-japan-relations/")
    html = response.content.decode()
    assert notice_of(html) is None
    page = page_of(response)
    assert page.reading_of("대한해협을 사이에 둔 이웃.") == ("ko", "ltr")
    assert page.reading_of("한일 관계", tag="h1") == ("ko", "ltr")


def test_english_article_never_shows_the_notice(client, relation):
    assert notice_of(client.get(relation.get_absolute_url()).content.decode()) is None


def test_news_article_falls_back_exactly_when_its_body_is_missing(client, news):
    url = f"/de/news/{news.section.slug}/kimchi-festival/"
    assert notice_text("de", "Deutsch") in client.get(url).content.decode()
    news.title_de = "Kimchi-Fest"
    news.save()
    html = client.get(url).content.decode()
    assert notice_text("de", "Deutsch") in html, "a title alone is not a translation"
    news.body_de = "<p>Überall Kohl.</p>"
    news.save()
    html = client.get(url).content.decode()
    assert notice_of(html) is None
    assert "Überall Kohl." in html and "Cabbage everywhere." not in html


def test_print_view_of_an_untranslated_article_is_marked_english(client, relation):
    page = page_of(client.get(f"/fr/world/{relation.partner.slug}/rok-japan-relations/print/"))
    assert page.html_attrs["lang"] == "fr"
    assert page.reading_of("Neighbours across the Korea Strait.") == ("en", "ltr")
    assert page.reading_of("ROK-Japan Relations", tag="h1") == ("en", "ltr")
    translated = page_of(client.get(f"/ko/world/{relation.partner.slug}/rok-japan-relations/print/"))
    assert translated.reading_of("대한해협을 사이에 둔 이웃.") == ("ko", "ltr")


def test_lists_mark_an_article_shown_in_english(client, relation):
    partner_page = f"/fr/world/{relation.partner.slug}/"
    html = client.get(partner_page).content.decode()
    assert re.search(r'<h3 class="card__title" lang="en" dir="ltr"><a href="[^"]+">ROK-Japan Relations</a>', html)
    assert in_english_badge("fr") in html
    korean = client.get(f"/ko/world/{relation.partner.slug}/").content.decode()
    assert re.search(r'<h3 class="card__title"><a href="[^"]+">한일 관계</a>', korean)
    assert in_english_badge("ko") not in korean


def test_search_finds_an_english_only_article_through_its_fallback(client, news, relation):
    html = client.get("/fr/search/", {"q": "cabbage"}).content.decode()
    assert "Kimchi festival" in html
    assert 'lang="en" dir="ltr"><a href="/fr/news/' in html


def test_search_finds_a_translated_article_by_a_word_of_its_translation(client, relation):
    relation.title_fr = "Relations entre la Corée et le Japon"
    relation.body_fr = "<p>Des voisins séparés par le détroit de Corée.</p>"
    relation.save()
    html = client.get("/fr/search/", {"q": "détroit"}).content.decode()
    assert "Relations entre la Corée et le Japon" in html
    german = client.get("/de/search/", {"q": "détroit"}).content.decode()
    # Nothing found: the page shows the latest articles instead, below the results.
    assert german.split('class="search-latest"', 1)[0].count('class="card"') == 0


def test_slug_finds_an_untranslated_article_in_every_language(client, news):
    for language in ("en", "fr", "ar", "zh-hans"):
        assert client.get(f"/{language}/news/{news.section.slug}/kimchi-festival/").status_code == 200


def test_a_translated_title_over_an_english_body_is_marked_field_by_field(client, news):
    """Each text is marked in the language it is shown in; the notice still says the article is English."""
    news.title_de, news.summary_de = "Kimchi-Fest", "Ein Fest."
    news.save()
    response = client.get(f"/de/news/{news.section.slug}/kimchi-festival/")
    page = page_of(response)
    assert notice_text("de", "Deutsch") in response.content.decode()
    assert page.reading_of("Kimchi-Fest", tag="h1") == ("de", "ltr")
    assert page.reading_of("Ein Fest.")[0] == "de"
    assert page.reading_of("Cabbage everywhere.") == ("en", "ltr")
    listing = client.get(f"/de/news/{news.section.slug}/").content.decode()
    assert re.search(r'<h3 class="card__title"><a href="[^"]+">Kimchi-Fest</a>', listing)


def test_print_view_of_an_untranslated_article_carries_the_notice(client, relation):
    html = client.get(f"/fr/world/{relation.partner.slug}/rok-japan-relations/print/").content.decode()
    assert notice_text("fr", "Français") in html
