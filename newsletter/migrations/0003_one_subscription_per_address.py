"""One subscription per address whatever the case of its letters: ``Lower("email")`` is unique (0002 merged duplicates)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_merge_subscriptions_of_one_address"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                name="one_subscription_per_address",
                violation_error_message="This e-mail address is already subscribed.",
            ),
        ),
    ]
