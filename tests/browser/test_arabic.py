"""An Arabic page in Chromium: right to left, mirrored, and usable on a 360 px phone."""

import pytest

from korea_portal.demo.loader import load_demo
from relations.models import Partner
from tests.factories import PASSWORD, make_relation_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def partner_url():
    """The demo's Japan page in Arabic, with one more article that exists in English alone."""
    load_demo()
    japan = Partner.objects.get(slug="japan")
    make_relation_article(partner=japan, slug="fisheries-talks", title_en="Fisheries talks")
    return f"/ar{japan.get_absolute_url()[3:]}"


def boxes(page, selector):
    return page.eval_on_selector_all(selector, "items => items.map(item => item.getBoundingClientRect().toJSON())")


def test_arabic_partner_page_is_right_to_left_and_mirrored(page, partner_url, tmp_path):
    page.goto(partner_url)
    assert page.eval_on_selector("html", "html => [html.lang, html.dir]") == ["ar", "rtl"]
    nav = boxes(page, ".main-nav li")
    assert len(nav) > 2
    assert nav[0]["right"] >= nav[-1]["right"]
    assert nav[0]["left"] > nav[1]["left"], "the first section stands to the right of the second"
    # The site name starts at the right, the language bar too.
    width = page.evaluate("document.documentElement.clientWidth")
    site_name = boxes(page, ".site-name")[0]
    assert site_name["right"] > width / 2
    languages = boxes(page, ".language-bar li")
    assert languages[0]["right"] > languages[1]["right"]
    # Headings and table cells align to the right.
    assert page.eval_on_selector("h1", "h1 => getComputedStyle(h1).direction") == "rtl"
    screenshot = tmp_path / "arabic-partner.png"
    page.screenshot(path=str(screenshot), full_page=True)
    data = screenshot.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000
    assert page.console_errors == []


def test_arabic_partner_page_fits_a_phone(page, partner_url, tmp_path):
    page.set_viewport_size(PHONE)
    page.goto(partner_url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    nav = boxes(page, ".main-nav li")
    assert nav[0]["right"] >= nav[-1]["right"]
    screenshot = tmp_path / "arabic-partner-phone.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(PNG_SIGNATURE)


def test_english_text_inside_an_arabic_page_runs_left_to_right(page, partner_url):
    """An untranslated article's card is English: its title reads left to right within the Arabic page."""
    page.goto(partner_url)
    title = page.locator(".card__title", has_text="Fisheries talks")
    assert title.get_attribute("lang") == "en"
    assert title.evaluate("title => getComputedStyle(title).direction") == "ltr"


def test_editor_types_arabic_right_to_left_and_sees_which_languages_are_filled(page):
    """The admin's language tabs say "filled" or "empty", and follow what the editor types."""
    # A transactional test has no migration-made groups: a superuser stands in for an editor.
    editor = make_user(is_staff=True, is_superuser=True)
    article = make_relation_article(title_en="ROK-Japan Relations", title_fr="Relations Corée-Japon")
    page.goto("/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"/admin/relations/article/{article.pk}/change/")
    french, arabic = page.locator("a[href='#tab_id_title_fr']"), page.locator("a[href='#tab_id_title_ar']")
    assert french.locator(".mt-tab-state").inner_text().lower() == "filled"
    assert arabic.locator(".mt-tab-state").inner_text().lower() == "empty"
    arabic.click()
    title = page.locator("#id_title_ar")
    assert title.evaluate("input => getComputedStyle(input).direction") == "rtl"
    title.fill("العلاقات الكورية اليابانية")
    assert arabic.locator(".mt-tab-state").inner_text().lower() == "filled"
    assert "filled" in arabic.get_attribute("title")
    assert page.console_errors == []
