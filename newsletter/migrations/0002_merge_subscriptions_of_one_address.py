"""
Keep one subscription per address whatever the case of its letters, before 0003 makes the database insist on it.

Decision: an existing database may hold ``A@example.org`` beside
``a@example.org`` (one mailbox, two subscriptions, two copies of each issue).
The subscription kept is a confirmed one if there is any (the address's
owner followed its link), and among those the oldest; the others are deleted
with their deliveries and sections. Deleting a duplicate loses nothing its
owner asked for that the kept one does not give, and the address can always
choose its sections again through a new confirmation link. Nothing is
restored when migrating back.

A migration of its own: on PostgreSQL a table with rows just deleted cannot
be altered in the same transaction (the deferred foreign-key checks are
pending).
"""

from django.db import migrations
from django.db.models import Count, F
from django.db.models.functions import Lower


def delete_later_duplicates(apps, schema_editor):
    Subscription = apps.get_model("newsletter", "Subscription")
    subscriptions = Subscription.objects.using(schema_editor.connection.alias)
    shared = (
        subscriptions.annotate(address=Lower("email"))
        .values("address")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .values_list("address", flat=True)
    )
    for address in list(shared):
        same_address = subscriptions.annotate(address=Lower("email")).filter(address=address)
        kept = same_address.order_by(F("confirmed").asc(nulls_last=True), "created", "pk").first()
        same_address.exclude(pk=kept.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(delete_later_duplicates, migrations.RunPython.noop, elidable=True),
    ]
