"""The scrap flow in Chromium: from the article page, through the login form, to the scrapbook."""

import pytest

from accounts.models import Scrap
from tests.browser.conftest import run_axe
from tests.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_logged_out_reader_scraps_an_article_from_its_page(page):
    user = make_user(email="browser@example.org", display_name="Browser Reader")
    article = make_article(title_en="Scrap me from Chromium", summary_en="A summary worth keeping.")

    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Scrap").click()

    # Sent to log in, then back to finish.
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("E-mail address or username").fill("browser@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Login").click()
    page.wait_for_url(f"**{article.tool_urls['scrap']}")
    assert page.locator("h1").inner_text() == "Add to your scrapbook"
    assert run_axe(page) == []
    page.get_by_role("button", name="Add to my scrapbook").click()

    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert "“Scrap me from Chromium” is added to your scrapbook." in page.locator(".messages").inner_text()
    # Logged in, the control is a button that posts with a CSRF token.
    page.get_by_role("button", name="Scrap").click()
    assert "is already in your scrapbook" in page.locator(".messages").inner_text()
    assert Scrap.objects.filter(user=user).count() == 1

    page.get_by_role("link", name="Browser Reader").click()
    page.get_by_role("link", name="Your scrapbook").click()
    assert page.get_by_role("link", name="Scrap me from Chromium").is_visible()
    assert run_axe(page) == []
    page.get_by_label("Private note").fill("For the weekend")
    page.get_by_role("button", name="Save the note").click()
    assert page.get_by_label("Private note").input_value() == "For the weekend"
    page.get_by_role("button", name="Remove from the scrapbook").click()
    assert "Your scrapbook is empty." in page.locator("main").inner_text()
    assert not Scrap.objects.exists()
    assert page.console_errors == []
