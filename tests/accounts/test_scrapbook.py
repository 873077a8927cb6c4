"""The Scrap tool on every kind of article, and the scrapbook."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Scrap
from news.models import ArticleBase
from tests.factories import PASSWORD, make_article, make_relation_article, make_scrap, make_user

pytestmark = pytest.mark.django_db

SCRAPBOOK = "/en/accounts/scrapbook/"


@pytest.fixture
def reader(client):
    user = make_user(display_name="Reader")
    client.force_login(user)
    return user


def test_scrap_flow_from_the_article_to_the_scrapbook_and_out(client, reader):
    """Sign in, scrap from the article page, find it in the scrapbook, add a note, remove it."""
    article = make_article(title_en="Seoul hosts the summit")
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'action="{article.tool_urls["scrap"]}"' in page

    response = client.post(article.tool_urls["scrap"], follow=True)
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert "“Seoul hosts the summit” is added to your scrapbook." in response.content.decode()
    # Scrapping twice keeps one entry.
    response = client.post(article.tool_urls["scrap"], follow=True)
    assert "is already in your scrapbook" in response.content.decode()
    scrap = Scrap.objects.get()
    assert (scrap.user, scrap.article) == (reader, article)

    page = client.get(SCRAPBOOK).content.decode()
    assert "Seoul hosts the summit" in page
    assert f'href="{article.get_absolute_url()}"' in page

    response = client.post(reverse("accounts:scrap-note", args=[scrap.pk]), {"note": "Read <again>"}, follow=True)
    assert "Your note is saved." in response.content.decode()
    assert "Read &lt;again&gt;" in response.content.decode()
    scrap.refresh_from_db()
    assert scrap.note == "Read <again>"

    response = client.post(reverse("accounts:scrap-remove", args=[scrap.pk]), follow=True)
    assert "The article is removed from your scrapbook." in response.content.decode()
    assert "Your scrapbook is empty." in response.content.decode()
    assert not Scrap.objects.exists()


def test_relation_articles_are_scrapped_the_same_way(client, reader):
    article = make_relation_article(title_en="ROK-Japan Relations")
    assert article.tool_urls["scrap"] == f"{article.get_absolute_url()}scrap/"
    client.post(article.tool_urls["scrap"])
    assert Scrap.objects.get().article == article
    assert "ROK-Japan Relations" in client.get(SCRAPBOOK).content.decode()


def test_a_logged_out_visitor_logs_in_and_comes_back_to_finish(client):
    make_user(email="later@example.org")
    article = make_article(title_en="Worth keeping")
    page = client.get(article.get_absolute_url()).content.decode()
    # A plain link and no CSRF token: the anonymous page stays cacheable.
    assert f'<a class="tool" href="{article.tool_urls["scrap"]}" rel="nofollow">Scrap</a>' in page
    assert "csrfmiddlewaretoken" not in page

    response = client.get(article.tool_urls["scrap"])
    assert response["Location"] == f"/en/accounts/login/?next={article.tool_urls['scrap']}"
    response = client.post(
        "/en/accounts/login/",
        {"username": "later@example.org", "password": PASSWORD, "next": article.tool_urls["scrap"]},
    )
    assert response["Location"] == article.tool_urls["scrap"]
    confirm = client.get(article.tool_urls["scrap"]).content.decode()
    assert "Add to my scrapbook" in confirm
    assert "Worth keeping" in confirm
    response = client.post(article.tool_urls["scrap"])
    assert response["Location"] == article.get_absolute_url()
    assert Scrap.objects.get().article == article
    assert "already in your scrapbook" in client.get(article.tool_urls["scrap"]).content.decode()


def test_scrap_posts_need_a_csrf_token(reader):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)
    article = make_article()
    assert strict.post(article.tool_urls["scrap"]).status_code == 403
    assert not Scrap.objects.exists()


@pytest.mark.parametrize(
    "values",
    [
        {"status": ArticleBase.Status.DRAFT},
        {"publish_date": timezone.now() + timedelta(days=1)},
    ],
)
def test_an_unpublished_article_cannot_be_scrapped(client, reader, values):
    article = make_article(**values)
    assert client.get(article.tool_urls["scrap"]).status_code == 404
    assert client.post(article.tool_urls["scrap"]).status_code == 404
    assert not Scrap.objects.exists()


def test_the_scrapbook_is_newest_first_in_the_readers_language_with_fallback(client, reader):
    older = make_article(title_en="Older news", title_fr="Nouvelle ancienne", body_fr="<p>Texte</p>")
    newer = make_relation_article(title_en="Newer relation")
    first = make_scrap(reader, older)
    second = make_scrap(reader, newer)
    Scrap.objects.filter(pk=first.pk).update(created=timezone.now() - timedelta(days=1))
    response = client.get("/fr/accounts/scrapbook/")
    assert [scrap.pk for scrap in response.context["scraps"]] == [second.pk, first.pk]
    html = response.content.decode()
    assert "Nouvelle ancienne" in html and "Older news" not in html
    # No French text: the English one, marked as such.
    assert 'lang="en" dir="ltr"><a href="/fr/world/' in html
    assert "Newer relation" in html


def test_a_scrap_of_an_article_later_unpublished_or_deleted_does_not_break_the_scrapbook(client, reader):
    unpublished = make_article(title_en="Withdrawn")
    deleted = make_relation_article(title_en="Gone")
    make_scrap(reader, unpublished, note="keep this note")
    make_scrap(reader, deleted)
    unpublished.status = ArticleBase.Status.DRAFT
    unpublished.save()
    deleted.delete()
    response = client.get(SCRAPBOOK)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("This article is no longer available.") == 2
    assert "Withdrawn" not in html
    assert "keep this note" in html
    export = client.get(reverse("accounts:scrapbook-export"))
    assert export.status_code == 200
    assert "No longer available" in export.content.decode("utf-8-sig")


def test_the_scrapbook_costs_the_same_queries_however_many_scraps(client, reader):
    make_scrap(reader, make_article())
    make_scrap(reader, make_relation_article())
    client.get(SCRAPBOOK)
    with CaptureQueriesContext(connection) as few:
        client.get(SCRAPBOOK)
    for _number in range(4):
        make_scrap(reader, make_article())
        make_scrap(reader, make_relation_article())
    # New content empties the cached header; fill it again before counting.
    client.get(SCRAPBOOK)
    with CaptureQueriesContext(connection) as many:
        client.get(SCRAPBOOK)
    assert len(many) == len(few)


def test_nobody_sees_or_changes_another_users_scraps(client, reader):
    other = make_user()
    scrap = make_scrap(other, make_article(title_en="Private pick"), note="secret")
    assert "Private pick" not in client.get(SCRAPBOOK).content.decode()
    assert client.post(reverse("accounts:scrap-note", args=[scrap.pk]), {"note": "hacked"}).status_code == 404
    assert client.post(reverse("accounts:scrap-remove", args=[scrap.pk])).status_code == 404
    assert "Private pick" not in client.get(reverse("accounts:scrapbook-export")).content.decode("utf-8-sig")
    scrap.refresh_from_db()
    assert scrap.note == "secret"


def test_a_note_that_is_too_long_is_refused_with_a_message(client, reader):
    scrap = make_scrap(reader, make_article())
    response = client.post(reverse("accounts:scrap-note", args=[scrap.pk]), {"note": "x" * 1001}, follow=True)
    assert "The note was not saved" in response.content.decode()
    scrap.refresh_from_db()
    assert scrap.note == ""


def test_notes_and_removal_are_post_only(client, reader):
    scrap = make_scrap(reader, make_article())
    assert client.get(reverse("accounts:scrap-note", args=[scrap.pk])).status_code == 405
    assert client.get(reverse("accounts:scrap-remove", args=[scrap.pk])).status_code == 405
    assert Scrap.objects.filter(pk=scrap.pk).exists()


def test_export_as_csv(client, reader):
    """The scrapbook downloads as CSV in the page's language, with address, dates, note; no title runs as a formula."""
    article = make_article(title_en="=HYPERLINK(evil)", title_ko="한국어 제목", body_ko="<p>본문</p>")
    make_scrap(reader, article, note="To read, with a comma")
    response = client.get("/ko/accounts/scrapbook/scrapbook.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="scrapbook.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    title, address, published, scrapped, note = rows[1]
    assert title == "한국어 제목"
    assert address == f"http://testserver/ko/news/{article.section.slug}/{article.slug}/"
    assert published == article.publish_date.date().isoformat()
    assert note == "To read, with a comma"

    make_scrap(reader, make_article(title_en="=HYPERLINK(evil)"))
    rows = list(csv.reader(io.StringIO(client.get(reverse("accounts:scrapbook-export")).content.decode("utf-8-sig"))))
    # A spreadsheet must not run a title as a formula.
    assert rows[1][0] == "'=HYPERLINK(evil)"


def test_the_scrapbook_needs_a_login(client):
    assert client.get(SCRAPBOOK)["Location"] == f"/en/accounts/login/?next={SCRAPBOOK}"
    assert client.get(reverse("accounts:scrapbook-export")).status_code == 302


@pytest.mark.parametrize("tool", ["scrap", "email"])
def test_the_tools_of_a_missing_or_unpublished_article_are_a_404_even_logged_out(client, tool):
    """The article is looked up first: only a real article's tool asks a visitor to log in."""
    draft = make_article(status=ArticleBase.Status.DRAFT)
    for path in (f"/en/news/nope/nope/{tool}/", f"/en/world/nope/nope/{tool}/", draft.tool_urls[tool]):
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code == 404, path
    article = make_article()
    tool_url = article.tool_urls[tool]
    assert client.get(tool_url)["Location"] == f"/en/accounts/login/?next={tool_url}"
