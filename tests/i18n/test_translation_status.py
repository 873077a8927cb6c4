"""Editors see which translations exist and which the English text has outrun."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from korea_portal.demo.loader import load_demo
from news.models import TranslationState
from relations.models import Article as RelationArticle
from tests.factories import make_article, make_editor, make_relation_article, make_user

pytestmark = pytest.mark.django_db

STATUS_URL = "/admin/news/article/translations/"


def translated(**values):
    """A relation article written in English and French, every text of it."""
    values.setdefault("title_en", "ROK-Japan Relations")
    values.setdefault("summary_en", "Neighbours.")
    values.setdefault("body_en", "<p>Neighbours.</p>")
    return make_relation_article(
        title_fr="Relations Corée-Japon", summary_fr="Voisins.", body_fr="<p>Voisins.</p>", **values
    )


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


class TestOutdatedMarking:
    def test_a_new_translation_is_up_to_date_and_an_absent_one_missing(self):
        article = translated()
        assert article.translation_state("fr") == TranslationState.TRANSLATED
        assert article.translation_state("en") == TranslationState.TRANSLATED
        assert article.translation_state("de") == TranslationState.MISSING
        assert article.outdated_languages == []

    def test_editing_the_english_text_makes_the_translation_outdated(self):
        article = translated()
        article.body_en = "<p>Neighbours, and partners.</p>"
        article.save()
        article = RelationArticle.objects.get(pk=article.pk)
        assert article.translation_state("fr") == TranslationState.OUTDATED
        assert article.outdated_languages == ["fr"]

    def test_editing_the_translation_brings_it_up_to_date_again(self):
        article = translated()
        article.summary_en = "A new summary."
        article.save()
        article.summary_fr = "Un nouveau résumé."
        article.save()
        assert RelationArticle.objects.get(pk=article.pk).translation_state("fr") == TranslationState.TRANSLATED

    def test_saving_without_a_text_change_changes_nothing(self):
        article = translated()
        article.body_en = "<p>Changed.</p>"
        article.save()
        article.status = RelationArticle.Status.DRAFT
        article.save()
        article.save(update_fields=["status"])
        assert article.translation_state("fr") == TranslationState.OUTDATED

    def test_a_save_of_some_text_columns_is_tracked(self):
        article = translated()
        article.title_en = "Korea-Japan Relations"
        article.save(update_fields=["title_en"])
        assert RelationArticle.objects.get(pk=article.pk).translation_state("fr") == TranslationState.OUTDATED

    def test_emptying_the_body_makes_it_partial_and_every_text_missing(self):
        article = translated()
        article.body_fr = ""
        article.save()
        assert article.translation_state("fr") == TranslationState.PARTIAL
        article.title_fr = article.summary_fr = ""
        article.save()
        assert article.translation_state("fr") == TranslationState.MISSING

    def test_each_language_is_tracked_on_its_own(self):
        article = translated(title_ko="한일 관계", summary_ko="이웃.", body_ko="<p>이웃.</p>")
        article.body_en = "<p>Changed.</p>"
        article.save()
        article.body_ko = "<p>바뀐 이웃.</p>"
        article.save()
        assert article.translation_state("fr") == TranslationState.OUTDATED
        assert article.translation_state("ko") == TranslationState.TRANSLATED

    def test_news_articles_are_tracked_too(self):
        """Changing a news article's English title marks its French translation outdated, as for relation articles."""
        article = make_article(title_fr="Titre", summary_fr="Résumé", body_fr="<p>Texte</p>")
        article.title_en = "A better title"
        article.save()
        assert article.translation_state("fr") == TranslationState.OUTDATED

    def test_loading_the_demo_twice_leaves_the_translation_record_unchanged(self):
        def record():
            return {row.pk: (row.translation_sources, row.updated) for row in RelationArticle.objects.all()}

        load_demo()
        before = record()
        second = load_demo()
        after = record()
        assert second.created == 0 and second.changed == 0
        assert after == before
        assert all(sources["en"] for sources, _updated in after.values())


