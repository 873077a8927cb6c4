import pytest
from django.urls import reverse

from news.models import Article as NewsArticle
from relations.models import Partner, Summit, TradeFigure
from tests.factories import make_article, make_editor, make_partner, make_publisher, make_trade_figure, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def publisher_client(client):
    client.force_login(make_publisher())
    return client


def test_editor_adds_a_translated_partner_with_a_summit_inline(editor_client):
    url = reverse("admin:relations_partner_add")
    page = editor_client.get(url)
    assert page.status_code == 200
    assert b"vendor/jquery-ui/jquery-ui.min.js" in page.content
    assert b"ajax.googleapis.com" not in page.content
    data = {
        "name_en": "Canada",
        "name_fr": "Canada",
        "name_ko": "캐나다",
        "slug": "canada",
        "kind": "country",
        "iso_code": "ca",
        "established_year": "1963",
        "position": "9",
        "summits-TOTAL_FORMS": "1",
        "summits-INITIAL_FORMS": "0",
        "summits-MIN_NUM_FORMS": "0",
        "summits-MAX_NUM_FORMS": "1000",
        "summits-0-date": "2005-11-19",
        "summits-0-place_en": "Busan",
        "summits-0-place_fr": "Busan",
        "summits-0-leaders_en": "Roh Moo-hyun and Paul Martin",
        "summits-0-caption_en": "The two leaders met.",
        "trade_figures-TOTAL_FORMS": "0",
        "trade_figures-INITIAL_FORMS": "0",
        "trade_figures-MIN_NUM_FORMS": "0",
        "trade_figures-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    canada = Partner.objects.get(slug="canada")
    assert (canada.name_ko, canada.iso_code) == ("캐나다", "CA")
    assert Summit.objects.get(partner=canada).leaders_en == "Roh Moo-hyun and Paul Martin"


def test_editor_sees_the_error_of_a_bad_trade_figure_and_nothing_is_saved(editor_client):
    url = reverse("admin:relations_partner_add")
    data = {
        "name_en": "Chile",
        "slug": "chile",
        "kind": "country",
        "position": "0",
        "summits-TOTAL_FORMS": "0",
        "summits-INITIAL_FORMS": "0",
        "summits-MIN_NUM_FORMS": "0",
        "summits-MAX_NUM_FORMS": "1000",
        "trade_figures-TOTAL_FORMS": "1",
        "trade_figures-INITIAL_FORMS": "0",
        "trade_figures-MIN_NUM_FORMS": "0",
        "trade_figures-MAX_NUM_FORMS": "1000",
        "trade_figures-0-year": "2004",
        "trade_figures-0-total": "-1",
        "trade_figures-0-bound": "exact",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "A trade value cannot be negative." in response.content.decode()
    assert not Partner.objects.filter(slug="chile").exists()


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (None, "This partner already has a trade figure without a year."),
        (2001, "This partner already has a trade figure for that year."),
    ],
)
def test_a_second_trade_figure_for_the_same_year_is_refused_with_the_reason_and_nothing_is_saved(
    editor_client, year, message
):
    """The inline on the partner's form checks the database's constraints on the partner, dated or undated."""
    japan = make_partner(name_en="Japan", slug="japan")
    existing = make_trade_figure(partner=japan, year=year, total=53_000_000_000, bound="more_than")
    data = {
        "name_en": "Japan (renamed)",
        "slug": "japan",
        "kind": "country",
        "position": "0",
        "summits-TOTAL_FORMS": "0",
        "summits-INITIAL_FORMS": "0",
        "summits-MIN_NUM_FORMS": "0",
        "summits-MAX_NUM_FORMS": "1000",
        "trade_figures-TOTAL_FORMS": "2",
        "trade_figures-INITIAL_FORMS": "1",
        "trade_figures-MIN_NUM_FORMS": "0",
        "trade_figures-MAX_NUM_FORMS": "1000",
        "trade_figures-0-id": str(existing.pk),
        "trade_figures-0-partner": str(japan.pk),
        "trade_figures-0-year": year or "",
        "trade_figures-0-total": "53000000000",
        "trade_figures-0-bound": "more_than",
        "trade_figures-1-partner": str(japan.pk),
        "trade_figures-1-year": year or "",
        "trade_figures-1-total": "60000000000",
        "trade_figures-1-bound": "exact",
    }
    response = editor_client.post(reverse("admin:relations_partner_change", args=[japan.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(TradeFigure.objects.filter(partner=japan)) == [existing]
    japan.refresh_from_db()
    assert japan.name_en == "Japan"


def test_publish_action_and_language_column(publisher_client):
    """The article list shows each article's languages, and its Publish action publishes the chosen drafts."""
    draft = make_article(status=NewsArticle.Status.DRAFT, title_fr="Titre", summary_fr="Résumé", body_fr="<p>Texte</p>")
    changelist = reverse("admin:news_article_changelist")
    page = publisher_client.get(changelist)
    assert 'title="Français">fr<' in page.content.decode()
    response = publisher_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == NewsArticle.Status.PUBLISHED
    # The action updates the rows without save(): the search follows all the same.
    assert "Titre" in client_search(draft.title_fr)


def client_search(query):
    from django.test import Client

    return Client().get("/fr/search/", {"q": query}).content.decode()


def test_change_list_search_finds_a_translated_title(editor_client):
    make_article(title_en="Kimchi festival", title_fr="Festival du kimchi")
    page = editor_client.get(reverse("admin:news_article_changelist"), {"q": "Festival du"})
    assert "Kimchi festival" in page.content.decode()


def test_editor_cannot_manage_users_or_groups(editor_client):
    assert editor_client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_a_non_editor_cannot_use_the_admin(client):
    user = make_user(is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:news_article_add")).status_code == 403
    client.logout()
    reader = make_user()
    client.force_login(reader)
    response = client.get(reverse("admin:relations_partner_add"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_author_choices_show_staff_only(editor_client):
    make_user(username="reader-x", display_name="A Reader")
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    author_select = page.split('name="author"', 1)[1].split("</select>", 1)[0]
    assert "reader-x" not in author_select and "A Reader" not in author_select


def test_unpublishing_from_the_list_takes_the_article_off_cached_pages(publisher_client):
    from django.test import Client

    article = make_article(title_en="Soon withdrawn")
    visitor = Client()
    assert "Soon withdrawn" in visitor.get("/en/news/").content.decode()  # now cached for anonymous visitors
    publisher_client.post(
        reverse("admin:news_article_changelist"), {"action": "unpublish", "_selected_action": [article.pk]}
    )
    assert "Soon withdrawn" not in visitor.get("/en/news/").content.decode()
    assert visitor.get(article.get_absolute_url()).status_code == 404
