"""What a page's head says of it to search engines and to sites that share it: canonical, description, OG, hreflang."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Board
from news.sitemaps import ArticleSitemap
from tests.factories import image_upload, make_article, make_image, make_partner, make_section, make_tag
from tests.i18n.pages import LANGUAGES, page_of

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
SITE_DESCRIPTION = "News and information about the Republic of Korea, in ten languages."
OPEN_GRAPH_LOCALES = {
    "en": "en_US",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "ar": "ar_AR",
    "vi": "vi_VN",
    "ru": "ru_RU",
    "zh-hans": "zh_CN",
    "ja": "ja_JP",
    "ko": "ko_KR",
}


def in_language(url, language):
    """The same /en/… address in another language."""
    return f"/{language}/{url.removeprefix('/en/')}"


def one(page, name):
    """The content of the single <meta> called ``name`` (a property or a name)."""
    values = page.meta.get(name, [])
    assert len(values) == 1, (name, values)
    return values[0]


@pytest.fixture
def untranslated():
    return make_article(title_en="Harbour opens", summary_en="The new harbour opens in Busan.")


@pytest.fixture
def translated():
    return make_article(
        title_en="Spring festival",
        summary_en="Cherry blossoms in Jinhae.",
        title_fr="Festival du printemps",
        summary_fr="Les cerisiers de Jinhae.",
        body_fr="<p>Texte</p>",
        title_ko="봄 축제",
        summary_ko="진해의 벚꽃.",
        body_ko="<p>본문</p>",
        lead_image=make_image(file=image_upload(width=200, height=120), alt_text_en="Blossoms by the sea"),
    )


class TestArticleWithoutTranslations:
    def test_in_english_it_points_to_itself_and_lists_english_alone(self, client, untranslated):
        url = untranslated.get_absolute_url()
        page = page_of(client.get(url))
        assert page.links["canonical"] == [SERVER + url]
        assert one(page, "description") == "The new harbour opens in Busan."
        assert one(page, "og:title") == one(page, "twitter:title") == "Harbour opens"
        assert one(page, "og:description") == one(page, "twitter:description") == "The new harbour opens in Busan."
        assert one(page, "og:url") == SERVER + url
        assert one(page, "og:type") == "article"
        assert one(page, "og:site_name") == "Korea Portal"
        assert one(page, "og:locale") == "en_US"
        assert "og:locale:alternate" not in page.meta
        assert page.alternates == {"en": SERVER + url, "x-default": SERVER + url}

    def test_without_a_picture_the_card_is_a_summary(self, client, untranslated):
        page = page_of(client.get(untranslated.get_absolute_url()))
        assert one(page, "twitter:card") == "summary"
        assert "og:image" not in page.meta

    def test_in_another_language_its_alternates_are_the_english_original_alone(self, client, untranslated):
        """The French page shows the English text: it is no translation, so no alternate names it."""
        url = untranslated.get_absolute_url()
        page = page_of(client.get(in_language(url, "fr")))
        assert page.links["canonical"] == [SERVER + in_language(url, "fr")]
        assert one(page, "og:url") == SERVER + in_language(url, "fr")
        assert one(page, "og:locale") == "fr_FR"
        assert page.meta["og:locale:alternate"] == ["en_US"]
        assert page.alternates == {"en": SERVER + url, "x-default": SERVER + url}


class TestArticleWithTranslations:
    def test_alternates_are_its_translations_and_the_english_original(self, client, translated):
        url = translated.get_absolute_url()
        expected = {code: SERVER + in_language(url, code) for code in ("en", "fr", "ko")}
        for language in ("en", "ko", "de"):
            page = page_of(client.get(in_language(url, language)))
            assert page.alternates == {**expected, "x-default": SERVER + url}, language
            assert page.links["canonical"] == [SERVER + in_language(url, language)]

    def test_in_a_translated_language_it_speaks_that_language(self, client, translated):
        page = page_of(client.get(in_language(translated.get_absolute_url(), "ko")))
        assert one(page, "og:title") == "봄 축제"
        assert one(page, "description") == one(page, "og:description") == "진해의 벚꽃."
        assert one(page, "og:locale") == "ko_KR"
        assert sorted(page.meta["og:locale:alternate"]) == ["en_US", "fr_FR"]

    def test_in_an_untranslated_language_it_gives_the_english_text(self, client, translated):
        page = page_of(client.get(in_language(translated.get_absolute_url(), "de")))
        assert one(page, "og:title") == "Spring festival"
        assert one(page, "og:locale") == "de_DE"
        assert sorted(page.meta["og:locale:alternate"]) == ["en_US", "fr_FR", "ko_KR"]

    def test_its_picture_is_shared_with_its_size_and_text(self, client, translated):
        page = page_of(client.get(translated.get_absolute_url()))
        image = translated.lead_image
        assert one(page, "og:image") == SERVER + image.rendition_url_large
        assert one(page, "og:image").endswith(".webp")
        # A 200 × 120 picture is not enlarged: its rendition is as large as it is.
        assert (one(page, "og:image:width"), one(page, "og:image:height")) == ("200", "120")
        assert one(page, "og:image:alt") == one(page, "twitter:image:alt") == "Blossoms by the sea"
        assert one(page, "twitter:card") == "summary_large_image"


def test_texts_are_escaped_once(client):
    """Quotes and markup in a summary stay text: the attribute holds them, the head holds no tag of the editor's."""
    article = make_article(title_en='The "Hallyu" <wave>', summary_en='Fans say "saranghae" & sing <loudly>.')
    response = client.get(article.get_absolute_url())
    page = page_of(response)
    assert one(page, "description") == 'Fans say "saranghae" & sing <loudly>.'
    assert one(page, "og:title") == 'The "Hallyu" <wave>'
    html = response.content.decode()
    assert "<loudly>" not in html and "<wave>" not in html
    assert 'content="Fans say &quot;saranghae&quot; &amp; sing &lt;loudly&gt;."' in html


