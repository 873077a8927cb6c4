"""
Create the "Publishers" group, and keep publishing out of the "Editors" group.

Editors write, change and submit articles for review; publishers also hold
``publish_article`` on both kinds of article: they approve (publish now or at
a date), send back and unpublish. Publishers get every permission the editors
have, so that one group is enough for a publisher.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("news", "relations")
EDITORS = "Editors"
PUBLISHERS = "Publishers"
PUBLISH_CODENAME = "publish_article"


def content_permissions(apps):
    """Every permission on the content apps, made now (they are normally made after all migrations)."""
    for label in CONTENT_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)


def create_publishers_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = content_permissions(apps)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    # The editors' group was given every permission of the content apps: never the one to publish.
    editors.permissions.set(permissions.exclude(codename=PUBLISH_CODENAME))
    publishers, _created = Group.objects.get_or_create(name=PUBLISHERS)
    publishers.permissions.set(permissions)


def remove_publishers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PUBLISHERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("korea_portal", "0001_editors_group"),
        ("news", "0008_review_workflow"),
        ("relations", "0006_review_workflow"),
    ]

    operations = [migrations.RunPython(create_publishers_group, remove_publishers_group)]
