"""The newsroom dashboard on the admin's home page, and the filtered lists it links to."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.translation_status import translation_problems
from tests.factories import make_article, make_editor, make_publisher, make_relation_article, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status


def box(page, key):
    """The HTML of one box of the dashboard."""
    return page.split(f'id="newsroom-{key}"', 1)[1].split("</table>", 1)[0]


def link_in(html, label):
    """The URL of the link that starts with ``label`` in ``html``."""
    return html.split(f">{label}", 1)[0].rsplit('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")


def changelist_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "?e=1" not in response.get("Location", "")
    return {str(article) for article in response.context["cl"].result_list}


def make_newsroom(editor):
    now = timezone.now()
    make_article(status=Status.DRAFT, author=editor, title_en="My own draft")
    make_article(status=Status.DRAFT, author=make_editor(), title_en="Someone else's draft")
    make_article(status=Status.REVIEW, author=editor, title_en="Waiting for a publisher")
    make_relation_article(status=Status.REVIEW, title_en="Relations awaiting review")
    make_article(publish_date=now + timedelta(days=2), title_en="Out on Friday")
    make_article(publish_date=now - timedelta(days=1), title_en="Out yesterday")
    make_article(publish_date=now - timedelta(days=60), title_en="Old news")
    # French title and summary, no French body: partial.
    make_article(title_en="Half translated", summary_en="Sum", title_fr="À moitié", summary_fr="Rés", body_fr="")
    outdated = make_article(title_en="Old French", title_fr="Vieux", summary_fr="Vieux", body_fr="<p>Vieux</p>")
    outdated.body_en = "<p>A new English text.</p>"
    outdated.save()


@pytest.fixture
def editor():
    return make_editor(username="desk")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def test_the_dashboard_shows_each_box_with_its_articles(editor, editor_client):
    make_newsroom(editor)
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert "My own draft" in box(page, "mine") and "Someone else" not in box(page, "mine")
    assert "Waiting for a publisher" in box(page, "review") and "Relations awaiting review" in box(page, "review")
    assert "Out on Friday" in box(page, "scheduled") and "Out yesterday" not in box(page, "scheduled")
    assert "Out yesterday" in box(page, "recent") and "Old news" not in box(page, "recent")
    translations = box(page, "translations")
    assert "News articles · outdated: 1" in translations and "News articles · partial: 1" in translations


@pytest.mark.parametrize(
    ("key", "label", "expected"),
    [
        ("mine", "News articles", {"My own draft"}),
        ("review", "News articles", {"Waiting for a publisher"}),
        ("review", "Relation articles", {"Relations awaiting review"}),
        ("scheduled", "News articles", {"Out on Friday"}),
        ("recent", "News articles", {"Out yesterday", "Half translated", "Old French"}),
        ("translations", "News articles · outdated", {"Old French"}),
        ("translations", "News articles · partial", {"Half translated"}),
    ],
)
def test_each_box_links_to_the_list_filtered_to_its_articles(editor, editor_client, key, label, expected):
    make_newsroom(editor)
    page = editor_client.get(reverse("admin:index")).content.decode()
    url = link_in(box(page, key), label)
    assert changelist_titles(editor_client, url) == expected


def test_the_dashboard_costs_the_same_queries_with_thirty_times_the_articles(editor, editor_client):
    make_newsroom(editor)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse("admin:index")).status_code == 200
        return len(queries)

    few = count()
    for index in range(30):
        make_newsroom(editor) if index % 10 == 0 else make_article(status=Status.REVIEW, title_en=f"Queue {index}")
        make_relation_article(status=Status.DRAFT, author=editor, title_fr=f"Brouillon {index}", body_fr="<p>B</p>")
    assert count() == few
    # Five titles a box at most; the count is the whole.
    review = box(editor_client.get(reverse("admin:index")).content.decode(), "review")
    assert review.count("/change/") == 5


def test_the_titles_are_in_the_admins_language(editor, editor_client):
    make_article(status=Status.DRAFT, author=editor, title_en="Harbour", title_fr="Le port", body_fr="<p>P</p>")
    page = editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Le port" in box(page, "mine")


def test_staff_who_may_see_no_article_get_no_dashboard(client):
    client.force_login(make_user(is_staff=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert 'id="newsroom"' not in page


def test_a_publisher_sees_the_dashboard_too(client):
    client.force_login(make_publisher())
    make_article(status=Status.REVIEW, title_en="Please approve")
    assert "Please approve" in box(client.get(reverse("admin:index")).content.decode(), "review")


def test_partial_is_some_of_the_english_texts_not_all():
    """A language with the title alone, or title and body without the summary, is partial; all or none is not."""
    cases = {
        "title only": ({"title_fr": "T"}, ["fr"]),
        "no summary": ({"title_fr": "T", "body_fr": "<p>B</p>"}, ["fr"]),
        "all": ({"title_fr": "T", "summary_fr": "S", "body_fr": "<p>B</p>"}, []),
        "none": ({}, []),
    }
    for name, (values, expected) in cases.items():
        article = make_article(title_en=name, summary_en="An English summary", **values)
        problems = translation_problems(Article.objects.filter(pk=article.pk))
        assert problems.get(article.pk, {}).get("partial", []) == expected, name
    # Without an English summary, a translation needs none to be whole.
    whole = make_article(summary_en="", title_de="T", body_de="<p>B</p>")
    assert whole.pk not in translation_problems(Article.objects.filter(pk=whole.pk))
