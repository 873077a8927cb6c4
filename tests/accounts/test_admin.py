"""What administrators see of readers' data, and what editors do not."""

import pytest
from django.urls import reverse

from accounts.models import ArticleEmail
from tests.factories import make_article, make_editor, make_scrap, make_subscription, make_user

pytestmark = pytest.mark.django_db

RECORDS = ("scrap", "articleemail", "subscription", "newsletterissue")


@pytest.fixture
def records():
    user = make_user(email="reader@example.org")
    article = make_article(title_en="Logged article")
    make_scrap(user, article)
    ArticleEmail.objects.create(sender=user, article=article, article_title=article.title, recipient_count=3)
    make_subscription(email="subscriber@example.org")


def test_administrators_read_the_records(client, records):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    for model in RECORDS:
        response = client.get(reverse(f"admin:accounts_{model}_changelist"))
        assert response.status_code == 200, model
    log_page = client.get(reverse("admin:accounts_articleemail_changelist")).content.decode()
    assert "Logged article" in log_page
    assert "subscriber@example.org" in client.get(reverse("admin:accounts_subscription_changelist")).content.decode()
    # Records are never written by hand.
    for model in ("scrap", "articleemail", "subscription"):
        assert client.get(reverse(f"admin:accounts_{model}_add")).status_code == 403, model


def test_editors_get_no_permission_on_readers_data(client, records):
    client.force_login(make_editor())
    for model in RECORDS:
        assert client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 403, model
