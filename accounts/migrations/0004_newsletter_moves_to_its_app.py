"""
The newsletter's three models leave this app for ``newsletter``, with their tables and rows.

Decision: the tables are renamed to the names the ``newsletter`` app gives
them (``newsletter_subscription`` and its many-to-many table
``newsletter_subscription_sections``, ``newsletter_newsletterissue``,
``newsletter_newsletterdelivery``), rather than kept under their old names
with a ``Meta.db_table``: an upgraded database then has the schema a fresh
one gets, and the models carry nothing for history's sake. The rows are not
copied, only the tables renamed; foreign keys (a delivery's issue and
subscription) and the many-to-many rows follow the rename on SQLite and
PostgreSQL alike. A fresh database makes the tables in 0002 under their old
names and renames them here, so both end the same.

The address stops being unique as written here, before the rename:
``newsletter`` 0003 makes it unique whatever its case. Done while the table
still has the name its indexes were made under, so that PostgreSQL's extra
``LIKE`` index of the address (found by that name) goes with the uniqueness.

The models leave this app's migration state here; ``newsletter``'s
0001_initial takes them into its own without touching the database.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_newsletter_issue_number_delivery_attempts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="subscription",
                    name="email",
                    field=models.EmailField(max_length=254, verbose_name="e-mail address"),
                ),
                # Renames the many-to-many table of Subscription.sections too.
                migrations.AlterModelTable("subscription", "newsletter_subscription"),
                migrations.AlterModelTable("newsletterissue", "newsletter_newsletterissue"),
                migrations.AlterModelTable("newsletterdelivery", "newsletter_newsletterdelivery"),
            ],
            state_operations=[
                migrations.DeleteModel("NewsletterDelivery"),
                migrations.DeleteModel("NewsletterIssue"),
                migrations.DeleteModel("Subscription"),
            ],
        ),
    ]
