"""
Every public page costs a small, fixed number of queries, however much content there is.

Each page is fetched once with one article, summit and figure of each kind, and
again after thirty more of everything were added (with tags, lead images and
summit photos, so that a query per item would show); the two counts must be
equal and within the page's budget. The page cache is emptied before every
count, so these are the queries of a page actually rendered.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.feeds import FEED_SIZE
from tests.factories import (
    image_upload,
    make_article,
    make_image,
    make_partner,
    make_relation_article,
    make_section,
    make_summit,
    make_tag,
    make_trade_figure,
    make_user,
)

pytestmark = pytest.mark.django_db

# The most queries each page may cost an anonymous visitor with nothing cached;
# every page with the site's header counts two for its sections and keywords,
# which are then cached. A logged-in reader adds the session and the user (two
# queries) and may add a few of their own (their scraps).
BUDGET = {
    "home": 8,
    "latest news": 4,
    "section": 5,
    "tag": 7,
    "news article": 5,
    "news article print view": 2,
    "relation article": 6,
    "relation article print view": 3,
    "partners": 6,  # the count of partners (pages), a page of them, their latest articles and their trade
    "partner": 6,
    # The articles (count, keys, one per kind), their snippets on SQLite, the best bets (partners, summits),
    # the filters (one UNION of the four facets, and the names of their sections).
    "search": 11,
    "html sitemap": 4,
    "feed": 6,
    "feed (RSS)": 6,
    "section feed": 7,
    "tag feed": 7,
    "partner feed": 4,
    "sitemap.xml": 6,
    "sitemap of articles": 4,
}
LOGGED_IN_EXTRA = 4
MORE = 30


class Content:
    """Anchored content (one section, tag, partner…) that ``grow`` adds to, with every relation filled in."""

    def __init__(self):
        self.images = [make_image(file=image_upload(width=200, height=120)) for _ in range(2)]
        self.section = make_section()
        self.tag = make_tag()
        self.partner = make_partner()
        self.count = 0
        self.grow(1)
        self.article = self.section.articles.get()
        self.relation_article = self.partner.articles.get()

    def grow(self, how_many):
        for _ in range(how_many):
            index = self.count
            self.count += 1
            image = self.images[index % len(self.images)]
            tags = [self.tag, make_tag()]
            make_section()
            article = make_article(section=self.section, lead_image=image, title_en=f"Harbour news {index}")
            article.tags.set(tags)
            relation = make_relation_article(partner=self.partner, lead_image=image, title_en=f"Harbour talks {index}")
            relation.tags.set(tags)
            anchor = self.partner.articles.order_by("pk").first()
            make_summit(partner=self.partner, article=anchor, photo=image, caption_en=f"Caption {index}")
            make_trade_figure(partner=self.partner, year=1990 + index, total=1000 + index)
            partner = make_partner()
            make_relation_article(partner=partner, lead_image=image).tags.set(tags)
            make_summit(partner=partner, photo=image)

    def urls(self):
        relation_url = self.relation_article.get_absolute_url()
        return {
            "home": "/en/",
            "latest news": "/en/news/",
            "section": self.section.get_absolute_url(),
            "tag": self.tag.get_absolute_url(),
            "news article": self.article.get_absolute_url(),
            "news article print view": self.article.tool_urls["print"],
            "relation article": relation_url,
            "relation article print view": self.relation_article.tool_urls["print"],
            "partners": "/en/world/",
            "partner": self.partner.get_absolute_url(),
            "search": "/en/search/?q=Harbour",
            "html sitemap": "/en/sitemap/",
            "feed": "/feeds/en/latest/",
            "feed (RSS)": "/feeds/en/latest/rss/",
            "section feed": f"/feeds/en/sections/{self.section.slug}/",
            "tag feed": f"/feeds/en/tags/{self.tag.slug}/",
            "partner feed": f"/feeds/en/partners/{self.partner.slug}/",
            "sitemap.xml": "/sitemap.xml",
            "sitemap of articles": "/sitemap-articles.xml",
        }


TRANSACTION_STATEMENTS = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def count_queries(client, url):
    """Return how many queries rendering ``url`` costs, with nothing cached."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    # The request's transaction (ATOMIC_REQUESTS) is a savepoint inside the test's
    # own: its statements are not queries of the page, and a real request has none.
    return sum(1 for query in queries if not query["sql"].upper().startswith(TRANSACTION_STATEMENTS))


@pytest.mark.parametrize("page", BUDGET)
def test_an_anonymous_page_costs_the_same_queries_with_thirty_times_the_content(client, page):
    content = Content()
    few = count_queries(client, content.urls()[page])
    content.grow(MORE)
    many = count_queries(client, content.urls()[page])
    assert many == few, f"{page}: {few} queries with one of each, {many} with {MORE + 1}"
    assert few <= BUDGET[page]


@pytest.mark.parametrize("page", BUDGET)
def test_a_logged_in_page_costs_the_same_queries_with_thirty_times_the_content(client, page):
    client.force_login(make_user())
    content = Content()
    few = count_queries(client, content.urls()[page])
    content.grow(MORE)
    many = count_queries(client, content.urls()[page])
    assert many == few, f"{page}: {few} queries with one of each, {many} with {MORE + 1}"
    assert few <= BUDGET[page] + LOGGED_IN_EXTRA


def test_the_lists_show_the_added_content(client):
    """The counted pages really list the grown content (the counts are not of empty pages)."""
    content = Content()
    content.grow(MORE)
    urls = content.urls()
    assert client.get(urls["search"]).context["paginator"].count == 2 * (MORE + 1)
    assert client.get(urls["partner"]).content.decode().count("Caption ") == MORE + 1
    assert client.get(urls["tag"]).context["paginator"].count == 3 * (MORE + 1)
    assert client.get(urls["html sitemap"]).content.decode().count("/en/world/partner-") >= MORE
    for feed in ("feed", "section feed", "tag feed", "partner feed"):
        assert client.get(urls[feed]).content.decode().count("<entry>") == FEED_SIZE, feed
