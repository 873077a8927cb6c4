"""
Revisions and translation files in Chromium: an editor saves with a comment, compares two revisions,
restores one, and exports and imports a translation, in English and in Arabic, with no CSP violation.
"""

import pytest

from news.models import Article
from tests.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page):
    # A transactional test has no migration-made groups: a superuser stands in for an editor.
    editor = make_user(is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def save_with(page, article, text, comment):
    """Save the article's change form with ``text`` as its English body's only paragraph, typed in the editor."""
    page.goto(f"/admin/news/article/{article.pk}/change/")
    editor = page.locator("#tab_id_body_en [role=textbox]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.locator("#id_revision_comment").fill(comment)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")


def test_an_editor_compares_and_restores_revisions_under_the_policy(page, tmp_path):
    article = make_article(title_en="Spring festival", body_en="<p>Dancers in hanbok.</p>")
    log_in(page)
    save_with(page, article, "Dancers in hanbok.", "First look")
    save_with(page, article, "Drummers in hanbok.", "Drums, not dances")
    page.goto(f"/admin/news/article/{article.pk}/history/")
    assert page.locator("text=Drums, not dances").is_visible()
    page.click("text=Compare the chosen revisions")
    assert page.locator("del").first.inner_text() == "Dancers"
    assert page.locator("ins").first.inner_text() == "Drummers"
    page.goto(f"/admin/news/article/{article.pk}/history/")
    page.click("text=Restore as draft")
    page.click("button:has-text('Restore as draft')")
    assert "restored as a draft" in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.body_en == "<p>Dancers in hanbok.</p>" and article.status == Article.Status.DRAFT

    # The translation files: export, and import the file back translated.
    page.goto(f"/admin/news/article/{article.pk}/translation/export/")
    page.select_option("#id_language", "fr")
    with page.expect_download() as download:
        page.click("button:has-text('Download')")
    path = tmp_path / "article.xlf"
    download.value.save_as(path)
    xml = path.read_text().replace(
        "<source>Spring festival</source>", "<source>Spring festival</source><target>Fête du printemps</target>"
    )
    path.write_text(xml)
    page.goto(f"/admin/news/article/{article.pk}/translation/import/")
    page.select_option("#id_language", "fr")
    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('Import')")
    assert "translation is imported" in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.title_fr == "Fête du printemps"
    assert page.console_errors == []


def test_the_history_pages_work_in_arabic(page):
    article = make_article(title_en="Spring festival", title_ar="مهرجان الربيع", body_ar="<p>راقصون.</p>")
    page.context.set_extra_http_headers({"Accept-Language": "ar"})
    log_in(page)
    page.goto(f"/admin/news/article/{article.pk}/change/")
    page.locator("#id_title_ar").fill("مهرجان الربيع الكبير")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    page.goto(f"/admin/news/article/{article.pk}/change/")
    page.locator("#id_title_ar").fill("مهرجان الربيع")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    page.goto(f"/admin/news/article/{article.pk}/history/compare/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("section[lang=ar]").get_attribute("dir") == "rtl"
    for path in ("history/", "translation/export/", "translation/import/"):
        page.goto(f"/admin/news/article/{article.pk}/{path}")
    page.goto("/admin/news/article/recover/")
    assert page.console_errors == []
