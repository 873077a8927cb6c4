"""
The newsletter's models, taken over from ``accounts`` with their tables and rows.

``accounts`` 0004 renamed the tables to this app's names and dropped the
models from its state; here they enter this app's state as they stand in the
database (the address not unique for a moment: 0003 makes it unique whatever
its case), without a database operation. The dependency on ``accounts`` is
history, not code: the tables were made there (this app imports nothing of
``accounts``).

The content types move with the models, so the permissions given on them and
the admin's log keep pointing at them.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED_MODELS = ("subscription", "newsletterissue", "newsletterdelivery")


def move_content_types(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        for model in MOVED_MODELS:
            # On a fresh database there is none yet: post_migrate makes them after the migrations.
            if not content_types.filter(app_label=target, model=model).exists():
                content_types.filter(app_label=source, model=model).update(app_label=target)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0004_newsletter_moves_to_its_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0003_section_slug_not_reserved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="NewsletterIssue",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("number", models.PositiveIntegerField(verbose_name="number")),
                        ("period_start", models.DateTimeField(verbose_name="articles published after")),
                        ("period_end", models.DateTimeField(verbose_name="articles published until")),
                        ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("completed", models.DateTimeField(blank=True, null=True, verbose_name="completed")),
                    ],
                    options={
                        "verbose_name": "newsletter issue",
                        "verbose_name_plural": "newsletter issues",
                        "ordering": ["-period_end", "-pk"],
                        "get_latest_by": "period_end",
                        "constraints": [models.UniqueConstraint(fields=("number",), name="one_issue_per_number")],
                    },
                ),
                migrations.CreateModel(
                    name="Subscription",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mail address")),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("en", "English"),
                                    ("fr", "French"),
                                    ("de", "German"),
                                    ("es", "Spanish"),
                                    ("ar", "Arabic"),
                                    ("vi", "Vietnamese"),
                                    ("ru", "Russian"),
                                    ("zh-hans", "Simplified Chinese"),
                                    ("ja", "Japanese"),
                                    ("ko", "Korean"),
                                ],
                                default="en",
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                        ("confirmed", models.DateTimeField(blank=True, null=True, verbose_name="confirmed")),
                        ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        (
                            "sections",
                            models.ManyToManyField(
                                blank=True,
                                help_text="None chosen means every section.",
                                related_name="+",
                                to="news.section",
                                verbose_name="sections",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "newsletter subscription",
                        "verbose_name_plural": "newsletter subscriptions",
                        "ordering": ["-created", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="NewsletterDelivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("article_count", models.PositiveIntegerField(default=0, verbose_name="articles")),
                        ("sent", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        ("attempts", models.PositiveSmallIntegerField(default=1, verbose_name="attempts")),
                        ("failed", models.DateTimeField(blank=True, null=True, verbose_name="failed")),
                        (
                            "issue",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="newsletter.newsletterissue",
                                verbose_name="issue",
                            ),
                        ),
                        (
                            "subscription",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="newsletter.subscription",
                                verbose_name="subscription",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "newsletter delivery",
                        "verbose_name_plural": "newsletter deliveries",
                        "ordering": ["issue", "pk"],
                        "constraints": [
                            models.UniqueConstraint(fields=("issue", "subscription"), name="one_delivery_per_issue")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_types("accounts", "newsletter"), move_content_types("newsletter", "accounts"), elidable=True
        ),
    ]
