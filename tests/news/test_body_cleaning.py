"""
Article bodies are cleaned once, when written, to what the admin's editor produces; pages show them as stored.
"""

import importlib

import pytest
from django.apps import apps
from django.core import serializers
from django.utils import translation

from core.html import clean_body
from news.models import Article, TranslationState
from relations.models import Article as RelationArticle
from tests.factories import make_article, make_relation_article

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()" style="color:red">Hello <script>alert(1)</script><b>bold</b> '
    '<a href="javascript:alert(2)">bad link</a> <a href="/en/news/">good link</a> '
    '<a href="mailto:press@example.org" target="_blank">mail</a></p>'
    '<img src="x" onerror="alert(3)"><style>p { color: red }</style><iframe src="https://evil.example"></iframe>'
)


def test_what_the_editor_makes_is_kept_as_it_is():
    html = (
        "<h2>Heading</h2><h3>Sub</h3><h4>Small</h4><p>A <strong>bold</strong> and <em>italic</em> word,<br>"
        'a <a href="https://example.org/a?b=1&amp;c=2" title="Example">link</a>.</p>'
        "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>Quoted.</p></blockquote>"
    )
    assert clean_body(html) == html


def test_scripts_handlers_styles_and_unsafe_links_are_removed_the_text_kept():
    cleaned = clean_body(HOSTILE)
    for unsafe in ("script", "alert", "onclick", "style", "javascript:", "onerror", "<img", "iframe", "target"):
        assert unsafe not in cleaned
    assert cleaned.startswith("<p>Hello <strong>bold</strong> <a>bad link</a> ")
    assert '<a href="/en/news/">good link</a>' in cleaned
    assert '<a href="mailto:press@example.org">mail</a>' in cleaned


def test_entities_become_characters_and_older_markup_reads_the_same():
    assert clean_body("<p>Korea&#x27;s &quot;ties&quot; &amp; more &lt;b&gt;</p>") == (
        '<p>Korea\'s "ties" &amp; more &lt;b&gt;</p>'
    )
    assert clean_body("<h1>Title</h1><p><b>B</b> <i>I</i></p><h6>Small</h6>") == (
        "<h2>Title</h2><p><strong>B</strong> <em>I</em></p><h4>Small</h4>"
    )


@pytest.mark.parametrize("html", ["", "<p></p>", "<p><br></p>", "  ", "<script>alert(1)</script>"])
def test_a_body_with_no_text_is_empty(html):
    assert clean_body(html) == ""


def test_cleaning_twice_changes_nothing():
    once = clean_body(HOSTILE)
    assert clean_body(once) == once


@pytest.mark.parametrize("make", [make_article, make_relation_article])
def test_every_language_of_the_body_is_stored_clean(make):
    article = make(body_en=HOSTILE, body_fr="<p>L&#x27;été <b>chaud</b></p>", body_ar='<p dir="rtl">نص</p>')
    article.refresh_from_db()
    assert article.body_en == clean_body(HOSTILE)
    assert "alert" not in article.body_en
    assert article.body_fr == "<p>L'été <strong>chaud</strong></p>"
    assert article.body_ar == "<p>نص</p>"


def test_saving_only_the_body_cleans_it():
    article = make_article()
    article.body_de = '<p onclick="x()">Hallo</p>'
    article.save(update_fields=["body_de"])
    article.refresh_from_db()
    assert article.body_de == "<p>Hallo</p>"


def test_a_fixture_is_stored_clean():
    """loaddata saves without save(): the body is cleaned all the same."""
    article = make_article()
    data = serializers.serialize("python", [article])
    Article.objects.filter(pk=article.pk).delete()
    data[0]["fields"]["body_en"] = HOSTILE
    for obj in serializers.deserialize("python", data):
        obj.save()
    assert Article.objects.get(pk=article.pk).body_en == clean_body(HOSTILE)


def test_the_page_shows_the_stored_body(client):
    article = make_article(body_en=HOSTILE)
    html = client.get(article.get_absolute_url()).content.decode()
    assert article.body_en in html
    assert "alert(" not in html