def test_a_partner_page_has_its_overview_and_every_language(client):
    partner = make_partner(name_en="Japan", overview_en="Korea's neighbour across the East Sea.")
    url = partner.get_absolute_url()
    page = page_of(client.get(in_language(url, "fr")))
    assert one(page, "description") == one(page, "og:description") == "Korea's neighbour across the East Sea."
    assert one(page, "og:type") == "website"
    assert page.links["canonical"] == [SERVER + in_language(url, "fr")]
    assert page.alternates == {
        **{code: SERVER + in_language(url, code) for code in LANGUAGES},
        "x-default": SERVER + url,
    }
    assert sorted(page.meta["og:locale:alternate"]) == sorted(
        locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != "fr"
    )


def test_a_section_has_its_description_and_drops_a_query_that_shows_nothing_else(client):
    section = make_section(name_en="Culture", description_en="Films, music and the arts.")
    url = section.get_absolute_url()
    page = page_of(client.get(url + "?utm_source=newsletter"))
    assert one(page, "description") == "Films, music and the arts."
    assert page.links["canonical"] == [SERVER + url]
    assert page.alternates["ko"] == SERVER + in_language(url, "ko")
    assert page.alternates["x-default"] == SERVER + url


def test_a_page_of_a_list_and_a_search_keep_the_query_that_chooses_them(client):
    section = make_section()
    for _ in range(13):
        make_article(section=section, title_en="Kimchi story")
    url = section.get_absolute_url()
    page = page_of(client.get(url + "?page=2&utm_source=x"))
    assert page.links["canonical"] == [f"{SERVER}{url}?page=2"]
    assert page.alternates["x-default"] == f"{SERVER}{url}?page=2"
    search = page_of(client.get("/ja/search/?utm_source=x&q=Kimchi"))
    assert search.links["canonical"] == [f"{SERVER}/ja/search/?q=Kimchi"]
    assert search.alternates["en"] == f"{SERVER}/en/search/?q=Kimchi"


