"""
The Content-Security-Policy in Chromium: the public pages and the admin's
translation tabs work under it, and the browser reports no violation (a
violation is a console error, which the page fixture collects).
"""

import pytest

from tests.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def policy_of(response):
    return response.headers["content-security-policy"]


def test_a_violation_would_be_seen(page):
    """The check is real: an inline script is refused, and the refusal is a console error."""
    page.goto("/en/")
    page.evaluate(
        "() => { const script = document.createElement('script');"
        " script.textContent = 'window.ran = true'; document.body.append(script); }"
    )
    assert page.evaluate("() => window.ran") is None
    assert any("Content Security Policy" in error for error in page.console_errors)


def test_public_pages_work_under_the_policy(page):
    article = make_article(title_en="Spring festival", body_en="<p>Dancers in hanbok.</p>")
    for path in ("/en/", article.get_absolute_url(), "/en/search/?q=festival"):
        response = page.goto(path)
        assert "default-src 'none'" in policy_of(response)
        assert "'nonce-" not in policy_of(response)
    # portal.js ran: it shows the font-size buttons, hidden without JavaScript.
    page.goto(article.get_absolute_url())
    assert page.locator(".tool--font").first.is_visible()
    assert page.console_errors == []


def test_the_admins_translation_tabs_work_under_the_policy(page):
    # A transactional test has no migration-made groups: a superuser stands in for an editor.
    editor = make_user(is_staff=True, is_superuser=True)
    article = make_article(title_en="Spring festival", title_fr="Fête du printemps")
    response = page.goto("/admin/login/")
    assert "default-src 'none'" in policy_of(response)
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    response = page.goto(f"/admin/news/article/{article.pk}/change/")
    assert "'unsafe-inline'" not in policy_of(response)
    german = page.locator("a[href='#tab_id_title_de']")
    assert german.locator(".mt-tab-state").inner_text().lower() == "empty"
    german.click()
    page.locator("#id_title_de").fill("Frühlingsfest")
    assert german.locator(".mt-tab-state").inner_text().lower() == "filled"
    page.goto("/admin/news/article/add/")
    page.goto("/admin/news/article/")
    assert page.console_errors == []
