"""Editors hand an article to a translator as an XLIFF 2.0 file and import the translated file back."""

import re

import pytest
from defusedxml.ElementTree import fromstring
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from news.models import Article, TranslationState
from relations.models import Article as RelationArticle
from tests.factories import make_article, make_editor, make_relation_article, make_user

pytestmark = pytest.mark.django_db

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0", "mda": "urn:oasis:names:tc:xliff:metadata:2.0"}


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def korean_article(**values):
    values.setdefault("title_en", "Seoul hosts the summit")
    values.setdefault("summary_en", "Leaders meet in Seoul.")
    values.setdefault("body_en", "<p>Leaders <strong>met</strong> in Seoul.</p>")
    return make_article(**values)


def export(client, article, language="fr"):
    url = reverse(f"admin:{article._meta.app_label}_{article._meta.model_name}_translation_export", args=[article.pk])
    response = client.get(url, {"language": language})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xliff+xml")
    return response.content.decode()


def translate(xml, **targets):
    """Fill the <target> of each named unit, as a translator's tool does."""
    for unit, text in targets.items():
        pattern = re.compile(rf'(<unit id="{unit}".*?<source>.*?</source>)(\s*<target>.*?</target>)?', re.S)
        xml = pattern.sub(lambda match, text=text: f"{match.group(1)}<target>{text}</target>", xml, count=1)
    return xml


def import_file(client, article, content, language="fr", **extra):
    url = reverse(f"admin:{article._meta.app_label}_{article._meta.model_name}_translation_import", args=[article.pk])
    upload = SimpleUploadedFile("article.xlf", content.encode() if isinstance(content, str) else content)
    return client.post(url, {"language": language, "file": upload, **extra})


def page_text(response):
    return re.sub(r"\s+", " ", response.content.decode())


class TestExport:
    def test_the_file_is_xliff_2_with_the_english_source_and_what_identifies_the_article(self, editor_client):
        article = korean_article(title_fr="Séoul accueille le sommet")
        root = fromstring(export(editor_client, article).encode())
        assert root.tag == "{urn:oasis:names:tc:xliff:document:2.0}xliff"
        assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "fr")
        meta = {m.get("type"): m.text for m in root.findall("x:file/mda:metadata/mda:metaGroup/mda:meta", NS)}
        assert meta == {"app-label": "news", "model": "article", "pk": str(article.pk)}
        units = {unit.get("id"): unit for unit in root.iter(f"{{{NS['x']}}}unit")}
        assert list(units) == ["title", "summary", "body"]
        assert units["body"].find("x:segment/x:source", NS).text == "<p>Leaders <strong>met</strong> in Seoul.</p>"
        assert units["title"].find("x:segment/x:target", NS).text == "Séoul accueille le sommet"
        assert units["summary"].find("x:segment/x:target", NS) is None
        fingerprint = units["title"].find("mda:metadata/mda:metaGroup/mda:meta[@type='source-fingerprint']", NS)
        assert re.fullmatch(r"[0-9a-f]{16}", fingerprint.text)

    def test_the_change_page_links_to_export_and_import(self, editor_client):
        article = korean_article()
        html = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
        assert reverse("admin:news_article_translation_export", args=[article.pk]) in html
        assert reverse("admin:news_article_translation_import", args=[article.pk]) in html

    def test_the_list_action_exports_the_selection_in_one_file(self, editor_client):
        first, second = korean_article(), korean_article(title_en="Another")
        url = reverse("admin:news_article_changelist")
        selection = {"action": "export_for_translation", "_selected_action": [first.pk, second.pk]}
        page = editor_client.post(url, selection)
        assert page.status_code == 200 and "Target language" in page.content.decode()
        response = editor_client.post(url, {**selection, "language": "zh-hans"})
        assert response["Content-Disposition"] == 'attachment; filename="articles.zh-hans.xlf"'
        root = fromstring(response.content)
        assert root.get("trgLang") == "zh-Hans" and len(root.findall("x:file", NS)) == 2
        # An export changes nothing, and keeps no revision.
        assert not Version.objects.exists()

    def test_export_without_a_language_asks_for_one(self, editor_client):
        article = korean_article()
        url = reverse("admin:news_article_translation_export", args=[article.pk])
        assert "Target language" in editor_client.get(url).content.decode()
        assert "Select a valid choice" in editor_client.get(url, {"language": "en"}).content.decode()


