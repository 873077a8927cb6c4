"""
Upgrading a database of the schema before the newsletter had its own app.

Each test migrates the test database back to ``accounts`` 0003 (the newsletter
models in ``accounts``, addresses unique as written), fills it through the
historical models, migrates it to the latest schema and reads it with today's
models. The database is left migrated to the latest at the end.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from newsletter.models import NewsletterDelivery, NewsletterIssue, Subscription

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = ("accounts", "0003_newsletter_issue_number_delivery_attempts")


class Migrator:
    def __init__(self):
        self.executor = MigrationExecutor(connection)

    def migrate(self, targets):
        """Migrate to ``targets`` and return the historical models (``apps``) of that state."""
        self.executor.loader.build_graph()
        self.executor.migrate(targets)
        self.executor.loader.build_graph()
        return self.executor.loader.project_state(targets).apps

    def before_the_move(self):
        """Go back to the schema of today's main: every app at its latest, accounts at 0003, no newsletter app."""
        others = [node for node in self.executor.loader.graph.leaf_nodes() if node[0] not in ("accounts", "newsletter")]
        return self.migrate([BEFORE_THE_MOVE, *others])

    def to_latest(self):
        self.executor.loader.build_graph()
        return self.migrate(self.executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrator():
    migrator = Migrator()
    yield migrator
    migrator.to_latest()
    ContentType.objects.clear_cache()


def test_subscriptions_issues_and_deliveries_survive_the_move_to_the_newsletter_app(migrator):
    old = migrator.before_the_move()
    assert "newsletter_subscription" not in connection.introspection.table_names()
    Section = old.get_model("news", "Section")
    OldSubscription = old.get_model("accounts", "Subscription")
    OldIssue = old.get_model("accounts", "NewsletterIssue")
    OldDelivery = old.get_model("accounts", "NewsletterDelivery")
    now = timezone.now()
    economy = Section.objects.create(name="Economy", name_en="Economy", slug="economy-upgrade")
    culture = Section.objects.create(name="Culture", name_en="Culture", slug="culture-upgrade")
    everything = OldSubscription.objects.create(email="all@example.org", language="fr", confirmed=now)
    chosen = OldSubscription.objects.create(email="Chosen@Example.org", language="ko", confirmed=now)
    chosen.sections.set([economy, culture])
    waiting = OldSubscription.objects.create(email="waiting@example.org", language="en")
    first = OldIssue.objects.create(
        number=1, period_start=now - timedelta(days=14), period_end=now - timedelta(days=7), completed=now
    )
    second = OldIssue.objects.create(number=2, period_start=first.period_end, period_end=now)
    OldDelivery.objects.create(issue=first, subscription=everything, article_count=4, sent=now)
    OldDelivery.objects.create(issue=first, subscription=chosen, article_count=0)
    OldDelivery.objects.create(issue=second, subscription=chosen, article_count=2, attempts=2, failed=now)
    OldContentType = old.get_model("contenttypes", "ContentType")
    old_content_type = OldContentType.objects.get(app_label="accounts", model="subscription")

    migrator.to_latest()

    tables = connection.introspection.table_names()
    assert {"newsletter_subscription", "newsletter_subscription_sections"} <= set(tables)
    assert not {"accounts_subscription", "accounts_newsletterissue", "accounts_newsletterdelivery"} & set(tables)
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "newsletter_subscription").values()
    # The address's exact uniqueness and its index went with the old schema: only Lower("email") is unique.
    assert not [index for index in indexes if index["columns"] == ["email"]]
    rows = {
        (s.email, s.language, s.confirmed is not None, frozenset(s.sections.values_list("slug", flat=True)))
        for s in Subscription.objects.all()
    }
    assert rows == {
        ("all@example.org", "fr", True, frozenset()),
        ("Chosen@Example.org", "ko", True, frozenset({"economy-upgrade", "culture-upgrade"})),
        ("waiting@example.org", "en", False, frozenset()),
    }
    assert Subscription.objects.get(pk=waiting.pk).email == "waiting@example.org"
    issues = NewsletterIssue.objects.order_by("number")
    assert [(issue.pk, issue.number, issue.completed is not None) for issue in issues] == [
        (first.pk, 1, True),
        (second.pk, 2, False),
    ]
    deliveries = NewsletterDelivery.objects.order_by("issue__number", "subscription__email")
    assert [
        (d.issue.number, d.subscription.email, d.article_count, d.attempts, d.sent is not None) for d in deliveries
    ] == [
        (1, "Chosen@Example.org", 0, 1, False),
        (1, "all@example.org", 4, 1, True),
        (2, "Chosen@Example.org", 2, 2, False),
    ]
    assert Subscription.objects.get(pk=chosen.pk).deliveries.count() == 2
    # The content type, and so the permissions given on it, moved with the model.
    ContentType.objects.clear_cache()
    moved = ContentType.objects.get(app_label="newsletter", model="subscription")
    assert moved.pk == old_content_type.pk
    assert Permission.objects.filter(content_type=moved, codename="view_subscription").exists()
    # The tables go on working: new rows, and the foreign keys still hold.
    Subscription.objects.create(email="new@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterDelivery.objects.create(issue_id=second.pk, subscription_id=everything.pk + 10_000)


def test_an_address_subscribed_twice_in_other_cases_keeps_its_confirmed_subscription(migrator):
    old = migrator.before_the_move()
    OldSubscription = old.get_model("accounts", "Subscription")
    OldIssue = old.get_model("accounts", "NewsletterIssue")
    now = timezone.now()
    unconfirmed_older = OldSubscription.objects.create(email="Twice@Example.org")
    confirmed = OldSubscription.objects.create(email="twice@example.org", language="de", confirmed=now)
    also_confirmed_later = OldSubscription.objects.create(email="TWICE@example.org", confirmed=now + timedelta(hours=1))
    issue = OldIssue.objects.create(number=1, period_start=now - timedelta(days=7), period_end=now)
    old.get_model("accounts", "NewsletterDelivery").objects.create(issue=issue, subscription=also_confirmed_later)
    OldSubscription.objects.create(email="alone@example.org")

    migrator.to_latest()

    assert sorted(Subscription.objects.values_list("pk", flat=True)) == sorted(
        [confirmed.pk, Subscription.objects.get(email="alone@example.org").pk]
    )
    assert not Subscription.objects.filter(pk__in=[unconfirmed_older.pk, also_confirmed_later.pk]).exists()
    assert not NewsletterDelivery.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(email="ALONE@example.org")


def test_accounts_sharing_an_address_in_other_cases_stop_the_migration_and_are_named(migrator):
    old = migrator.before_the_move()
    User = old.get_model("accounts", "User")
    User.objects.create(username="kim", email="Kim@Example.org")
    duplicate = User.objects.create(username="kim2", email="kim@example.org")
    User.objects.create(username="lee", email="lee@example.org")

    with pytest.raises(RuntimeError) as refused:
        migrator.to_latest()
    assert "Kim@Example.org (user kim) = kim@example.org (user kim2)" in str(refused.value)
    assert "lee@example.org" not in str(refused.value)
    # Nothing was deleted; once an administrator settles the pair, the migration goes through.
    assert User.objects.count() == 3
    duplicate.delete()
    migrator.to_latest()
