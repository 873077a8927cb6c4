"""A publisher approves an article in review in Chromium, under the Content-Security-Policy, and readers see it."""

import pytest

from news.models import Article
from tests.factories import PASSWORD, make_article, make_publisher

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_publisher_approves_an_article_and_readers_see_it(page, browser, live_server):
    # A transactional test's flush empties the migrations' groups: make_publisher makes Publishers again.
    publisher = make_publisher()
    article = make_article(status=Article.Status.REVIEW, title_en="Harbour opens to ferries")
    page.goto("/admin/login/")
    page.fill("#id_username", publisher.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto("/admin/")
    page.locator("#newsroom-review a", has_text="Harbour opens to ferries").click()
    page.get_by_role("link", name="Preview", exact=True).click()
    assert "Preview — not published" in page.locator(".notice--preview").inner_text()
    page.go_back()
    page.get_by_role("link", name="Approve", exact=True).click()
    page.locator("input[value=now]").check()
    page.locator("input[type=submit][value=Approve]").click()
    assert "Approved and published." in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.is_live
    assert page.console_errors == []
    from tests.browser.conftest import open_page

    with open_page(browser, live_server.url) as reader:
        reader.goto("/en/news/")
        assert reader.locator("text=Harbour opens to ferries").count() >= 1
