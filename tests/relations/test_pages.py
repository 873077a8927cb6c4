import pytest

from relations.models import Article
from tests.factories import make_partner, make_relation_article, make_summit, make_trade_figure

pytestmark = pytest.mark.django_db


def test_partner_list_links_each_partner_and_its_articles(client):
    partner = make_partner(name_en="Japan", slug="japan")
    article = make_relation_article(partner=partner, title_en="ROK-Japan Relations")
    page = client.get("/en/world/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="/en/world/japan/"' in html
    assert f'href="{article.get_absolute_url()}"' in html


def test_partner_page_shows_articles_summits_and_trade(client):
    partner = make_partner(name_en="China", slug="china")
    article = make_relation_article(partner=partner, slug="rok-china-relations", title_en="ROK-China Relations")
    make_summit(
        partner=partner,
        place_en="Cheong Wa Dae, Seoul",
        leaders_en="Roh Moo-hyun and Hu Jintao",
        caption_en="The two presidents shake hands.",
        article=article,
    )
    make_trade_figure(partner=partner, year=2000, total=31_300_000_000, exports=18_500_000_000, imports=12_800_000_000)
    html = client.get("/en/world/china/").content.decode()
    assert 'href="/en/world/china/rok-china-relations/"' in html
    assert "Roh Moo-hyun and Hu Jintao" in html
    assert "The two presidents shake hands." in html
    assert "US$31.3 billion" in html and "US$18.5 billion" in html and "US$12.8 billion" in html


def test_approximate_figure_is_marked(client):
    """A partner page shows an undated "more than" figure as a lower bound, labelled "Annual (no year given)"."""
    partner = make_partner(slug="japan")
    make_trade_figure(partner=partner, year=None, total=53_000_000_000, bound="more_than")
    html = client.get("/en/world/japan/").content.decode()
    assert "more than US$53 billion" in html
    assert "Annual (no year given)" in html


def test_relation_article_page(client):
    """A relation article's page shows its title and body, with its scripts removed."""
    article = make_relation_article(
        title_en="ROK-EU Relations", body_en="<p>Shared ideals.</p><script>alert(1)</script>"
    )
    page = client.get(article.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert '<h1 id="article-title">ROK-EU Relations</h1>' in html
    assert "<p>Shared ideals.</p>" in html
    assert "<script>alert(1)</script>" not in html


def test_draft_relation_article_is_not_shown(client):
    article = make_relation_article(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title_en not in client.get(article.partner.get_absolute_url()).content.decode()


def test_unknown_partner_and_article_are_404(client):
    article = make_relation_article()
    assert client.get("/en/world/atlantis/").status_code == 404
    assert client.get(f"/en/world/{article.partner.slug}/no-such-article/").status_code == 404
    other = make_partner()
    assert client.get(f"/en/world/{other.slug}/{article.slug}/").status_code == 404
