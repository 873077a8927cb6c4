"""
Number the newsletter issues (a unique number: two runs at once cannot make the same issue twice),
and record failed deliveries with their attempts so that one bouncing address no longer holds an issue open.
"""

from django.db import migrations, models


def number_existing_issues(apps, schema_editor):
    NewsletterIssue = apps.get_model("accounts", "NewsletterIssue")
    for number, issue in enumerate(NewsletterIssue.objects.order_by("period_end", "pk"), start=1):
        issue.number = number
        issue.save(update_fields=["number"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_scraps_article_emails_newsletter"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsletterissue",
            name="number",
            field=models.PositiveIntegerField(null=True, verbose_name="number"),
        ),
        migrations.RunPython(number_existing_issues, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="newsletterissue",
            name="number",
            field=models.PositiveIntegerField(verbose_name="number"),
        ),
        migrations.AddConstraint(
            model_name="newsletterissue",
            constraint=models.UniqueConstraint(fields=("number",), name="one_issue_per_number"),
        ),
        migrations.AddField(
            model_name="newsletterdelivery",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="attempts"),
        ),
        migrations.AddField(
            model_name="newsletterdelivery",
            name="failed",
            field=models.DateTimeField(blank=True, null=True, verbose_name="failed"),
        ),
    ]