class TestStatusPage:
    def test_editor_sees_every_article_of_both_kinds_with_each_language(self, editor_client):
        outdated = translated(slug="outdated")
        outdated.body_en = "<p>Changed.</p>"
        outdated.save()
        news = make_article(title_en="Kimchi festival", title_ko="김치 축제", summary_ko="요약", body_ko="<p>배추.</p>")
        response = editor_client.get(STATUS_URL)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Translation status</h1>" in html
        rows = dict(re.findall(r'<tr>\s*<th scope="row"><a href="([^"]+)"[^>]*>[^<]+</a></th>(.*?)</tr>', html, re.S))
        relation_url = reverse("admin:relations_article_change", args=[outdated.pk])
        news_url = reverse("admin:news_article_change", args=[news.pk])
        assert set(rows) == {relation_url, news_url}
        states = re.findall(r'class="translation-state translation-state--(\w+)"', rows[relation_url])
        # fr de es ar vi ru zh-hans ja ko
        assert states == ["outdated"] + ["missing"] * 8
        news_states = re.findall(r'class="translation-state translation-state--(\w+)"', rows[news_url])
        assert news_states == ["missing"] * 8 + ["translated"]
        assert "Relation article" in rows[relation_url] and "News article" in rows[news_url]

    def test_filters_by_language_and_state(self, editor_client):
        outdated = translated(title_en="Old French")
        outdated.body_en = "<p>Changed.</p>"
        outdated.save()
        translated(title_en="Current French")
        make_article(title_en="No French")
        html = editor_client.get(STATUS_URL, {"language": "fr", "state": "outdated"}).content.decode()
        assert "Old French" in html and "Current French" not in html and "No French" not in html
        html = editor_client.get(STATUS_URL, {"language": "fr", "state": "missing"}).content.decode()
        assert "No French" in html and "Old French" not in html

    def test_a_bad_filter_is_reported_and_ignored(self, editor_client):
        translated(title_en="Shown anyway")
        response = editor_client.get(STATUS_URL, {"language": "xx", "state": "<script>"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "This filter is not valid" in html and "Shown anyway" in html
        assert "<script>" not in html and "&lt;script&gt;" in html

    def test_a_page_number_out_of_range_shows_the_last_page(self, editor_client):
        translated(title_en="Only one")
        response = editor_client.get(STATUS_URL, {"page": "999"})
        assert response.status_code == 200 and "Only one" in response.content.decode()
        assert editor_client.get(STATUS_URL, {"page": "abc"}).status_code == 200

    def test_is_listed_on_the_admin_index_and_the_article_lists(self, editor_client):
        assert STATUS_URL in editor_client.get("/admin/").content.decode()
        assert STATUS_URL in editor_client.get(reverse("admin:relations_article_changelist")).content.decode()
        assert STATUS_URL in editor_client.get(reverse("admin:news_article_changelist")).content.decode()

    def test_a_visitor_is_sent_to_the_login_page(self, client):
        client.force_login(make_user())
        response = client.get(STATUS_URL)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    def test_staff_without_the_content_permissions_are_refused(self, client):
        client.force_login(make_user(is_staff=True))
        assert client.get(STATUS_URL).status_code == 403
        assert STATUS_URL not in client.get("/admin/").content.decode()

    def test_staff_who_may_see_one_kind_see_that_kind_alone(self, client):
        user = make_user(is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="relations"))
        client.force_login(user)
        translated(title_en="A relation article")
        make_article(title_en="A news article")
        html = client.get(STATUS_URL).content.decode()
        assert "A relation article" in html and "A news article" not in html


class TestChangeList:
    def test_languages_column_marks_an_outdated_translation(self, editor_client):
        article = translated(title_ko="한일 관계", summary_ko="이웃.", body_ko="<p>이웃.</p>")
        article.body_en = "<p>Changed.</p>"
        article.body_ko = "<p>바뀐 이웃.</p>"
        article.save()
        html = editor_client.get(reverse("admin:relations_article_changelist")).content.decode()
        assert 'title="한국어">ko</span>' in html
        assert '<span class="language-code language-code--outdated" title="Français">fr <small>outdated</small>' in html

    def test_languages_column_marks_a_partial_translation(self, editor_client):
        translated(title_de="Beziehungen", summary_de="Eine Zusammenfassung")
        html = editor_client.get(reverse("admin:relations_article_changelist")).content.decode()
        assert '<span class="language-code language-code--partial" title="Deutsch">de <small>partial</small>' in html
        # A language with no text at all is not named.
        assert 'title="Español"' not in html

    def test_editor_marks_translations_up_to_date(self, editor_client):
        article = translated()
        article.body_en = "<p>A typo fixed.</p>"
        article.save()
        response = editor_client.post(
            reverse("admin:relations_article_changelist"),
            {"action": "mark_translations_current", "_selected_action": [article.pk]},
            follow=True,
        )
        assert "The translations of 1 article are marked up to date." in response.content.decode()
        assert RelationArticle.objects.get(pk=article.pk).translation_state("fr") == TranslationState.TRANSLATED


class TestChangeForm:
    def test_arabic_inputs_are_right_to_left_and_every_input_has_its_language(self, editor_client):
        article = translated()
        html = editor_client.get(reverse("admin:relations_article_change", args=[article.pk])).content.decode()
        title_ar = re.search(r"<input[^>]*name=\"title_ar\"[^>]*>", html).group(0)
        body_ar = re.search(r"<textarea[^>]*name=\"body_ar\"[^>]*>", html).group(0)
        assert 'dir="rtl"' in title_ar and 'lang="ar"' in title_ar
        assert 'dir="rtl"' in body_ar
        title_fr = re.search(r"<input[^>]*name=\"title_fr\"[^>]*>", html).group(0)
        assert 'dir="ltr"' in title_fr and 'lang="fr"' in title_fr
        assert "admin-portal/translation-tabs.js" in html and "admin-portal/translations.css" in html
        assert "googleapis" not in html

    def test_arabic_inputs_of_inlines_are_right_to_left(self, editor_client):
        article = translated()
        html = editor_client.get(reverse("admin:relations_partner_change", args=[article.partner.pk])).content.decode()
        assert re.search(r'<input[^>]*name="summits-__prefix__-place_ar"[^>]*dir="rtl"', html) or re.search(
            r'<input[^>]*dir="rtl"[^>]*name="summits-__prefix__-place_ar"', html
        )

    def test_editors_save_an_arabic_translation_through_the_admin(self, editor_client):
        article = translated()
        url = reverse("admin:relations_article_change", args=[article.pk])
        form = editor_client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
        data.update(
            title_ar="العلاقات الكورية اليابانية",
            summary_ar="جيران.",
            body_ar="<p>جيران.</p>",
            tags=[],
            topics=[],
            publish_date_0=article.publish_date.strftime("%Y-%m-%d"),
            publish_date_1=article.publish_date.strftime("%H:%M:%S"),
            partner=article.partner.pk,
            author="",
            lead_image="",
        )
        response = editor_client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = RelationArticle.objects.get(pk=article.pk)
        assert article.translation_state("ar") == TranslationState.TRANSLATED
        assert article.translation_state("fr") == TranslationState.TRANSLATED


class TestPartial:
    def test_a_title_and_a_summary_without_a_body_are_partial(self):
        article = make_relation_article(title_fr="Relations", summary_fr="Résumé")
        assert article.translation_state("fr") == TranslationState.PARTIAL
        # Nothing of the English text is recorded for it: marking translations current leaves it partial.
        article.mark_translations_current()
        assert article.translation_state("fr") == TranslationState.PARTIAL

    def test_a_summary_left_in_english_is_partial_unless_english_has_none(self):
        with_summary = make_relation_article(title_fr="Titre", body_fr="<p>Texte</p>")
        assert with_summary.translation_state("fr") == TranslationState.PARTIAL
        without = make_relation_article(summary_en="", title_fr="Titre", body_fr="<p>Texte</p>")
        assert without.translation_state("fr") == TranslationState.TRANSLATED

    def test_the_status_page_shows_and_counts_the_partial_state(self, editor_client):
        article = make_article(title_en="Half done", title_fr="À moitié", summary_fr="Résumé")
        html = editor_client.get(STATUS_URL).content.decode()
        url = reverse("admin:news_article_change", args=[article.pk])
        row = re.search(rf'<a href="{url}"[^>]*>[^<]+</a></th>(.*?)</tr>', html, re.S).group(1)
        states = re.findall(r'class="translation-state translation-state--(\w+)"', row)
        assert states == ["partial"] + ["missing"] * 8
        assert ">partial</td>" in row
        html = editor_client.get(STATUS_URL, {"language": "fr", "state": "partial"}).content.decode()
        assert "Half done" in html
        assert '<td class="translation-state--partial"><a href="?language=fr&amp;state=partial">1</a></td>' in html

    def test_titles_are_listed_in_the_admins_language_else_in_english(self, editor_client):
        make_article(title_en="Kimchi festival", title_fr="Fête du kimchi")
        make_article(title_en="Only in English")
        html = editor_client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert 'lang="fr" dir="ltr">Fête du kimchi</a>' in html
        assert 'lang="en" dir="ltr">Only in English</a>' in html
        make_article(title_en="Arabic", title_ar="مهرجان")
        html = editor_client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
        assert 'lang="ar" dir="rtl">مهرجان</a>' in html

    def test_the_migration_records_the_filled_fields_of_existing_articles(self):
        import importlib

        migration = importlib.import_module("news.migrations.0010_translation_sources_fields")
        article = make_article(title_fr="Titre", summary_fr="Résumé", body_fr="<p>Texte</p>", title_de="Titel")
        article.translation_sources = {"en": {"source": "x", "text": "x"}, "fr": {"source": "old", "text": "t"}}
        record = migration.record_fields(article)
        assert record["de"] == {"fields": ["title"]}
        assert record["fr"]["fields"] == ["title", "summary", "body"]
        assert record == {**record, "en": {**record["en"], "fields": ["title", "summary", "body"]}}
