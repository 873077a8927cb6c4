"""
The review workflow through the admin, as each role: editors write and submit
for review and cannot publish by any path; publishers approve (now or at a
date), send back with a comment and unpublish; the mails go to whom they concern.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from modeltranslation.utils import get_translation_fields

from news.models import Article
from relations.models import Article as RelationArticle
from tests.factories import make_article, make_editor, make_publisher, make_relation_article, make_section, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status
REFUSED = "Only a publisher can publish or unpublish an article."


def change_url(article):
    opts = article._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk])


def admin_url(article, name):
    opts = article._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[article.pk])


def form_data(article=None, **values):
    """What the change form of a news article posts (the English texts, the section, the publication)."""
    date = (article.publish_date if article else timezone.now()).astimezone(timezone.get_current_timezone())
    data = {
        "title_en": article.title_en if article else "A new article",
        "slug": article.slug if article else "a-new-article",
        "section": article.section_id if article else make_section().pk,
        "summary_en": article.summary_en if article else "",
        "body_en": article.body_en if article else "<p>Text</p>",
        "status": article.status if article else Status.DRAFT,
        "publish_date_0": date.strftime("%Y-%m-%d"),
        "publish_date_1": date.strftime("%H:%M:%S"),
        "author": (article.author_id or "") if article else "",
    }
    if article:
        # Every language's texts, as the form holds them.
        data.update({name: getattr(article, name) or "" for name in get_translation_fields("title", "summary", "body")})
    data.update(values)
    return data


@pytest.fixture
def editor():
    return make_editor(username="eddie", display_name="Eddie Editor")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher():
    return make_publisher(username="paula", display_name="Paula Publisher", preferred_language="fr")


@pytest.fixture
def publisher_client(publisher):
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def draft(editor):
    return make_article(status=Status.DRAFT, author=editor, title_en="Draft on tidal power", title_fr="Marées")


def test_the_groups_made_by_migration():
    """Editors may change articles but not publish them; publishers may do both, on both kinds of article."""
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True))
    assert "change_article" in editors and "publish_article" not in editors
    assert {"change_article", "publish_article"} <= publishers
    assert publishers - editors == {"publish_article"}
    publisher = make_publisher()
    assert publisher.has_perm("news.publish_article") and publisher.has_perm("relations.publish_article")


# An editor cannot publish, by any path.


def test_the_editors_status_field_offers_draft_and_in_review_only(editor_client, draft):
    page = editor_client.get(change_url(draft)).content.decode()
    status_select = page.split('name="status"', 1)[1].split("</select>", 1)[0]
    assert 'value="draft"' in status_select and 'value="review"' in status_select
    assert 'value="published"' not in status_select and 'value="unpublished"' not in status_select


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_an_editor_posting_a_publishing_status_on_the_change_form_is_refused_with_the_reason(
    editor_client, draft, status
):
    response = editor_client.post(change_url(draft), form_data(draft, status=status))
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_editor_posting_published_on_the_add_form_is_refused_and_nothing_is_saved(editor_client):
    response = editor_client.post(reverse("admin:news_article_add"), form_data(status=Status.PUBLISHED))
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Article.objects.filter(slug="a-new-article").exists()


def test_an_editor_adds_a_draft_and_is_its_author(editor_client, editor):
    response = editor_client.post(reverse("admin:news_article_add"), form_data())
    assert response.status_code == 302
    article = Article.objects.get(slug="a-new-article")
    assert (article.status, article.author) == (Status.DRAFT, editor)
    assert Client().get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_the_editors_list_has_no_publish_actions_and_a_forged_one_is_refused(editor_client, draft, action):
    changelist = reverse("admin:news_article_changelist")
    page = editor_client.get(changelist).content.decode()
    assert f'value="{action}"' not in page
    assert 'value="submit_for_review"' in page
    live = make_article(title_en="Live one")
    target = draft if action == "publish" else live
    response = editor_client.post(changelist, {"action": action, "_selected_action": [target.pk]}, follow=True)
    assert "No action selected." in response.content.decode()
    target.refresh_from_db()
    assert target.status == (Status.DRAFT if action == "publish" else Status.PUBLISHED)


def test_the_list_has_no_editable_status(editor_client, draft):
    """The list offers no editable column, and a posted list edit changes nothing."""
    from django.contrib import admin

    assert "status" not in admin.site.get_model_admin(Article).list_editable
    assert "status" not in admin.site.get_model_admin(RelationArticle).list_editable
    editor_client.post(
        reverse("admin:news_article_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(draft.pk),
            "form-0-status": Status.PUBLISHED,
            "_save": "Save",
        },
    )
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize("scheduled", [False, True])
def test_an_editor_corrects_a_published_or_scheduled_article_but_its_status_and_date_stay(editor_client, scheduled):
    """
    An editor may correct and translate an approved article; a posted status
    or date is ignored (no unpublishing, no publishing a scheduled article
    early or rescheduling it), and it cannot be deleted.
    """
    date = (timezone.now() + (timedelta(days=3) if scheduled else -timedelta(days=1))).replace(microsecond=0)
    article = make_article(title_en="Already approved", publish_date=date)
    page = editor_client.get(change_url(article)).content.decode()
    status_select = page.split('name="status"', 1)[1].split(">", 1)[0]
    assert "disabled" in status_select
    now = timezone.localtime()
    response = editor_client.post(
        change_url(article),
        form_data(
            article,
            title_fr="Déjà approuvé",
            status=Status.DRAFT,
            publish_date_0=now.strftime("%Y-%m-%d"),
            publish_date_1=now.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_fr == "Déjà approuvé"
    assert (article.status, article.publish_date, article.is_scheduled) == (Status.PUBLISHED, date, scheduled)
    assert editor_client.get(admin_url(article, "delete")).status_code == 403
    deletion = editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert deletion.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_deletes_a_draft(editor_client, draft):
    response = editor_client.post(admin_url(draft, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("view", ["approve", "send_back"])
def test_the_publishers_pages_answer_403_to_an_editor(editor_client, draft, view):
    draft.status = Status.REVIEW
    draft.save()
    assert editor_client.get(admin_url(draft, view)).status_code == 403
    data = {"when": "now", "comment": "No."}
    assert editor_client.post(admin_url(draft, view), data).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_an_editor_cannot_publish_a_relation_article_either(editor_client, editor):
    article = make_relation_article(status=Status.DRAFT, author=editor)
    changelist = reverse("admin:relations_article_changelist")
    editor_client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    assert editor_client.post(admin_url(article, "approve"), {"when": "now"}).status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT


# Submitting for review


def test_save_and_submit_for_review_mails_each_publisher_in_their_language(
    editor_client, draft, publisher, django_capture_on_commit_callbacks
):
    korean = make_publisher(username="kim", preferred_language="ko")
    make_publisher(username="gone", is_active=False)
    page = editor_client.get(change_url(draft)).content.decode()
    assert 'name="_submit_for_review"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(draft), form_data(draft, _submit_for_review="1"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert Client().get(draft.get_absolute_url()).status_code == 404  # still not public
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {publisher.email, korean.email}
    french, korean_mail = by_address[publisher.email], by_address[korean.email]
    assert "Eddie Editor" in french.body
    # Each reads the article's title and preview in their own language.
    assert "Marées" in french.body and "/fr/news/" in french.body
    assert "Draft on tidal power" in korean_mail.body and "/ko/news/" in korean_mail.body
    assert f"/admin/news/article/{draft.pk}/change/" in french.body


def test_nothing_is_mailed_when_the_save_fails(editor_client, draft, publisher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(draft), form_data(draft, title_en="", _submit_for_review="1"))
    assert response.status_code == 200
    assert mail.outbox == []
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_submit_action_submits_drafts_only_and_mails_once(
    editor_client, draft, publisher, django_capture_on_commit_callbacks
):
    other = make_article(status=Status.DRAFT, title_en="Second draft")
    live = make_article(title_en="Live article")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:news_article_changelist"),
            {"action": "submit_for_review", "_selected_action": [draft.pk, other.pk, live.pk]},
            follow=True,
        )
    assert "2 articles submitted for review." in response.content.decode()
    assert set(Article.objects.filter(status=Status.REVIEW).values_list("pk", flat=True)) == {draft.pk, other.pk}
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED
    (message,) = mail.outbox
    assert "Second draft" in message.body and "Marées" in message.body


# Publishing


def test_a_publisher_approves_now_and_the_article_appears(publisher_client, draft):
    draft.status = Status.REVIEW
    draft.publish_date = timezone.now() - timedelta(days=30)
    draft.save()
    page = publisher_client.get(change_url(draft)).content.decode()
    assert admin_url(draft, "approve") in page and admin_url(draft, "send_back") in page
    assert publisher_client.get(admin_url(draft, "approve")).status_code == 200
    response = publisher_client.post(admin_url(draft, "approve"), {"when": "now"}, follow=True)
    assert "Approved and published." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED and draft.is_live
    assert timezone.now() - draft.publish_date < timedelta(minutes=1)  # published now, not back-dated
    assert "Draft on tidal power" in Client().get("/en/news/").content.decode()
    assert Client().get(draft.get_absolute_url()).status_code == 200


def test_a_publisher_schedules_an_article_at_a_date(publisher_client, draft):
    later = timezone.localtime() + timedelta(days=2)
    response = publisher_client.post(
        admin_url(draft, "approve"), {"when": "later", "publish_date": later.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    assert "Approved: scheduled for" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_scheduled
    assert abs(draft.publish_date - later) < timedelta(minutes=1)
    assert Client().get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"when": "later", "publish_date": ""}, "Give the date and time at which to publish."),
        ({"when": "later", "publish_date": "2001-01-01T10:00"}, "Give a date in the future, or choose to publish now."),
        ({"when": "later", "publish_date": "not a date"}, "Enter a valid date/time."),
        ({"when": "soon"}, "Select a valid choice."),
    ],
)
def test_a_bad_approval_is_refused_with_the_reason(publisher_client, draft, data, message):
    response = publisher_client.post(admin_url(draft, "approve"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_publisher_sends_back_with_a_comment_mailed_to_the_author(
    publisher_client, draft, editor, django_capture_on_commit_callbacks
):
    editor.preferred_language = "fr"
    editor.save()
    draft.status = Status.REVIEW
    draft.save()
    empty = publisher_client.post(admin_url(draft, "send_back"), {"comment": "   "})
    assert "Say what the author should change." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher_client.post(
            admin_url(draft, "send_back"), {"comment": "Cite the source of the figures."}, follow=True
        )
    assert "Sent back to the author as a draft" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment) == (Status.DRAFT, "Cite the source of the figures.")
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert "Cite the source of the figures." in message.body and "Paula Publisher" in message.body
    assert "Marées" in message.subject  # the title in the author's language
    # The author sees the comment on the article, and can submit it again.
    editor_client = Client()
    editor_client.force_login(editor)
    page = editor_client.get(change_url(draft)).content.decode()
    assert "Cite the source of the figures." in page and 'name="_submit_for_review"' in page


def test_only_an_article_in_review_can_be_sent_back(publisher_client, draft):
    response = publisher_client.post(admin_url(draft, "send_back"), {"comment": "Why?"}, follow=True)
    assert "Only an article in review can be sent back." in response.content.decode()
    assert not mail.outbox


def test_a_publisher_unpublishes_from_the_list(publisher_client):
    article = make_article(title_en="Withdrawn soon")
    response = publisher_client.post(
        reverse("admin:news_article_changelist"), {"action": "unpublish", "_selected_action": [article.pk]}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_a_publisher_may_publish_and_unpublish_from_the_change_form(publisher_client, draft):
    draft.review_comment = "Fix the date."
    draft.save()
    response = publisher_client.post(change_url(draft), form_data(draft, status=Status.PUBLISHED))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment) == (Status.PUBLISHED, "")
    assert Client().get(draft.get_absolute_url()).status_code == 200
    publisher_client.post(change_url(draft), form_data(draft, status=Status.UNPUBLISHED))
    draft.refresh_from_db()
    assert draft.status == Status.UNPUBLISHED
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_a_reader_with_staff_status_but_no_group_cannot_reach_the_review_pages(client, draft):
    client.force_login(make_user(is_staff=True))
    assert client.get(admin_url(draft, "approve")).status_code == 403
