"""The news pages as a visitor gets them: lists, tags, articles, print view, search, feeds, sitemap."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article
from news.views import PAGE_SIZE
from tests.factories import (
    make_article,
    make_image,
    make_partner,
    make_relation_article,
    make_section,
    make_summit,
    make_tag,
)

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def titles_in(html):
    """The article titles of a list's cards, in page order."""
    return re.findall(r'class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def dated_articles(section, count):
    """Make ``count`` articles in ``section``, the first the newest."""
    now = timezone.now()
    return [
        make_article(section=section, title_en=f"Story {number}", publish_date=now - timedelta(days=number, hours=1))
        for number in range(count)
    ]


class TestSectionPage:
    def test_lists_its_articles_newest_first(self, client):
        section = make_section(slug="culture", name_en="Culture")
        dated_articles(section, 3)
        make_article(title_en="Elsewhere")
        html = html_of(client.get("/en/news/culture/"))
        assert "<h1>Culture</h1>" in html
        assert titles_in(html) == ["Story 0", "Story 1", "Story 2"]

    def test_is_paginated(self, client):
        section = make_section(slug="culture")
        dated_articles(section, PAGE_SIZE + 2)
        first = html_of(client.get("/en/news/culture/"))
        second = html_of(client.get("/en/news/culture/?page=2"))
        assert len(titles_in(first)) == PAGE_SIZE
        assert titles_in(second) == [f"Story {PAGE_SIZE}", f"Story {PAGE_SIZE + 1}"]
        assert 'rel="next" href="?page=2"' in first
        assert 'rel="prev" href="?page=1"' in second

    @pytest.mark.parametrize("page", ["999", "abc", "0", "-1"])
    def test_a_page_that_does_not_exist_is_not_found(self, client, page):
        dated_articles(make_section(slug="culture"), 2)
        assert client.get(f"/en/news/culture/?page={page}").status_code == 404

    def test_unknown_section_is_not_found(self, client):
        assert client.get("/en/news/no-such-section/").status_code == 404

    def test_marks_itself_current_in_the_navigation(self, client):
        make_section(slug="culture", name_en="Culture")
        make_section(slug="arts", name_en="Arts")
        html = html_of(client.get("/en/news/culture/"))
        assert 'href="/en/news/culture/" aria-current="page"' in html
        assert 'href="/en/news/arts/" aria-current' not in html

    def test_offers_its_own_feed(self, client):
        make_section(slug="culture", name_en="Culture")
        html = html_of(client.get("/en/news/culture/"))
        assert 'type="application/atom+xml"' in html
        assert 'href="/feeds/en/sections/culture/"' in html
        assert 'href="/feeds/en/latest/"' in html


class TestLatestNews:
    def test_lists_every_section_newest_first(self, client):
        make_article(title_en="Older", publish_date=timezone.now() - timedelta(days=2))
        make_article(title_en="Newer")
        html = html_of(client.get("/en/news/"))
        assert titles_in(html) == ["Newer", "Older"]

    def test_empty_list_says_so(self, client):
        assert "No articles have been published here yet." in html_of(client.get("/en/news/"))


class TestTagPage:
    def test_mixes_news_and_relation_articles(self, client):
        tag = make_tag(slug="dokdo", name_en="Dokdo")
        news = make_article(title_en="Dokdo news", publish_date=timezone.now() - timedelta(days=1))
        relation = make_relation_article(title_en="ROK-Japan Relations")
        make_article(title_en="Not tagged")
        news.tags.add(tag)
        relation.tags.add(tag)
        html = html_of(client.get("/en/news/tags/dokdo/"))
        assert "Articles about Dokdo" in html
        assert titles_in(html) == ["ROK-Japan Relations", "Dokdo news"]
        assert f'href="{relation.get_absolute_url()}"' in html

    def test_tag_without_articles_says_so(self, client):
        make_tag(slug="kimchi")
        assert "No articles have this keyword yet." in html_of(client.get("/en/news/tags/kimchi/"))

    def test_unknown_tag_is_not_found(self, client):
        assert client.get("/en/news/tags/nope/").status_code == 404

    @pytest.mark.parametrize("page", ["999", "abc"])
    def test_a_page_that_does_not_exist_is_not_found(self, client, page):
        make_article().tags.add(make_tag(slug="dokdo"))
        assert client.get(f"/en/news/tags/dokdo/?page={page}").status_code == 404


class TestArticlePage:
    @pytest.fixture
    def article(self):
        section = make_section(slug="culture", name_en="Culture")
        image = make_image(alt_text_en="Dancers in hanbok", caption_en="Dancers at the palace.", credit="Jeon Han")
        article = make_article(
            section=section,
            slug="spring-festival",
            title_en="Spring festival",
            summary_en="Crowds at the palace.",
            body_en='<p>First <a href="https://example.org/" onclick="steal()">link</a>.</p><script>alert(1)</script>',
            lead_image=image,
            publish_date=timezone.make_aware(timezone.datetime(2024, 4, 5, 10, 0)),
        )
        article.tags.add(make_tag(slug="hanbok", name_en="Hanbok"))
        return article

    def test_shows_title_date_section_and_tags(self, client, article):
        html = html_of(client.get("/en/news/culture/spring-festival/"))
        assert '<h1 id="article-title">Spring festival</h1>' in html
        assert "<title>Spring festival · Korea Portal</title>" in html
        assert 'datetime="2024-04-05T10:00:00' in html and "April 5, 2024" in html
        assert '<a href="/en/news/culture/">Culture</a>' in html
        assert '<a href="/en/news/tags/hanbok/">Hanbok</a>' in html

    def test_shows_the_lead_image_with_caption_and_credit(self, client, article):
        html = html_of(client.get(article.get_absolute_url()))
        assert 'alt="Dancers in hanbok"' in html
        assert "/media/renditions/" in html and "srcset=" in html
        assert "Dancers at the palace." in html
        assert "Photo: Jeon Han" in html

    def test_body_is_sanitised(self, client, article):
        html = html_of(client.get(article.get_absolute_url()))
        assert '<a href="https://example.org/">link</a>' in html
        assert "steal()" not in html
        assert "alert(1)" not in html

    def test_marks_its_section_current_in_the_navigation(self, client, article):
        html = html_of(client.get(article.get_absolute_url()))
        assert 'href="/en/news/culture/" aria-current="true"' in html
        assert 'aria-current="page"' not in html

    def test_has_the_article_tools(self, client, article):
        html = html_of(client.get(article.get_absolute_url()))
        assert 'aria-label="A+ Enlarge font size"' in html
        assert 'aria-label="A− Reduce font size"' in html
        assert 'href="/en/news/culture/spring-festival/print/"' in html

    def test_related_articles_are_recent_ones_of_the_same_section(self, client, article):
        neighbour = make_article(section=article.section, title_en="Neighbour")
        make_article(section=article.section, title_en="Hidden draft", status=Article.Status.DRAFT)
        make_article(title_en="Other section")
        html = html_of(client.get(article.get_absolute_url()))
        related = html.split('id="related-title"', 1)[1]
        assert titles_in(related) == [neighbour.title_en]

    def test_without_related_articles_there_is_no_related_block(self, client, article):
        assert "Related articles" not in html_of(client.get(article.get_absolute_url()))

    def test_untranslated_article_says_so_and_shows_english(self, client, article):
        html = html_of(client.get("/fr/news/culture/spring-festival/"))
        assert '<html lang="fr"' in html
        assert 'class="notice notice--fallback"' in html
        assert '<h1 id="article-title" lang="en" dir="ltr">Spring festival</h1>' in html
        assert '<div class="article__text" lang="en" dir="ltr">' in html
        assert '<p class="article__meta">' in html  # the date stays in the reader's language

    def test_translated_article_is_in_the_readers_language(self, client, article):
        article.title_fr, article.body_fr = "Festival de printemps", "<p>Texte.</p>"
        article.save()
        html = html_of(client.get("/fr/news/culture/spring-festival/"))
        assert '<h1 id="article-title">Festival de printemps</h1>' in html
        assert "notice--fallback" not in html

    def test_unknown_slug_is_not_found(self, client, article):
        assert client.get("/en/news/culture/no-such-article/").status_code == 404

    def test_under_another_section_is_not_found(self, client, article):
        make_section(slug="arts")
        assert client.get("/en/news/arts/spring-festival/").status_code == 404


class TestPrintView:
    def test_shows_the_article_alone_with_its_source(self, client):
        image = make_image(caption_en="Dancers at the palace.", credit="Jeon Han")
        article = make_article(slug="festival", title_en="Spring festival", body_en="<p>Text.</p>", lead_image=image)
        html = html_of(client.get(article.tool_urls["print"]))
        assert "<h1>Spring festival</h1>" in html
        assert "<p>Text.</p>" in html
        assert "Dancers at the palace." in html and "Photo: Jeon Han" in html
        assert f"Source: http://testserver{article.get_absolute_url()}" in html
        for absent in ("<nav", "<header", "<footer", "article-tools", "data-font-step", "<script", "portal.css"):
            assert absent not in html
        assert 'name="robots" content="noindex"' in html

    def test_relation_article_print_view_has_its_summit_captions(self, client):
        article = make_relation_article(title_en="ROK-China Relations")
        make_summit(partner=article.partner, article=article, caption_en="The two presidents shake hands.")
        html = html_of(client.get(article.tool_urls["print"]))
        assert "<h1>ROK-China Relations</h1>" in html
        assert "The two presidents shake hands." in html
        assert "<nav" not in html

    def test_is_in_the_readers_language(self, client):
        article = make_article(title_en="Festival", title_ko="축제", body_ko="<p>본문</p>")
        html = html_of(client.get(f"/ko{article.tool_urls['print'][3:]}"))
        assert '<html lang="ko"' in html
        assert "<h1>축제</h1>" in html

    def test_unknown_article_is_not_found(self, client):
        section = make_section(slug="culture")
        assert client.get(f"/en/news/{section.slug}/nope/print/").status_code == 404


class TestSearch:
    def test_finds_articles_by_title_and_by_body_a_title_match_first(self, client):
        by_title = make_article(title_en="Hangeul Day", publish_date=timezone.now() - timedelta(days=1))
        by_body = make_relation_article(title_en="ROK-U.S. Relations", body_en="<p>Talks about hangeul.</p>")
        make_article(title_en="Unrelated")
        html = html_of(client.get("/en/search/?q=hangeul"))
        assert titles_in(html) == [by_title.title_en, by_body.title_en]
        assert "2 articles found for “hangeul”." in html

    def test_finds_english_text_from_another_language(self, client):
        make_article(title_en="Kimchi festival")
        html = html_of(client.get("/fr/search/?q=kimchi"))
        assert titles_in(html) == ["Kimchi festival"]

    def test_finds_text_in_the_readers_language(self, client):
        make_article(title_en="Kimchi", title_ko="김치 축제", body_ko="<p>김치</p>")
        assert titles_in(html_of(client.get("/ko/search/?q=축제"))) == ["김치 축제"]

    def test_no_match_says_so(self, client):
        make_article(title_en="Kimchi")
        assert "0 articles found for “bulgogi”." in html_of(client.get("/en/search/?q=bulgogi"))

    def test_a_one_character_query_shows_the_form_error(self, client):
        make_article(title_en="A story")
        html = html_of(client.get("/en/search/?q=a"))
        assert "Type at least 2 characters." in html
        assert 'aria-invalid="true"' in html
        assert titles_in(html) == []

    def test_a_too_long_query_shows_the_form_error(self, client):
        html = html_of(client.get("/en/search/?q=" + "x" * 101))
        assert "Type at most 100 characters." in html
        assert titles_in(html) == []

    @pytest.mark.parametrize("url", ["/en/search/", "/en/search/?q=", "/en/search/?q=+++"])
    def test_an_empty_query_shows_the_form_alone(self, client, url):
        make_article(title_en="A story")
        html = html_of(client.get(url))
        assert 'id="search-q"' in html
        assert "field-error" not in html
        assert "found for" not in html
        assert titles_in(html) == []

    def test_html_in_the_query_is_escaped(self, client):
        html = html_of(client.get("/en/search/?q=<b>bold</b>"))
        assert "<b>bold</b>" not in html
        assert "&lt;b&gt;bold&lt;/b&gt;" in html

    def test_pages_keep_the_query(self, client):
        section = make_section()
        for number in range(PAGE_SIZE + 1):
            make_article(section=section, title_en=f"Festival {number}")
        html = html_of(client.get("/en/search/?q=festival"))
        assert 'href="?q=festival&amp;page=2"' in html
        assert len(titles_in(html_of(client.get("/en/search/?q=festival&page=2")))) == 1

    @pytest.mark.parametrize("page", ["999", "abc"])
    def test_a_page_that_does_not_exist_is_not_found(self, client, page):
        make_article(title_en="Festival")
        assert client.get(f"/en/search/?q=festival&page={page}").status_code == 404


class TestFeeds:
    def test_latest_feed_is_atom_with_published_articles_of_every_kind(self, client):
        news = make_article(title_en="Published news")
        relation = make_relation_article(title_en="Published relation")
        make_article(title_en="Draft news", status=Article.Status.DRAFT)
        response = client.get("/feeds/en/latest/")
        xml = html_of(response)
        assert response["Content-Type"].startswith("application/atom+xml")
        assert 'xmlns="http://www.w3.org/2005/Atom"' in xml
        assert "Published news" in xml and "Published relation" in xml
        assert f"http://testserver{news.get_absolute_url()}" in xml
        assert f"http://testserver{relation.get_absolute_url()}" in xml
        assert "Draft news" not in xml
        assert "<title>Korea Portal: latest articles</title>" in xml

    def test_feed_is_in_its_language(self, client):
        article = make_article(title_en="Festival", title_fr="Festival de printemps", body_fr="<p>Texte</p>")
        xml = html_of(client.get("/feeds/fr/latest/"))
        assert "Festival de printemps" in xml
        assert f"http://testserver/fr{article.get_absolute_url()[3:]}" in xml

    def test_section_feed_has_only_that_section(self, client):
        section = make_section(slug="culture", name_en="Culture")
        make_article(section=section, title_en="Culture story")
        make_article(title_en="Other story")
        xml = html_of(client.get("/feeds/en/sections/culture/"))
        assert "<title>Korea Portal: Culture</title>" in xml
        assert "Culture story" in xml
        assert "Other story" not in xml

    @pytest.mark.parametrize("url", ["/feeds/xx/latest/", "/feeds/EN/latest/", "/feeds/en/sections/nope/"])
    def test_unknown_language_or_section_is_not_found(self, client, url):
        assert client.get(url).status_code == 404


class TestSitemapXml:
    def test_index_lists_each_part(self, client):
        xml = html_of(client.get("/sitemap.xml"))
        for part in ("pages", "sections", "articles", "partners", "relation-articles", "tags", "boards"):
            assert f"<loc>http://testserver/sitemap-{part}.xml</loc>" in xml

    def test_lists_pages_and_articles_with_language_alternates(self, client):
        article = make_article(title_ko="기사", body_ko="<p>본문</p>")
        xml = html_of(client.get("/sitemap-articles.xml"))
        assert f"<loc>http://testserver{article.get_absolute_url()}</loc>" in xml
        assert f'hreflang="ko" href="http://testserver/ko{article.get_absolute_url()[3:]}"' in xml
        assert 'hreflang="x-default"' in xml
        assert "<loc>http://testserver/fr/about/</loc>" in html_of(client.get("/sitemap-pages.xml"))

    def test_long_parts_are_split_into_pages(self, client):
        make_article()
        assert client.get("/sitemap-articles.xml?p=1").status_code == 200
        assert client.get("/sitemap-articles.xml?p=2").status_code == 404
        assert client.get("/sitemap-nothing.xml").status_code == 404

    def test_has_no_draft(self, client):
        draft = make_article(status=Article.Status.DRAFT)
        assert draft.slug not in html_of(client.get("/sitemap-articles.xml"))


class TestUnpublishedArticlesAreNowhere:
    """Drafts and scheduled articles never appear on a list, feed, sitemap, search or their own URL."""

    @pytest.fixture(params=["draft", "scheduled"])
    def hidden(self, request):
        tag = make_tag(slug="dokdo")
        if request.param == "draft":
            values = {"status": Article.Status.DRAFT}
        else:
            values = {"publish_date": timezone.now() + timedelta(days=1)}
        section = make_section(slug="culture")
        news = make_article(section=section, title_en="Hidden news zebra", **values)
        relation = make_relation_article(title_en="Hidden relation zebra", **values)
        for article in (news, relation):
            article.tags.add(tag)
        make_article(section=section, title_en="Visible neighbour").tags.add(tag)
        return news, relation

    @pytest.mark.parametrize(
        "url",
        [
            "/en/",
            "/en/news/",
            "/en/news/culture/",
            "/en/news/tags/dokdo/",
            "/en/search/?q=zebra",
            "/feeds/en/latest/",
            "/feeds/en/sections/culture/",
            "/sitemap-articles.xml",
            "/sitemap-relation-articles.xml",
            "/en/world/",
        ],
    )
    def test_not_on_any_list(self, client, hidden, url):
        text = html_of(client.get(url))
        assert "Hidden news zebra" not in text and "Hidden relation zebra" not in text
        for article in hidden:
            assert article.slug not in text

    def test_not_on_its_partners_page(self, client, hidden):
        _news, relation = hidden
        assert "Hidden relation zebra" not in html_of(client.get(relation.partner.get_absolute_url()))

    def test_not_at_its_own_url_nor_its_print_view(self, client, hidden):
        for article in hidden:
            assert client.get(article.get_absolute_url()).status_code == 404
            assert client.get(article.tool_urls["print"]).status_code == 404

    def test_not_among_related_articles(self, client, hidden):
        news, relation = hidden
        visible = make_relation_article(partner=relation.partner, title_en="Visible relation")
        neighbour = Article.objects.get(title_en="Visible neighbour")
        assert "Hidden news zebra" not in html_of(client.get(neighbour.get_absolute_url()))
        assert "Hidden relation zebra" not in html_of(client.get(visible.get_absolute_url()))


def test_relation_article_page_marks_korea_and_the_world_current(client):
    make_section(slug="korea-and-the-world", name_en="Korea and the World")
    article = make_relation_article(partner=make_partner(slug="japan"))
    html = html_of(client.get(article.get_absolute_url()))
    assert 'href="/en/world/" aria-current="true"' in html
