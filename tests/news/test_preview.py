"""
Previews: a user who may change articles sees one readers cannot see yet at
its own URL, marked, never cached and never indexed; a shared link shows it
to anyone for 48 hours, until the article is saved again.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news import preview
from news.models import Article
from tests.factories import make_article, make_editor, make_publisher, make_relation_article, make_summit, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status
BANNER = "Preview — not published"


def staff_client(user=None):
    client = Client()
    client.force_login(user or make_editor())
    return client


def assert_private(response):
    """Never stored by any cache, and search engines are asked to leave it out."""
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


@pytest.fixture
def draft():
    return make_article(
        status=Status.DRAFT, title_en="Secret plans for the port", title_fr="Le port", body_fr="<p>F</p>"
    )


@pytest.mark.parametrize(
    ("status", "days"),
    [(Status.DRAFT, -1), (Status.REVIEW, -1), (Status.UNPUBLISHED, -1), (Status.PUBLISHED, 2)],
)
def test_staff_see_an_unpublished_article_at_its_own_url_marked_as_a_preview(status, days):
    article = make_article(status=status, publish_date=timezone.now() + timedelta(days=days), title_en="Not yet out")
    response = staff_client().get(article.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert BANNER in page and "Not yet out" in page
    assert_private(response)
    # The tools serve published articles alone: none is offered on a preview.
    assert article.tool_urls["print"] not in page
    if status == Status.PUBLISHED:
        assert "This article is scheduled" in page


def test_a_preview_in_another_language(draft):
    with translation.override("fr"):
        url = draft.get_absolute_url()
    response = staff_client().get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr"' in page and "Le port" in page and "notice--preview" in page


def test_a_published_article_is_no_preview(draft):
    article = make_article(title_en="Out in the open")
    response = staff_client().get(article.get_absolute_url())
    assert BANNER not in response.content.decode()
    assert "X-Robots-Tag" not in response


@pytest.mark.parametrize("who", ["anonymous", "reader", "staff without a group"])
def test_anyone_else_gets_a_404(draft, who):
    client = Client()
    if who == "reader":
        client.force_login(make_user())
    elif who == "staff without a group":
        client.force_login(make_user(is_staff=True))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "Secret plans" not in response.content.decode()


def test_a_preview_is_in_no_list_feed_search_or_sitemap(draft):
    staff = staff_client()
    assert staff.get(draft.get_absolute_url()).status_code == 200
    for url in ("/en/", "/en/news/", "/feeds/en/latest/", "/en/search/?q=port", "/sitemap-articles.xml"):
        assert draft.slug not in staff.get(url).content.decode(), url
        assert draft.slug not in Client().get(url).content.decode(), url


def test_view_on_site_and_the_preview_button_lead_to_the_preview(draft):
    staff = staff_client()
    page = staff.get(reverse("admin:news_article_change", args=[draft.pk])).content.decode()
    assert f'href="{draft.get_absolute_url()}" class="viewsitelink">Preview<' in page
    view_on_site = reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(Article).pk, draft.pk])
    assert view_on_site in page
    response = staff.get(view_on_site, follow=True)
    assert response.status_code == 200 and BANNER in response.content.decode()


def test_a_relation_article_preview_shows_its_own_page():
    article = make_relation_article(status=Status.REVIEW, title_en="Talks in preparation")
    make_summit(partner=article.partner, article=article, place_en="Busan")
    response = staff_client(make_publisher()).get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200 and BANNER in page and "Busan" in page


# Shared previews


def share_link(article, client=None):
    """The link the admin's "Share a preview" page gives, as an editor copies it."""
    page = (client or staff_client()).get(reverse("admin:news_article_share", args=[article.pk]))
    assert page.status_code == 200
    return page.content.decode().split('id="share-url" type="url" readonly value="', 1)[1].split('"', 1)[0]


def test_a_shared_link_shows_the_draft_to_a_visitor_without_an_account(draft):
    link = share_link(draft)
    assert link.startswith("http://testserver/en/preview/")
    visitor = Client()
    for _ in range(2):  # the second answer is not a cached copy either
        response = visitor.get(link)
        assert response.status_code == 200
        page = response.content.decode()
        assert BANNER in page and "Secret plans for the port" in page
        assert_private(response)
        assert "csrfmiddlewaretoken" not in page


def test_a_shared_link_in_another_language(draft):
    link = share_link(draft).replace("/en/preview/", "/fr/preview/")
    page = Client().get(link).content.decode()
    assert "Le port" in page and '<html lang="fr"' in page


def test_a_shared_link_of_a_relation_article():
    article = make_relation_article(status=Status.DRAFT, title_en="Draft relations")
    make_summit(partner=article.partner, article=article, place_en="Gyeongju")
    page = Client().get(preview.share_url(article)).content.decode()
    assert "Draft relations" in page and "Gyeongju" in page and BANNER in page


class PastSigner(signing.TimestampSigner):
    """Signs as if it were ``hours`` ago."""

    def __init__(self, hours, **kwargs):
        super().__init__(salt=preview.SALT, **kwargs)
        self.hours = hours

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.hours * 3600))


def test_a_shared_link_works_for_48_hours_and_then_says_it_expired(draft):
    assert Client().get(preview.share_url(draft, using=PastSigner(47))).status_code == 200
    response = Client().get(preview.share_url(draft, using=PastSigner(49)))
    assert response.status_code == 410
    page = response.content.decode()
    assert "This preview link no longer works" in page and "48 hours" in page
    assert "Secret plans" not in page
    assert_private(response)


def test_editing_the_article_ends_its_shared_links(draft):
    link = share_link(draft)
    assert Client().get(link).status_code == 200
    draft.title_en = "Secret plans, revised"
    draft.save()
    response = Client().get(link)
    assert response.status_code == 410
    page = response.content.decode()
    assert "The article was changed after this link was made" in page and "Secret plans" not in page
    assert Client().get(share_link(draft)).status_code == 200  # a new link shows the new text


@pytest.mark.parametrize(
    "token",
    ["nonsense", "eyJraW5kIjoibmV3cy5hcnRpY2xlIiwicGsiOjF9:1tAbCd:forged-signature-000000000000000000"],
)
def test_a_wrong_shared_link_is_a_clear_404(draft, token):
    response = Client().get(reverse("shared-preview", kwargs={"token": token}))
    assert response.status_code == 404
    assert "This preview link is not valid" in response.content.decode()


def test_a_tampered_shared_link_is_a_404(draft):
    other = make_article(status=Status.DRAFT, title_en="Another draft")
    good = preview.share_token(draft)
    value, timestamp, signature = good.rsplit(":", 2)
    forged = preview.share_token(other).rsplit(":", 2)[0]
    response = Client().get(reverse("shared-preview", kwargs={"token": f"{forged}:{timestamp}:{signature}"}))
    assert response.status_code == 404 and "Another draft" not in response.content.decode()


def test_a_signature_made_for_something_else_is_refused(draft):
    """A value signed by the site for another purpose (another salt) opens no preview."""
    token = signing.TimestampSigner(salt="something.else").sign_object(
        {"kind": "news.Article", "pk": draft.pk, "version": preview.version(draft)}
    )
    assert Client().get(reverse("shared-preview", kwargs={"token": token})).status_code == 404


def test_a_shared_link_of_a_deleted_article_is_a_404(draft):
    link = preview.share_url(draft)
    draft.delete()
    assert Client().get(link).status_code == 404


def test_only_staff_who_may_change_articles_make_shared_links(draft):
    client = Client()
    client.force_login(make_user(is_staff=True))
    assert client.get(reverse("admin:news_article_share", args=[draft.pk])).status_code == 403
