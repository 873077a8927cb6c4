"""Search as a reader uses it: the words they mean, in their language, best match first; on both databases."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from news.models import Article
from news.search import SearchDocument, search_keys
from tests.factories import make_article, make_partner, make_relation_article, make_tag
from tests.news.test_pages import html_of, titles_in

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "de", "es", "ar", "vi", "ru", "zh-hans", "ja", "ko"]


def found(language, query):
    """The titles of the results, not of the latest articles shown when there are none."""
    html = html_of(_client().get(f"/{language}/search/", {"q": query}))
    return titles_in(html.split('class="search-latest"', 1)[0])


def _client():
    from django.test import Client

    return Client()


@pytest.fixture
def eu_article():
    return make_article(
        title_en="EU relations",
        body_en="<p>Korea&#x27;s trade with Europe grew: a <b>trade surplus</b> again.</p>",
        title_fr="Relations avec Bruxelles",
        body_fr="<p>Les échanges avec l'Europe ont grandi.</p>",
    )


class TestWhatReadersMean:
    def test_a_french_word_finds_its_inflected_form(self, eu_article):
        assert found("fr", "échange") == ["Relations avec Bruxelles"]

    @pytest.mark.parametrize("query", ["x27", "<b>", "&#x27;", "<p>"])
    def test_entities_and_markup_of_the_stored_html_find_nothing(self, eu_article, query):
        assert found("en", query) == []

    def test_a_phrase_with_an_apostrophe_finds_the_article(self, eu_article):
        assert found("en", '"Korea\'s trade"') == ["EU relations"]
        assert found("en", "Korea's trade") == ["EU relations"]

    def test_word_order_does_not_matter(self, eu_article):
        assert found("en", "surplus trade") == found("en", "trade surplus") == ["EU relations"]

    def test_a_word_inside_another_is_not_a_match(self):
        make_article(title_en="Part of the start")
        assert found("en", "art") == []

    def test_a_minus_excludes_a_word(self, eu_article):
        make_article(title_en="Trade with Japan")
        assert found("en", "trade -europe") == ["Trade with Japan"]

    def test_a_title_match_ranks_above_a_body_match(self):
        make_article(title_en="Semiconductors", body_en="<p>Chips and more chips.</p>")
        make_article(title_en="Shipbuilding", body_en="<p>Yards and semiconductors.</p>")
        make_article(title_en="Autos", body_en="<p>Cars.</p>", publish_date=timezone.now() - timedelta(days=3))
        assert found("en", "semiconductors") == ["Semiconductors", "Shipbuilding"]


class TestLanguagesWithoutSpaces:
    def test_a_korean_two_character_word_is_found_inside_a_sentence(self):
        make_article(title_en="Trade", title_ko="대외 관계", body_ko="<p>한국의무역흑자가 늘었다.</p>")
        make_article(title_en="Other", title_ko="문화", body_ko="<p>무용 공연</p>")
        assert found("ko", "무역") == ["대외 관계"]

    def test_a_chinese_word_is_found_inside_a_sentence(self):
        make_article(title_en="Trade", title_zh_hans="对外关系", body_zh_hans="<p>韩国对欧盟的貿易顺差扩大。</p>")
        assert found("zh-hans", "貿易") == ["对外关系"]

    def test_a_japanese_title_match_ranks_first(self):
        make_article(title_en="A", title_ja="経済の話", body_ja="<p>貿易です。</p>")
        make_article(title_en="B", title_ja="貿易協定", body_ja="<p>署名しました。</p>")
        assert found("ja", "貿易") == ["貿易協定", "経済の話"]


class TestFallbackAndNames:
    def test_an_untranslated_article_is_found_through_its_english_text_and_marked(self):
        make_article(title_en="Hydrogen cooperation", body_en="<p>Fuel cells.</p>")
        html = html_of(_client().get("/de/search/", {"q": "hydrogen"}))
        assert titles_in(html) == ["Hydrogen cooperation"]
        assert "badge" in html

    def test_a_partner_name_finds_its_relation_articles(self):
        partner = make_partner(name_en="Mongolia")
        make_relation_article(partner=partner, title_en="Mining talks")
        assert found("en", "mongolia") == ["Mining talks"]

    def test_a_tag_added_or_renamed_later_is_searched(self):
        article = make_article(title_en="Festival")
        tag = make_tag(name_en="Lanterns")
        article.tags.add(tag)
        assert found("en", "lanterns") == ["Festival"]
        tag.name_en = "Lamps"
        tag.save()
        assert found("en", "lamps") == ["Festival"]
        assert found("en", "lanterns") == []

    def test_a_deleted_or_unpublished_article_is_not_found(self):
        gone = make_article(title_en="Ephemeral")
        gone.delete()
        draft = make_article(title_en="Ephemeral draft")
        draft.status = Article.Status.DRAFT
        draft.save()
        assert found("en", "ephemeral") == []
        assert not SearchDocument.objects.filter(article_pk=gone.pk, kind="news.Article").exists()


class TestHostileInput:
    @pytest.mark.parametrize(
        "query",
        [
            "x" * 1000,
            "<script>alert(1)</script>",
            "%",
            "_",
            "%_%",
            '"unbalanced',
            'a"b"c"',
            "!!! ???",
            "-",
            '-"',
            "NEAR(a b)",
            "a OR",
            "title:x",
            "*",
            "^a",
            "a\x00b",
            "----trade",
            '""',
            "()",
        ],
    )
    def test_any_query_gives_a_page(self, eu_article, query):
        assert _client().get("/en/search/", {"q": query}).status_code in (200, 400)
        list(search_keys(query, "en"))
        list(search_keys(query, "ko"))


def test_rebuild_command_builds_the_documents_of_existing_articles():
    article = make_article(title_en="Rebuilt")
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "1 articles" in out.getvalue()
    assert found("en", "rebuilt") == [article.title_en]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_the_query_uses_the_gin_index():
    """Among thousands of documents in ten languages, a word is looked up in the index, not scanned for."""
    make_article(title_en="Indexed")
    now = timezone.now()
    SearchDocument.objects.bulk_create(
        SearchDocument(
            kind="news.Article",
            article_pk=-n,
            language=LANGUAGES[n % 10],
            published=True,
            publish_date=now,
            title=f"filler {n}",
        )
        for n in range(1, 5001)
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE news_searchdocument SET vector = to_tsvector('english', title) WHERE article_pk < 0")
        cursor.execute("ANALYZE news_searchdocument")
    with connection.cursor() as cursor:
        # The planner's choice depends on its statistics; what matters here is that the index answers the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = search_keys("indexed", "en").explain()
    assert "search_doc_vector_gin" in plan, plan


class TestSnippets:
    def test_the_matched_words_are_marked_in_an_escaped_snippet(self):
        make_article(title_en="Notes", body_en="<p>The &lt;script&gt; tag is not a tariff. Tariffs fell.</p>")
        html = html_of(_client().get("/en/search/", {"q": "tariff"}))
        snippet = html.split('class="card__snippet"', 1)[1].split("</p>", 1)[0]
        assert "<mark>tariff</mark>" in snippet
        assert "&lt;script&gt;" in snippet
        assert "<script>" not in html

    def test_a_korean_word_is_marked_inside_its_sentence(self):
        make_article(title_en="Trade", title_ko="대외 관계", body_ko="<p>한국의무역흑자가 늘었다.</p>")
        html = html_of(_client().get("/ko/search/", {"q": "무역"}))
        assert "한국의<mark>무역</mark>흑자가" in html


class TestBestBets:
    def test_a_place_finds_the_summit_held_there_and_its_partner_first(self):
        from datetime import date

        from tests.factories import make_summit

        partner = make_partner(name_en="United States")
        make_summit(
            partner=partner, date=date(2005, 11, 17), place_en="Gyeongju", leaders_en="Roh Moo-hyun, George W. Bush"
        )
        html = html_of(_client().get("/en/search/", {"q": "Gyeongju"}))
        bets = html.split('class="best-bets"', 1)[1].split("</section>", 1)[0]
        assert f'href="{partner.get_absolute_url()}">United States</a>' in bets
        assert "Gyeongju" in bets and 'datetime="2005-11-17"' in bets

    def test_no_best_bets_without_a_match(self, eu_article):
        assert "best-bets" not in html_of(_client().get("/en/search/", {"q": "trade"}))


def test_search_pages_ask_not_to_be_indexed():
    assert _client().get("/en/search/", {"q": "trade"})["X-Robots-Tag"] == "noindex"


def test_no_result_says_so_offers_the_english_search_and_shows_the_latest_articles():
    make_article(title_en="Kimchi", title_fr="Kimchi", body_fr="<p>Chou.</p>")
    html = html_of(_client().get("/fr/search/", {"q": "bulgogi"}))
    assert 'class="result-count"' in html
    assert 'href="/en/search/?q=bulgogi"' in html
    assert titles_in(html.split('class="search-latest"', 1)[1]) == ["Kimchi"]


def test_control_characters_in_a_text_become_spaces_and_never_marks():
    make_article(title_en="Pasted", body_en="<p>tariff\x02 cut\x03 and \ue000 more</p>")
    document = SearchDocument.objects.get(language="en", title="Pasted")
    assert document.body == "tariff cut and more"
    html = html_of(_client().get("/en/search/", {"q": "cut"}))
    assert html.count("<mark>") == html.count("</mark>") == 1


class TestFilters:
    """The results narrowed by section, partner, year and kind, each choice with the count it leads to."""

    @pytest.fixture
    def articles(self):
        from relations.models import WORLD_SECTION_SLUG
        from tests.factories import make_section

        make_section(slug=WORLD_SECTION_SLUG, name_en="Korea and the World", name_fr="La Corée et le monde")
        culture = make_section(slug="culture", name_en="Culture", name_fr="Culture FR")
        japan = make_partner(slug="japan", name_en="Japan", name_fr="Japon")
        eu = make_partner(slug="eu", name_en="European Union", name_fr="Union européenne")
        last_year = timezone.now().replace(month=6, day=15) - timedelta(days=365)
        for number in range(3):
            make_article(section=culture, title_en=f"Trade fair {number}")
        make_article(section=culture, title_en="Trade history", publish_date=last_year)
        make_relation_article(partner=japan, title_en="Trade with Japan")
        make_relation_article(partner=eu, title_en="Trade with Europe", publish_date=last_year)
        make_relation_article(partner=eu, title_en="Europe and culture")
        return {"last year": last_year.year, "this year": timezone.now().year}

    def filters_of(self, html):
        """{facet heading: {choice label: (count, href)}} as the page shows them."""
        import re

        facets = {}
        for section in re.findall(r'<section class="search-filter">(.*?)</section>', html, re.S):
            heading = re.search(r"<h2>(.*?)</h2>", section).group(1)
            facets[heading] = {
                label: (int(count), href.replace("&amp;", "&"))
                for href, label, count in re.findall(
                    r'<li>(?:<a href="([^"]*)">|<strong aria-current="true">)(.*?)(?:</a>|</strong>) '
                    r'<span class="count">(\d+)</span>',
                    section,
                )
            }
        return facets

    def test_each_choice_shows_the_count_it_leads_to(self, articles):
        html = html_of(_client().get("/en/search/", {"q": "trade"}))
        facets = self.filters_of(html)
        assert facets["Section"] == {
            "Culture": (4, facets["Section"]["Culture"][1]),
            "Korea and the World": (2, facets["Section"]["Korea and the World"][1]),
        }
        assert {label: count for label, (count, _href) in facets["Partner"].items()} == {
            "Japan": 1,
            "European Union": 1,
        }
        assert {label: count for label, (count, _href) in facets["Year"].items()} == {
            str(articles["this year"]): 4,
            str(articles["last year"]): 2,
        }
        assert {label: count for label, (count, _href) in facets["Kind"].items()} == {
            "News articles": 4,
            "Relation articles": 2,
        }
        for facet in facets.values():
            for count, href in facet.values():
                narrowed = html_of(_client().get("/en/search/" + href))
                assert f"{count} article" in narrowed.split('class="result-count">', 1)[1].split("</p>", 1)[0]
                assert len(titles_in(narrowed.split('class="search-filters"', 1)[1])) == count

    def test_filters_combine_and_each_can_be_taken_away(self, articles):
        html = html_of(_client().get("/en/search/", {"q": "trade", "kind": "relations.article", "partner": "eu"}))
        assert titles_in(html.split('class="search-filters"', 1)[1]) == ["Trade with Europe"]
        assert '<strong aria-current="true">European Union</strong>' in html
        assert 'href="?q=trade&amp;kind=relations.article">All partners</a>' in html
        assert 'href="?q=trade&amp;partner=eu">All kinds of article</a>' in html

    def test_the_labels_are_in_the_readers_language(self, articles):
        facets = self.filters_of(html_of(_client().get("/fr/search/", {"q": "trade"})))
        assert list(facets) == ["Rubrique", "Partenaire", "Année", "Type"]
        assert set(facets["Rubrique"]) == {"Culture FR", "La Corée et le monde"}
        assert set(facets["Partenaire"]) == {"Japon", "Union européenne"}
        assert set(facets["Type"]) == {"Articles d’actualité", "Articles sur les relations"}

    def test_the_pages_keep_the_filters(self, articles):
        for number in range(12):
            make_article(section=Article.objects.get(title_en="Trade fair 0").section, title_en=f"Trade show {number}")
        html = html_of(_client().get("/en/search/", {"q": "trade", "section": "culture"}))
        assert 'rel="next" href="?q=trade&amp;section=culture&amp;page=2"' in html
        second = html_of(_client().get("/en/search/", {"q": "trade", "section": "culture", "page": 2}))
        assert len(titles_in(second.split('class="search-filters"', 1)[1])) == 16 - 12

    @pytest.mark.parametrize(
        "name, value",
        [
            ("year", "abc"),
            ("year", "99999999999999999999"),
            ("year", "1066"),
            ("kind", "auth.user"),
            ("section", "<b>x</b>"),
            ("partner", "a b%"),
        ],
    )
    def test_a_bad_filter_is_a_clear_error_in_the_readers_language(self, articles, name, value):
        response = _client().get("/fr/search/", {"q": "trade", name: value})
        html = html_of(response)
        assert 'role="alert"' in html
        assert "liste" in html.split('role="alert"', 1)[1].split("</p>", 1)[0]
        assert 'value="trade"' in html
        assert "<b>x</b>" not in html

    def test_an_unknown_section_finds_nothing_and_says_so(self, articles):
        html = html_of(_client().get("/en/search/", {"q": "trade", "section": "no-such-section"}))
        assert "0 articles found" in html


class TestPartlyTranslated:
    """An article whose title and summary are translated but whose body is not: each field in its own language."""

    @pytest.fixture
    def article(self):
        return make_article(
            title_en="Trade figures",
            title_ja="日本との貿易統計",
            summary_en="Exports grew.",
            summary_ja="輸出が伸びた。",
            body_en="<p>Semiconductors led the shipments.</p>",
        )

    def test_its_translated_title_and_its_english_body_are_both_found(self, article):
        assert found("ja", "貿易") == ["日本との貿易統計"]
        assert found("ja", "semiconductors") == ["日本との貿易統計"]
        assert found("ja", "shipment") == ["日本との貿易統計"]

    def test_its_document_holds_each_field_in_the_language_shown(self, article):
        document = SearchDocument.objects.get(language="ja", article_pk=article.pk)
        assert (document.title, document.summary, document.body) == (
            "日本との貿易統計",
            "輸出が伸びた。",
            "Semiconductors led the shipments.",
        )
        assert document.has_english and not document.in_english

    def test_a_french_reader_finds_it_in_english_and_is_told(self, article):
        html = html_of(_client().get("/fr/search/", {"q": "semiconductors"}))
        assert titles_in(html) == ["Trade figures"]
        assert 'lang="en"' in html.split('class="cards"', 1)[1]


class TestBestBetsAreWholeWords:
    def test_a_word_inside_a_partner_name_is_not_a_best_bet(self):
        make_partner(name_en="Martinique")
        make_partner(name_en="Korea Art Council")
        html = html_of(_client().get("/en/search/", {"q": "art"}))
        bets = html.split('class="best-bets"', 1)[1].split("</section>", 1)[0]
        assert "Korea Art Council" in bets and "Martinique" not in bets

    def test_a_korean_name_is_found_inside_the_query_word(self):
        make_partner(name_en="United States", name_ko="미국")
        html = html_of(_client().get("/ko/search/", {"q": "미국"}))
        assert "미국" in html.split('class="best-bets"', 1)[1].split("</section>", 1)[0]
