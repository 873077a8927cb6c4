"""
Writing an article in the admin, in Chromium: the rich-text editor in every language tab, the one language
switch, the slug made from the English title, all under the Content-Security-Policy (a violation is a console
error, which the page fixture collects).
"""

import re

import pytest
from django.utils import translation

from news.models import Article
from tests.factories import PASSWORD, make_article, make_editor, make_section

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user):
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def open_change_form(page, article):
    log_in(page, make_editor())
    response = page.goto(f"/admin/news/article/{article.pk}/change/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    # The editors are made once modeltranslation has built the tabs.
    page.locator("#tab_id_body_en [role=textbox]").wait_for()
    return response


def test_an_editor_writes_bold_text_and_a_link_in_the_french_body(page):
    article = make_article(
        title_en="Lantern festival", title_fr="Fête des lanternes", body_en="<p>Lanterns on the river.</p>"
    )
    open_change_form(page, article)
    page.select_option("#language-switch", "fr")
    editor = page.locator("#tab_id_body_fr [role=textbox]")
    assert editor.is_visible()
    editor.click()
    page.keyboard.press("Control+b")
    page.keyboard.type("Lanternes")
    page.keyboard.press("Control+b")
    page.keyboard.type(" sur la rivière : le programme")
    for _letter in "programme":
        page.keyboard.press("Shift+ArrowLeft")
    page.locator("#tab_id_body_fr .prose-menubar__button[title='Link']").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.locator("input").first.fill("https://example.org/programme")
    dialog.locator("button[type=submit]").click()
    assert dialog.count() == 0
    # The French tab of the body now says it is filled.
    assert page.locator("a[href='#tab_id_body_fr'] .mt-tab-state").inner_text() == "filled"
    page.click("input[name=_continue]")
    page.locator(".messagelist .success").wait_for()

    article.refresh_from_db()
    assert "<strong>Lanternes</strong>" in article.body_fr
    assert '<a href="https://example.org/programme">programme</a>' in article.body_fr
    with translation.override("fr"):
        url = article.get_absolute_url()
    page.goto(url)
    body = page.locator(".article__text")
    assert body.locator("strong").inner_text() == "Lanternes"
    assert body.locator("a[href='https://example.org/programme']").inner_text() == "programme"
    assert page.console_errors == []


def test_one_switch_shows_every_field_in_the_language_chosen_each_language_named_in_itself(page):
    article = make_article(title_en="Lantern festival", title_fr="Fête des lanternes", title_ko="연등회")
    open_change_form(page, article)
    # modeltranslation's unlabelled switch is replaced by a labelled one.
    assert page.locator("#modeltranslation-main-switch").count() == 0
    assert page.locator("label[for='language-switch']").inner_text() == "Language of the translated fields"
    options = page.locator("#language-switch option").all_inner_texts()
    assert options[0] == "English – filled"
    assert "Français – partly filled" in options
    assert "Deutsch – empty" in options
    assert [option.split(" – ")[0] for option in options] == [
        "English",
        "Français",
        "Deutsch",
        "Español",
        "العربية",
        "Tiếng Việt",
        "Русский",
        "中文",
        "日本語",
        "한국어",
    ]
    french_tab = page.locator("a[href='#tab_id_title_fr']")
    assert french_tab.get_attribute("lang") == "fr"
    assert re.match(r"^Français\s*filled$", french_tab.inner_text())
    assert page.locator("a[href='#tab_id_summary_zh_hans']").inner_text().startswith("中文")

    page.select_option("#language-switch", "fr")
    for field in ("title", "summary", "body"):
        assert page.locator(f"#tab_id_{field}_fr").is_visible()
        assert page.locator(f"#tab_id_{field}_en").is_hidden()

    # Choosing a tab of one field is choosing that language for the whole form.
    page.locator("a[href='#tab_id_summary_ko']").click()
    for field in ("title", "summary", "body"):
        assert page.locator(f"#tab_id_{field}_ko").is_visible()
    assert page.locator("#language-switch").input_value() == "ko"
    assert page.console_errors == []


def test_arabic_fields_and_the_arabic_editor_are_right_to_left(page):
    article = make_article(title_en="Lantern festival")
    open_change_form(page, article)
    page.select_option("#language-switch", "ar")
    editor = page.locator("#tab_id_body_ar [role=textbox]")
    assert editor.is_visible()
    assert (editor.get_attribute("dir"), editor.get_attribute("lang")) == ("rtl", "ar")
    assert page.locator("#tab_id_body_ar .prose-editor").get_attribute("dir") == "rtl"
    assert page.locator("#id_title_ar").get_attribute("dir") == "rtl"
    assert page.locator("#tab_id_body_fr [role=textbox]").get_attribute("dir") == "ltr"
    assert page.locator("a[href='#tab_id_title_ar']").get_attribute("dir") == "rtl"
    editor.click()
    page.keyboard.type("مهرجان الفوانيس")
    assert page.locator("#id_body_ar").input_value() == "<p>مهرجان الفوانيس</p>"
    assert page.console_errors == []


def test_a_new_article_gets_its_slug_from_the_english_title_and_its_body_from_the_editor(page):
    section = make_section(name_en="Culture")
    log_in(page, make_editor())
    page.goto("/admin/news/article/add/")
    page.locator("#tab_id_body_en [role=textbox]").wait_for()
    page.select_option("#language-switch", "en")
    page.locator("#id_title_en").press_sequentially("Seoul Lantern Festival 2026")
    assert page.locator("#id_slug").input_value() == "seoul-lantern-festival-2026"
    page.select_option("#id_section", str(section.pk))
    page.locator("#tab_id_body_en [role=textbox]").click()
    page.keyboard.type("Lanterns light the Cheonggyecheon.")
    page.click("input[name=_save]")
    page.locator(".messagelist .success").wait_for()
    article = Article.objects.get(slug="seoul-lantern-festival-2026")
    assert article.body_en == "<p>Lanterns light the Cheonggyecheon.</p>"
    assert page.console_errors == []


def test_the_switch_also_shows_the_language_in_inlines_added_later(page):
    log_in(page, make_editor())
    page.goto("/admin/relations/partner/add/")
    page.select_option("#language-switch", "fr")
    assert page.locator("#tab_id_name_fr").is_visible()
    page.locator("#summits-group .add-row a").click()
    page.locator("#tab_id_summits-0-place_fr").wait_for()
    assert page.locator("#tab_id_summits-0-place_fr").is_visible()
    assert page.locator("a[href='#tab_id_summits-0-place_fr']").inner_text().startswith("Français")
    assert page.console_errors == []
