import pytest

from tests.factories import make_relation_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_partner_page_renders_in_chromium(page):
    article = make_relation_article(title_en="ROK-Japan Relations")
    page.goto(f"/en/world/{article.partner.slug}/")
    assert page.locator("h1").inner_text() == article.partner.name_en
    assert page.console_errors == []
