"""Every page carries its language: lang and dir, alternates, the language bar, the redirect from /."""

import json

import pytest
from django.conf import settings

from tests.factories import make_article, make_relation_article

from .pages import LANGUAGES, page_of

pytestmark = pytest.mark.django_db


def written_in_every_language(title):
    """An article's texts in all ten languages: its page exists in each, so it lists them all as alternates."""
    texts = {}
    for language in LANGUAGES:
        column = language.replace("-", "_")
        texts[f"title_{column}"] = f"{title} ({language})"
        texts[f"body_{column}"] = f"<p>{title} ({language})</p>"
    return texts


@pytest.fixture
def content():
    news = make_article(slug="kimchi-festival", **written_in_every_language("Kimchi festival"))
    relation = make_relation_article(slug="rok-japan-relations", **written_in_every_language("ROK-Japan Relations"))
    return {
        "home": "/{lang}/",
        "section": f"/{{lang}}/news/{news.section.slug}/",
        "partner": f"/{{lang}}/world/{relation.partner.slug}/",
        "news article": f"/{{lang}}/news/{news.section.slug}/kimchi-festival/",
        "relation article": f"/{{lang}}/world/{relation.partner.slug}/rok-japan-relations/",
        "print view": f"/{{lang}}/world/{relation.partner.slug}/rok-japan-relations/print/",
        "search": "/{lang}/search/?q=Kimchi&page=1",
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "partner", "relation article", "news article"])
def test_every_language_renders_with_its_lang_and_direction(client, content, language, kind):
    page = page_of(client.get(content[kind].format(lang=language)))
    assert page.html_attrs["lang"] == language
    assert page.html_attrs["dir"] == ("rtl" if language == "ar" else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "section", "partner", "news article", "relation article", "search"])
def test_alternates_name_the_same_page_in_every_language_and_a_default(client, content, kind, language):
    """Whichever language a page is read in, it lists itself in all ten, and English as the default."""
    page = page_of(client.get(content[kind].format(lang=language)))
    expected = {language: "http://testserver" + content[kind].format(lang=language) for language in LANGUAGES}
    assert page.alternates == {**expected, "x-default": expected["en"]}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "section", "partner", "news article", "relation article", "search"])
def test_language_bar_leads_to_the_same_page_with_the_same_query(client, content, kind, language):
    """From a page in any language, the bar leads to that page in each language, query string kept."""
    page = page_of(client.get(content[kind].format(lang=language)))
    assert page.language_bar == {language: content[kind].format(lang=language) for language in LANGUAGES}


def test_print_view_knows_its_address_in_every_language(client, content):
    """The print view shows no language bar, but its language links are the print view in each language."""
    response = client.get(content["print view"].format(lang="en"))
    assert page_of(response).html_attrs["lang"] == "en"
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {language: content["print view"].format(lang=language) for language in LANGUAGES}
    for language in LANGUAGES:
        assert page_of(client.get(links[language])).html_attrs["lang"] == language


def test_language_bar_of_a_missing_page_keeps_the_address(client):
    response = client.get("/fr/news/no-such-section/no-such-article/?x=1")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'href="/ko/news/no-such-section/no-such-article/?x=1"' in html


def test_language_bar_marks_the_current_language(client, content):
    html = client.get("/ko/").content.decode()
    assert 'hreflang="ko" aria-current="true">한국어</a>' in html
    assert 'hreflang="fr">Français</a>' in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ko", "/ko/"),
        ("ko-KR,ko;q=0.9,en;q=0.5", "/ko/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ar", "/ar/"),
        ("pt-BR", "/en/"),
        ("xx", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_sends_a_new_visitor_to_the_best_language_of_their_browser(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_following_the_language_bar_is_remembered_for_the_next_visit_to_root(client, content):
    assert client.get("/", headers={"accept-language": "ko"})["Location"] == "/ko/"
    chosen = client.get(content["partner"].format(lang="fr"), headers={"accept-language": "ko"})
    cookie = chosen.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr"
    assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE
    assert cookie["path"] == "/"
    assert client.get("/", headers={"accept-language": "ko"})["Location"] == "/fr/"


def test_a_page_in_the_remembered_language_sets_no_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/de/").cookies
    assert client.get("/ja/").cookies[settings.LANGUAGE_COOKIE_NAME].value == "ja"
    assert client.get("/")["Location"] == "/ja/"


def test_a_page_in_the_browser_language_sets_no_cookie(client):
    response = client.get("/ko/", headers={"accept-language": "ko"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_missing_page_changes_no_remembered_language(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_an_unknown_remembered_language_is_ignored(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/", headers={"accept-language": "es"})["Location"] == "/es/"


def test_the_public_site_serves_no_javascript_catalogue(client):
    """Public scripts hold no text, so nothing serves a catalogue there."""
    assert client.get("/ar/jsi18n/").status_code == 404


@pytest.mark.django_db
def test_admin_javascript_catalogue_holds_our_tab_labels(admin_client):
    """The admin's catalogue, which the translation tabs read, has their labels in the admin's language."""
    response = admin_client.get("/admin/jsi18n/", headers={"accept-language": "ar"})
    assert response.status_code == 200
    # The catalogue is JavaScript with the texts JSON-escaped.
    assert json.dumps("مُعبّأ") in response.content.decode()
