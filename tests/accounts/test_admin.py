"""What administrators see of readers' data, and what editors do not."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import ArticleEmail
from newsletter.models import Subscription
from tests.factories import make_article, make_editor, make_scrap, make_subscription, make_user

pytestmark = pytest.mark.django_db

User = get_user_model()

RECORDS = ("accounts_scrap", "accounts_articleemail", "newsletter_subscription", "newsletter_newsletterissue")


@pytest.fixture
def records():
    user = make_user(email="reader@example.org")
    article = make_article(title_en="Logged article")
    make_scrap(user, article)
    ArticleEmail.objects.create(sender=user, article=article, article_title=article.title, recipient_count=3)
    make_subscription(email="subscriber@example.org")


def test_administrators_read_the_records(client, records):
    """Administrators list scraps, mailed articles, subscriptions and newsletter issues, but cannot add one by hand."""
    client.force_login(make_user(is_staff=True, is_superuser=True))
    for model in RECORDS:
        response = client.get(reverse(f"admin:{model}_changelist"))
        assert response.status_code == 200, model
    log_page = client.get(reverse("admin:accounts_articleemail_changelist")).content.decode()
    assert "Logged article" in log_page
    assert "subscriber@example.org" in client.get(reverse("admin:newsletter_subscription_changelist")).content.decode()
    # Records are never written by hand.
    for model in ("accounts_scrap", "accounts_articleemail", "newsletter_subscription"):
        assert client.get(reverse(f"admin:{model}_add")).status_code == 403, model


def test_editors_get_no_permission_on_readers_data(client, records):
    client.force_login(make_editor())
    for model in RECORDS:
        assert client.get(reverse(f"admin:{model}_changelist")).status_code == 403, model


def test_a_subscription_is_read_and_deleted_in_the_admin_never_changed(client):
    """Only its address's owner changes a subscription (the confirmation link); the admin reads or deletes it."""
    subscription = make_subscription(email="keep@example.org", language="en")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse("admin:newsletter_subscription_change", args=[subscription.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "keep@example.org" in html
    assert 'name="email"' not in html and 'name="language"' not in html and 'name="sections"' not in html

    response = client.post(url, {"email": "changed@example.org", "language": "ko", "_save": "Save"})
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert (subscription.email, subscription.language) == ("keep@example.org", "en")

    delete_url = reverse("admin:newsletter_subscription_delete", args=[subscription.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Subscription.objects.exists()


def test_the_admin_refuses_a_second_account_for_an_address_in_other_letter_cases(client):
    """a@example.org and A@example.org are one mailbox: the add and change forms say so, and save nothing."""
    refused = "An account with this e-mail address already exists."
    make_user(username="first", email="a@example.org")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    add_url = reverse("admin:accounts_user_add")
    response = client.post(add_url, {"username": "second", "email": "A@Example.org", "usable_password": "false"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"__all__": [refused]}
    assert refused in response.content.decode()
    assert not User.objects.filter(username="second").exists()

    # Another address is taken at once, so the form itself was not at fault.
    response = client.post(add_url, {"username": "second", "email": "b@example.org", "usable_password": "false"})
    assert response.status_code == 302
    second = User.objects.get(username="second")
    change = client.get(reverse("admin:accounts_user_change", args=[second.pk])).context["adminform"].form
    data = {**change.initial, "email": "A@EXAMPLE.ORG", "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"}
    data = {
        key: value for key, value in data.items() if value is not None and key not in ("groups", "user_permissions")
    }
    response = client.post(reverse("admin:accounts_user_change", args=[second.pk]), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"__all__": [refused]}
    assert refused in response.content.decode()
    second.refresh_from_db()
    assert second.email == "b@example.org"


def test_the_database_refuses_an_account_for_an_address_in_other_letter_cases():
    make_user(email="kim@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="again", email="Kim@Example.ORG")
    assert User.objects.filter(email__iexact="kim@example.org").count() == 1