def test_a_tag_page_says_what_it_lists(client):
    tag = make_tag(name_en="K-pop")
    page = page_of(client.get(tag.get_absolute_url()))
    assert one(page, "description") == "Articles about K-pop"
    assert one(page, "og:title") == "K-pop"
    assert page.links["canonical"] == [SERVER + tag.get_absolute_url()]


def test_a_page_without_a_description_of_its_own_has_the_site_s(client):
    page = page_of(client.get("/en/"))
    assert one(page, "description") == one(page, "og:description") == SITE_DESCRIPTION
    assert one(page, "og:title") == "Home"
    assert page.links["canonical"] == [SERVER + "/en/"]
    assert len(page.alternates) == len(LANGUAGES) + 1


def test_an_error_page_names_no_canonical_address(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
    assert 'property="og:' not in response.content.decode()


def sitemap_urls(client, part, page=1):
    """Each <url> of a page of a sitemap part: {location: {hreflang: href}}."""
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    xml = client.get(f"/sitemap-{part}.xml", {"p": page}).content
    root = ElementTree.fromstring(xml)  # noqa: S314  # our own page
    return {
        url.find("s:loc", names).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", names)}
        for url in root.findall("s:url", names)
    }


def test_the_sitemap_lists_an_article_in_its_own_languages_with_the_english_url_as_default(client, translated):
    url = translated.get_absolute_url()
    urls = sitemap_urls(client, "articles")
    located = {code: SERVER + in_language(url, code) for code in ("en", "fr", "ko")}
    assert set(urls) == set(located.values())
    for alternates in urls.values():
        assert alternates == {**located, "x-default": SERVER + url}


def test_the_sitemap_gives_an_untranslated_article_in_english_alone(client, untranslated):
    url = SERVER + untranslated.get_absolute_url()
    assert sitemap_urls(client, "articles") == {url: {"en": url, "x-default": url}}


def test_the_sitemap_lists_tags_and_boards_in_every_language(client):
    tag = make_tag()
    board = Board.objects.create(slug="general", name_en="General discussion")
    for part, item in (("tags", tag), ("boards", board)):
        urls = sitemap_urls(client, part)
        english = SERVER + item.get_absolute_url()
        assert set(urls) == {SERVER + in_language(item.get_absolute_url(), code) for code in LANGUAGES}
        assert urls[english]["x-default"] == english
        assert len(urls[english]) == len(LANGUAGES) + 1


def test_the_sitemap_index_pages_the_articles_a_fixed_number_of_articles_a_part(client, translated, monkeypatch):
    """
    A part holds limit // 10 articles, each in the languages it is written in: with a limit of
    ten URLs, one article a part. The second article (English only) is the second part.
    """
    make_article(title_en="English only", publish_date=translated.publish_date - timedelta(days=1))
    monkeypatch.setattr(ArticleSitemap, "limit", 10)
    index = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{SERVER}/sitemap-articles.xml?p=2</loc>" in index
    assert "sitemap-articles.xml?p=3" not in index
    assert len(sitemap_urls(client, "articles")) == 3
    assert len(sitemap_urls(client, "articles", page=2)) == 1
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404


def test_a_sitemap_part_reads_its_own_articles_alone(client, translated, monkeypatch):
    """A part is a LIMIT/OFFSET slice over the list's index: the same queries at any depth."""
    for number in range(5):
        make_article(title_en=f"Older {number}", publish_date=translated.publish_date - timedelta(days=number + 1))
    monkeypatch.setattr(ArticleSitemap, "limit", 10)
    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap-articles.xml?p=5")
    reads = [
        query["sql"] for query in queries if 'FROM "news_article"' in query["sql"] and "COUNT(" not in query["sql"]
    ]
    assert reads and all("LIMIT 1 OFFSET 4" in sql for sql in reads)