def test_a_summary_repeated_at_the_start_of_the_body_is_not_shown_twice(client):
    """Once entities are decoded, the body is seen to open with the summary (which is then not shown above it)."""
    article = make_article(summary_en="Korea's ties & more.", body_en="<p>Korea&#x27;s ties &amp; more. Then.</p>")
    assert article.lead == ""


class TestMigration:
    """The data migrations clean the bodies stored before, as a reader sees them, keeping each translation's state."""

    migration = importlib.import_module("news.migrations.0009_clean_bodies")
    relations_migration = importlib.import_module("relations.migrations.0007_clean_bodies")

    def store_raw(self, model, article, **bodies):
        """Store bodies as they were before cleaning on save, and the translation record made from them."""
        model.objects.filter(pk=article.pk).update(**bodies)
        article.refresh_from_db()
        article.track_translations()
        model.objects.filter(pk=article.pk).update(translation_sources=article.translation_sources)
        article.refresh_from_db()
        return article

    def test_entities_are_decoded_and_markup_normalised(self, client):
        article = make_article(title_fr="Relations", summary_fr="Résumé", title_ko="관계")
        article = self.store_raw(
            Article,
            article,
            body_en="<p>Korea&#x27;s partner, &quot;a friend&quot; <b>since 1949</b>.</p>\n<p>R&amp;D</p>",
            body_fr="<p>L&#x27;amitié <i>ancienne</i>.</p>",
            body_ko="<p>한국의 &#x27;친구&#x27;</p>",
        )
        assert article.translation_state("fr") == TranslationState.TRANSLATED
        # Korean has no summary where English has one: partly translated.
        assert article.translation_state("ko") == TranslationState.PARTIAL
        updated_before = article.updated

        self.migration.clean_bodies(apps, None)

        article.refresh_from_db()
        assert article.body_en == ('<p>Korea\'s partner, "a friend" <strong>since 1949</strong>.</p>\n<p>R&amp;D</p>')
        assert article.body_fr == "<p>L'amitié <em>ancienne</em>.</p>"
        assert article.body_ko == "<p>한국의 '친구'</p>"
        # Each state as it was before; and the articles' dates do not move.
        assert article.translation_state("fr") == TranslationState.TRANSLATED
        assert article.translation_state("ko") == TranslationState.PARTIAL
        assert article.updated == updated_before
        # The reader sees the same words.
        page_after = client.get(article.get_absolute_url()).content.decode()
        assert "Korea's partner" in page_after
        assert "<strong>since 1949</strong>" in page_after

    def test_an_outdated_translation_stays_outdated(self):
        article = make_article(title_fr="Relations", summary_fr="Résumé")
        article = self.store_raw(Article, article, body_en="<p>Old &amp; English</p>", body_fr="<p>L&#x27;ancien</p>")
        Article.objects.filter(pk=article.pk).update(body_en="<p>New &#x27;English&#x27;</p>")
        article.refresh_from_db()
        article.track_translations()
        Article.objects.filter(pk=article.pk).update(translation_sources=article.translation_sources)
        article.refresh_from_db()
        assert article.translation_state("fr") == TranslationState.OUTDATED

        self.migration.clean_bodies(apps, None)

        article.refresh_from_db()
        assert article.body_en == "<p>New 'English'</p>"
        assert article.translation_state("fr") == TranslationState.OUTDATED

    def test_relation_articles_are_cleaned_too(self):
        article = make_relation_article()
        article = self.store_raw(RelationArticle, article, body_en='<p onclick="x()">Korea&#x27;s</p>')
        self.relations_migration.clean_bodies(apps, None)
        article.refresh_from_db()
        assert article.body_en == "<p>Korea's</p>"

    def test_a_clean_body_is_left_alone(self):
        article = make_article(body_en="<p>Clean.</p>")
        with translation.override("en"):
            sources = dict(article.translation_sources)
        self.migration.clean_bodies(apps, None)
        article.refresh_from_db()
        assert (article.body_en, article.translation_sources) == ("<p>Clean.</p>", sources)
