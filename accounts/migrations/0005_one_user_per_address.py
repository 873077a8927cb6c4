"""
One account per address whatever the case of its letters: ``Lower("email")`` is unique.

Decision: an existing database holding two accounts whose addresses differ
only in case (``A@example.org`` and ``a@example.org``) is not changed
silently, since an account holds a person's scraps, posts and password: the
migration stops, naming the addresses, and nothing is altered. An
administrator changes or deletes one account of each pair in the admin (or
the shell) and migrates again.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower


def refuse_duplicate_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    users = User.objects.using(schema_editor.connection.alias)
    shared = (
        users.annotate(address=Lower("email"))
        .values("address")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .values_list("address", flat=True)
    )
    clashes = [
        " = ".join(
            f"{user.email} (user {user.username})"
            for user in users.annotate(address=Lower("email")).filter(address=address).order_by("pk")
        )
        for address in shared.order_by("address")
    ]
    if clashes:
        raise RuntimeError(
            "Some accounts share an e-mail address written in other letter cases, which is no longer allowed. "
            "Change or delete one account of each of these, then migrate again: " + "; ".join(clashes)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_newsletter_moves_to_its_app"),
    ]

    operations = [
        migrations.RunPython(refuse_duplicate_addresses, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=models.EmailField(max_length=254, verbose_name="e-mail address"),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                name="one_user_per_address",
                violation_error_message="An account with this e-mail address already exists.",
            ),
        ),
    ]
