"""The Korea and the World page at scale: partners a page at a time, each with its latest articles."""

from datetime import timedelta

import pytest
from django.utils import timezone

from relations.views import ARTICLES_PER_PARTNER, PARTNERS_PER_PAGE
from tests.factories import make_partner, make_relation_article

pytestmark = pytest.mark.django_db


def test_a_partner_shows_its_latest_articles_and_links_to_the_rest(client):
    japan = make_partner(slug="japan", name_en="Japan", name_fr="Japon")
    now = timezone.now()
    for number in range(ARTICLES_PER_PARTNER + 2):
        make_relation_article(partner=japan, title_en=f"Talks {number}", publish_date=now - timedelta(days=number + 1))
    make_relation_article(partner=japan, title_en="Scheduled", publish_date=now + timedelta(days=1))
    html = client.get("/fr/world/").content.decode()
    listed = [f"Talks {number}" for number in range(ARTICLES_PER_PARTNER + 2) if f">Talks {number}<" in html]
    assert listed == [f"Talks {number}" for number in range(ARTICLES_PER_PARTNER)]
    assert "Scheduled" not in html
    assert f'<a href="/fr/world/japan/">Les {ARTICLES_PER_PARTNER + 2} articles sur Japon</a>' in html


def test_a_partner_with_few_articles_has_no_link_to_more(client):
    make_relation_article(partner=make_partner(slug="chile", name_en="Chile"), title_en="Free trade")
    assert "partner__more" not in client.get("/en/world/").content.decode()


def test_the_partners_come_a_page_at_a_time(client):
    for number in range(PARTNERS_PER_PAGE + 1):
        make_partner(slug=f"partner-{number:03}", name_en=f"Partner {number:03}", position=number)
    first = client.get("/en/world/").content.decode()
    assert first.count('class="partner"') == PARTNERS_PER_PAGE
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/en/world/", {"page": 2}).content.decode()
    assert second.count('class="partner"') == 1
    assert f"Partner {PARTNERS_PER_PAGE:03}" in second
    assert client.get("/en/world/", {"page": 99}).status_code == 404
    assert client.get("/en/world/", {"page": "x"}).status_code == 404