class TestImport:
    def test_a_translated_file_fills_the_french_fields_in_one_revision(self, editor_client):
        article = korean_article()
        xml = translate(
            export(editor_client, article),
            title="Séoul accueille le sommet",
            summary="Les dirigeants se réunissent à Séoul.",
            body="&lt;p&gt;Les dirigeants se sont &lt;strong&gt;réunis&lt;/strong&gt; à Séoul.&lt;/p&gt;",
        )
        response = import_file(editor_client, article, xml)
        assert response.status_code == 302, page_text(response)
        article.refresh_from_db()
        assert article.title_fr == "Séoul accueille le sommet"
        assert article.summary_fr == "Les dirigeants se réunissent à Séoul."
        assert article.body_fr == "<p>Les dirigeants se sont <strong>réunis</strong> à Séoul.</p>"
        assert article.translation_state("fr") == TranslationState.TRANSLATED
        before, after = Version.objects.get_for_object(article).order_by("pk")
        assert after.revision.comment == "Translation into Français imported from a file"
        # The article as it stood before the import is kept too, to be compared or restored.
        assert before.field_dict["title_fr"] is None and after.field_dict["title_fr"] == "Séoul accueille le sommet"
        page = editor_client.get(response["Location"])
        assert "The Français translation is imported: Title, Summary, Body." in page_text(page)

    def test_an_import_clears_the_outdated_mark(self, editor_client):
        article = korean_article(title_fr="Titre", summary_fr="Résumé", body_fr="<p>Texte</p>")
        article.body_en = "<p>Leaders met in Seoul and Busan.</p>"
        article.save()
        assert article.translation_state("fr") == TranslationState.OUTDATED
        xml = translate(export(editor_client, article), body="&lt;p&gt;Réunis à Séoul et à Busan.&lt;/p&gt;")
        assert import_file(editor_client, article, xml).status_code == 302
        article.refresh_from_db()
        assert article.translation_state("fr") == TranslationState.TRANSLATED

    def test_the_body_is_cleaned_of_markup_the_body_does_not_allow(self, editor_client):
        article = korean_article()
        body = (
            "&lt;p onclick='x()'&gt;Texte &lt;a href='javascript:alert(1)'&gt;lien&lt;/a&gt; "
            "&lt;a href='https://example.org/'&gt;bon&lt;/a&gt;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        )
        xml = translate(export(editor_client, article), title="Titre", body=body)
        assert import_file(editor_client, article, xml).status_code == 302
        article.refresh_from_db()
        assert "script" not in article.body_fr and "onclick" not in article.body_fr
        assert "javascript" not in article.body_fr
        assert 'href="https://example.org/"' in article.body_fr and article.body_fr.startswith("<p>Texte <a")

    def test_a_file_whose_english_changed_since_says_which_field_and_changes_nothing(self, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article), title="Titre", summary="Résumé")
        article.summary_en = "Leaders meet in Seoul, again."
        article.save()
        response = import_file(editor_client, article, xml)
        html = page_text(response)
        assert response.status_code == 200
        assert "The English text of Summary changed since the file was exported." in html
        assert "<dt>Summary</dt>" in html and "<dt>Title</dt>" not in html
        article.refresh_from_db()
        assert not article.title_fr and not article.summary_fr
        # Confirmed, it is applied, and French stays outdated: it was made from an older English text.
        response = import_file(editor_client, article, xml, confirm_stale="on")
        assert response.status_code == 302
        article.refresh_from_db()
        assert (article.title_fr, article.summary_fr) == ("Titre", "Résumé")
        article.body_fr = "<p>Texte</p>"
        article.save()
        assert article.translation_state("fr") == TranslationState.TRANSLATED

    def test_a_confirmed_stale_import_leaves_the_language_outdated(self, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article), title="Titre", summary="Résumé", body="&lt;p&gt;T&lt;/p&gt;")
        article.summary_en = "Changed."
        article.save()
        assert import_file(editor_client, article, xml, confirm_stale="on").status_code == 302
        article.refresh_from_db()
        assert article.translation_state("fr") == TranslationState.OUTDATED

    def test_a_file_of_another_article_is_refused_and_names_it(self, editor_client):
        article = korean_article()
        other = korean_article(title_en="The other article")
        xml = translate(export(editor_client, other), title="Titre")
        response = import_file(editor_client, article, xml)
        html = page_text(response)
        assert f"This file was exported for another article (News article #{other.pk} “The other article”)" in html
        assert "nothing was changed" in html
        article.refresh_from_db()
        assert not article.title_fr

    def test_a_file_of_several_articles_translates_each_on_its_own_page(self, editor_client):
        first, second = korean_article(title_en="First"), korean_article(title_en="Second")
        response = editor_client.post(
            reverse("admin:news_article_changelist"),
            {"action": "export_for_translation", "_selected_action": [first.pk, second.pk], "language": "fr"},
        )
        xml = response.content.decode()
        xml = xml.replace("<source>First</source>", "<source>First</source><target>Premier</target>")
        xml = xml.replace("<source>Second</source>", "<source>Second</source><target>Second (fr)</target>")
        assert import_file(editor_client, first, xml).status_code == 302
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.title_fr == "Premier" and not second.title_fr

    def test_a_file_of_a_relation_article_with_the_same_key_is_foreign(self, editor_client):
        article = korean_article()
        relation = make_relation_article()
        xml = export(editor_client, relation).replace(f">{relation.pk}<", f">{article.pk}<")
        assert "another article" in page_text(import_file(editor_client, article, translate(xml, title="T")))

    def test_a_file_for_another_language_is_refused(self, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article, "de"), title="Titel")
        html = page_text(import_file(editor_client, article, xml, language="fr"))
        assert "The file translates into “de”, not into Français." in html

    def test_malformed_xml_is_refused(self, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article), title="Titre").replace("</xliff>", "")
        html = page_text(import_file(editor_client, article, xml))
        assert "The file is not well-formed XML" in html
        article.refresh_from_db()
        assert not article.title_fr

    def test_an_xml_bomb_is_refused(self, editor_client):
        article = korean_article()
        bomb = (
            '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">&c;</xliff>'
        )
        html = page_text(import_file(editor_client, article, bomb))
        assert "The file declares a DTD or entities: such files are refused, for safety." in html

    def test_an_external_entity_is_refused(self, editor_client):
        article = korean_article()
        xml = (
            export(editor_client, article)
            .replace(
                "<?xml version='1.0' encoding='utf-8'?>",
                '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            )
            .replace(
                "<source>Seoul hosts the summit</source>", "<source>Seoul hosts the summit</source><target>&e;</target>"
            )
        )
        html = page_text(import_file(editor_client, article, xml))
        assert "refused, for safety" in html and "root:" not in html

    def test_a_file_that_is_not_xliff_2_is_refused(self, editor_client):
        article = korean_article()
        html = page_text(import_file(editor_client, article, '<xliff version="1.2"><file/></xliff>'))
        assert "The file is not an XLIFF 2.0 document" in html

    def test_an_unknown_field_and_a_too_long_title_are_listed_field_by_field(self, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article), title="T" * 300, summary="Résumé")
        xml = xml.replace('<unit id="summary"', '<unit id="slug"')
        html = page_text(import_file(editor_client, article, xml))
        assert "“slug” is not a translatable field of this article." in html
        assert "<dt>Title</dt>" in html and "at most 250 characters" in html
        article.refresh_from_db()
        assert not article.title_fr and not article.summary_fr

    def test_a_file_with_nothing_translated_changes_nothing(self, editor_client):
        article = korean_article()
        html = page_text(import_file(editor_client, article, export(editor_client, article)))
        assert "The file has no translation to import." in html

    def test_arabic_is_imported_into_the_arabic_fields(self, editor_client):
        article = make_relation_article(title_en="ROK-Japan", summary_en="", body_en="<p>Neighbours.</p>")
        xml = translate(export(editor_client, article, "ar"), title="كوريا واليابان", body="&lt;p&gt;جيران.&lt;/p&gt;")
        assert import_file(editor_client, article, xml, language="ar").status_code == 302
        article = RelationArticle.objects.get(pk=article.pk)
        assert article.title_ar == "كوريا واليابان"
        assert article.translation_state("ar") == TranslationState.TRANSLATED


class TestPermissions:
    def test_import_needs_the_change_permission_and_export_the_view_permission(self, client, editor_client):
        article = korean_article()
        xml = translate(export(editor_client, article), title="Titre")
        viewer = make_user(is_staff=True)
        viewer.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="news"))
        client.force_login(viewer)
        assert import_file(client, article, xml).status_code == 403
        assert client.get(reverse("admin:news_article_translation_import", args=[article.pk])).status_code == 403
        assert not Article.objects.get(pk=article.pk).title_fr
        export(client, article)
        client.force_login(make_user(is_staff=True))
        url = reverse("admin:news_article_translation_export", args=[article.pk])
        assert client.get(url, {"language": "fr"}).status_code == 403
