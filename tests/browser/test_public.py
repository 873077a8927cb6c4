"""
The public pages in Chromium: the article tools, accessibility (axe-core),
keyboard use, and a layout that holds from a 360 px phone to 200 % text.
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from korea_portal.demo.loader import load_demo
from news.models import Section, Tag
from tests.browser.conftest import open_page, run_axe, shared_site
from tests.factories import make_article, make_image
from tests.i18n.pages import LANGUAGES

# Every test here only reads the content the module's site was given once.
pytestmark = pytest.mark.django_db

PHONE = {"width": 360, "height": 740}
# The widest the article text may grow (portal.js: four steps of 12.5 %).
LARGEST_STEP = 4


def build_demo():
    """The demo content, plus two news articles (one with a lead image) in Culture."""
    load_demo()
    culture = Section.objects.get(slug="culture")
    image = make_image(alt_text_en="Dancers in hanbok", caption_en="Dancers at the palace.", credit="Jeon Han")
    body = "".join(f"<p>Paragraph {number} about the spring festival in Seoul.</p>" for number in range(5))
    first = make_article(
        section=culture, slug="spring-festival", title_en="Spring festival", body_en=body, lead_image=image
    )
    second = make_article(
        section=culture,
        slug="autumn-festival",
        title_en="Autumn festival",
        body_en=body,
        publish_date=timezone.now() - timedelta(days=2),
    )
    first.tags.set(Tag.objects.all()[:2])
    return {
        "home": "/en/",
        "section": "/en/news/culture/",
        "partner": "/en/world/japan/",
        "article": first.get_absolute_url(),
        "other article": second.get_absolute_url(),
        "print": first.tool_urls["print"],
    }


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    with shared_site(django_db_blocker, tmp_path_factory.mktemp("media"), build_demo) as site:
        yield site


@pytest.fixture(autouse=True)
def site_media(settings, site):
    """Serve the media the site's content was made with (each test otherwise gets a folder of its own)."""
    settings.MEDIA_ROOT = site.media_root


@pytest.fixture
def demo(site):
    return site.content


@pytest.fixture
def page(browser, site):
    """A fresh page on the module's shared site."""
    with open_page(browser, site.url) as page:
        yield page


def article_font_size(page):
    return page.eval_on_selector(".article__body", "element => parseFloat(getComputedStyle(element).fontSize)")


def has_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def open_with_viewport(page, url, viewport):
    page.set_viewport_size(viewport)
    page.goto(url)
    page.wait_for_load_state("load")


class TestFontSize:
    def test_buttons_grow_and_shrink_the_article_text(self, page, demo):
        page.goto(demo["article"])
        normal = article_font_size(page)
        page.get_by_role("button", name="Enlarge font size").click()
        larger = article_font_size(page)
        page.get_by_role("button", name="Reduce font size").click()
        page.get_by_role("button", name="Reduce font size").click()
        smaller = article_font_size(page)
        assert smaller < normal < larger
        assert page.console_errors == []

    def test_choice_persists_after_reload_and_on_another_article(self, page, demo):
        page.goto(demo["article"])
        normal = article_font_size(page)
        page.get_by_role("button", name="Enlarge font size").click()
        page.get_by_role("button", name="Enlarge font size").click()
        chosen = article_font_size(page)
        assert chosen > normal
        page.reload()
        assert article_font_size(page) == chosen
        page.goto(demo["other article"])
        assert article_font_size(page) == chosen
        assert page.evaluate("localStorage.getItem('portal.fontStep')") == "2"

    def test_buttons_have_labels_and_stop_at_their_limits(self, page, demo):
        page.goto(demo["article"])
        enlarge = page.locator('[data-font-step="1"]')
        reduce = page.locator('[data-font-step="-1"]')
        # The name starts with what the button shows, so that voice control can say it.
        assert enlarge.get_attribute("aria-label") == "A+ Enlarge font size"
        assert reduce.get_attribute("aria-label") == "A− Reduce font size"
        for _step in range(LARGEST_STEP):
            enlarge.click()
        assert enlarge.is_disabled()
        assert reduce.is_enabled()

    @pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
    def test_largest_step_keeps_the_layout(self, page, demo, viewport):
        """At the largest font size the article still fits the screen's width, on a phone and on a desktop."""
        open_with_viewport(page, demo["article"], viewport)
        for _step in range(LARGEST_STEP):
            page.get_by_role("button", name="Enlarge font size").click()
        assert has_horizontal_scroll(page) is False
        body = page.locator(".article__body").bounding_box()
        assert body["x"] >= 0 and body["x"] + body["width"] <= viewport["width"]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_labels_are_in_the_page_language(self, page, demo, language):
        """The buttons' accessible names are the catalogue's words of the page's language, not English."""
        page.goto(demo["article"].replace("/en/", f"/{language}/", 1))
        labels = page.locator("[data-font-step]").evaluate_all("buttons => buttons.map(b => b.ariaLabel)")
        with translation.override(language):
            expected = [f"A+ {gettext('Enlarge font size')}", f"A− {gettext('Reduce font size')}"]
        assert labels == expected
        if language != "en":
            assert expected != ["A+ Enlarge font size", "A− Reduce font size"]


