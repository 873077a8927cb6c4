"""The demo content in the nine other languages: every name and title, and one article in full."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from korea_portal.demo import content
from korea_portal.demo.seed_text import BODIES, CAPTIONS
from korea_portal.demo.translations import TRANSLATIONS, paragraphs_html

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
FULLY_TRANSLATED = "rok-eu-relations"
EU_ARTICLE_URL = "/{language}/world/european-union/rok-eu-relations/"

# A sentence of the English body, and the same sentence in the two full translations.
ENGLISH_SENTENCE = "The ties between Korea and Western European countries have a long history."
TRANSLATED_SENTENCES = {
    "fr": "Les liens entre la Corée et les pays d’Europe occidentale ont une longue histoire.",
    "ko": "한국과 서유럽 국가들의 관계는 오랜 역사를 지니고 있다.",
}


def demo_texts():
    """Return every (kind, key) of the demo content with the fields a reader sees in English."""
    texts = {}
    for kind, pairs in (("section", content.SECTIONS), ("tag", content.TAGS), ("topic", content.TOPICS)):
        for slug, _name in pairs:
            texts[(kind, slug)] = {"name"}
    for slug, _name, _description in content.BOARDS:
        texts[("board", slug)] = {"name", "description"}
    for partner in content.PARTNERS:
        texts[("partner", partner["slug"])] = {"name"}
    for article in content.ARTICLES:
        texts[("article", article["slug"])] = {"title", "summary"}
    for summit in content.SUMMITS:
        fields = {"place", "leaders", "caption"} | ({"occasion"} if summit["occasion"] else set())
        texts[("summit", f"{summit['partner']}-{summit['date']:%Y-%m-%d}")] = fields
    for figure in content.TRADE_FIGURES:
        fields = {field for field in ("source", "note") if figure.get(field)}
        if fields:
            texts[("trade", f"{figure['partner']}-{figure['year'] or 'annual'}")] = fields
    return texts


def language_around(html, text):
    """Return the lang attribute in force where ``text`` appears in ``html`` (None if it does not)."""
    finder = LanguageFinder(text)
    finder.feed(html)
    finder.close()
    return finder.found


class LanguageFinder(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text):
        super().__init__()
        self.text = text
        self.open = []  # (tag, lang) of each open element
        self.found = None

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.found is None and self.text in data:
            self.found = next((lang for _tag, lang in reversed(self.open) if lang), "")


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """A request activates its language for the whole thread: give the next test the default one back."""
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_every_demo_text_is_translated_into_the_nine_languages():
    """Each name, title, summary, summit text and trade note has a non-empty text in every other language."""
    assert len(OTHER_LANGUAGES) == 9
    for key, fields in demo_texts().items():
        translated = TRANSLATIONS.get(key, {})
        for field in fields:
            by_language = translated.get(field, {})
            missing = [code for code in OTHER_LANGUAGES if not by_language.get(code, "").strip()]
            assert not missing, f"{key} {field} lacks {missing}"


def test_no_translation_is_lost_on_a_key_or_field_the_demo_does_not_have():
    """A misspelt key or field would be skipped silently by the loader: there is none."""
    texts = demo_texts()
    for key, fields in TRANSLATIONS.items():
        assert key in texts, key
        allowed = texts[key] | ({"body"} if key[0] == "article" else set())
        assert set(fields) <= allowed, (key, set(fields) - allowed)
        for by_language in fields.values():
            assert set(by_language) <= set(OTHER_LANGUAGES), (key, set(by_language))


@pytest.mark.parametrize("language", ["fr", "ko"])
def test_the_eu_article_is_translated_paragraph_for_paragraph(language):
    """The French and Korean bodies have one paragraph per English paragraph, and the summary opens the body."""
    body = TRANSLATIONS[("article", FULLY_TRANSLATED)]["body"][language]
    paragraphs = re.findall(r"<p>(.*?)</p>", body)
    assert len(paragraphs) == body.count("<p>") == len(BODIES[FULLY_TRANSLATED]) == 5
    assert body == "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    assert all(paragraph.strip() for paragraph in paragraphs)
    assert paragraphs[0].startswith(TRANSLATIONS[("article", FULLY_TRANSLATED)]["summary"][language])
    assert TRANSLATED_SENTENCES[language] in body


def test_only_french_and_korean_have_a_full_body():
    """Every other language keeps the English body, so the demo shows the fallback too."""
    bodies = {key: fields["body"] for key, fields in TRANSLATIONS.items() if "body" in fields}
    assert list(bodies) == [("article", FULLY_TRANSLATED)]
    assert set(bodies[("article", FULLY_TRANSLATED)]) == {"fr", "ko"}


def test_body_paragraphs_are_escaped():
    """Text that looks like markup is shown as text."""
    assert paragraphs_html(["R&D <b>", "two"]) == "<p>R&amp;D &lt;b&gt;</p>\n<p>two</p>"


@pytest.mark.parametrize("language", ["fr", "ko"])
def test_a_translated_article_page_shows_its_own_body(client, demo, language):
    """On /fr/ and /ko/ the EU article is read in that language, with no English fallback."""
    response = client.get(EU_ARTICLE_URL.format(language=language))
    assert response.status_code == 200
    html = response.content.decode()
    assert language_around(html, TRANSLATIONS[("article", FULLY_TRANSLATED)]["title"][language]) == language
    assert language_around(html, TRANSLATED_SENTENCES[language]) == language
    assert ENGLISH_SENTENCE not in html


def test_an_untranslated_body_falls_back_to_english(client, demo):
    """On /de/ the EU article has its German title, and its body in English marked as English."""
    response = client.get(EU_ARTICLE_URL.format(language="de"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beziehungen zwischen Korea und der Europäischen Union" in html
    assert language_around(html, ENGLISH_SENTENCE) == "en"
    assert TRANSLATED_SENTENCES["fr"] not in html


def test_a_partner_page_shows_the_translated_summit(client, demo):
    """The Korean page of China names the partner, the place and the leaders, and captions the summit in Korean."""
    response = client.get("/ko/world/china/")
    assert response.status_code == 200
    html = response.content.decode()
    summit = TRANSLATIONS[("summit", "china-2005-11-16")]
    assert TRANSLATIONS[("partner", "china")]["name"]["ko"] in html
    for field in ("place", "leaders", "caption"):
        assert summit[field]["ko"] in html
    assert CAPTIONS["rok-china-relations"] not in html