class TestPrint:
    def test_print_button_opens_the_print_dialogue(self, page, demo):
        page.goto(demo["article"])
        page.evaluate("window.print = () => { window.printed = true; }")
        page.get_by_role("link", name="Print").click()
        assert page.evaluate("window.printed") is True
        assert page.url.endswith(demo["article"])

    def test_print_view_has_the_article_alone(self, page, demo):
        page.goto(demo["print"])
        assert page.locator("nav, header, footer, .article-tools, .site-header, .site-footer").count() == 0
        assert page.locator("h1").inner_text() == "Spring festival"
        assert "Dancers at the palace." in page.locator("figcaption").inner_text()
        assert page.locator(".print-source").inner_text().endswith(demo["article"])
        assert page.console_errors == []

    def test_printing_the_article_page_shows_the_article_alone(self, page, demo):
        page.goto(demo["article"])
        page.emulate_media(media="print")
        for hidden in (".site-header", ".main-nav", ".article-tools", ".site-footer", ".related", ".skip-link"):
            assert page.locator(hidden).first.is_hidden(), hidden
        assert page.locator("#article-title").is_visible()
        assert page.locator(".article__body").is_visible()
        assert page.locator(".article__image figcaption").is_visible()
        assert page.locator(".print-source").inner_text().endswith(demo["article"])


class TestAccessibility:
    @pytest.mark.parametrize("name", ["home", "section", "partner", "article"])
    def test_axe_finds_no_serious_violation(self, page, demo, name):
        page.goto(demo[name])
        violations = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        assert violations == [], [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]
        assert page.console_errors == []

    def test_axe_finds_no_serious_violation_on_a_right_to_left_page(self, page, demo):
        page.goto(demo["partner"].replace("/en/", "/ar/", 1))
        violations = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        assert violations == [], [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]

    def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(self, page, demo):
        page.goto(demo["article"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert page.locator(".skip-link").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"

    def test_focus_is_visible(self, page, demo):
        page.goto(demo["home"])
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", "")


class TestLayout:
    PAGES = ["home", "section", "partner", "article", "print"]

    @pytest.mark.parametrize("name", PAGES)
    def test_phone_has_no_horizontal_scroll(self, page, demo, name):
        open_with_viewport(page, demo[name], PHONE)
        assert has_horizontal_scroll(page) is False
        assert page.console_errors == []

    @pytest.mark.parametrize("language", ["ar", "ko"])
    def test_phone_has_no_horizontal_scroll_in_other_scripts(self, page, demo, language):
        for name in ("home", "article"):
            open_with_viewport(page, demo[name].replace("/en/", f"/{language}/", 1), PHONE)
            assert has_horizontal_scroll(page) is False, name

    def test_phone_header_is_compact(self, page, demo):
        """On a phone the header and its navigation fit in the top half of the screen."""
        open_with_viewport(page, demo["home"], PHONE)
        header = page.locator(".site-header").bounding_box()
        nav = page.locator(".main-nav").bounding_box()
        assert nav["y"] + nav["height"] <= PHONE["height"] / 2
        assert header["height"] < PHONE["height"] / 2

    @pytest.mark.parametrize("name", PAGES)
    def test_text_at_200_percent_has_no_horizontal_scroll(self, page, demo, name):
        page.goto(demo[name])
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert has_horizontal_scroll(page) is False

    def test_works_without_javascript(self, browser, site, demo):
        """Without scripts the font buttons are hidden and Print opens the print view."""
        context = browser.new_context(base_url=site.url, java_script_enabled=False)
        page = context.new_page()
        try:
            page.goto(demo["article"])
            assert page.locator("[data-font-step]").first.is_hidden()
            page.get_by_role("link", name="Print").click()
            page.wait_for_url(f"**{demo['print']}")
            assert page.locator("h1").inner_text() == "Spring festival"
        finally:
            context.close()
