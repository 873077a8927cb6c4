"""Create the "Editors" group: every permission on content, none on users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_APPS = ("news", "relations")
GROUP_NAME = "Editors"


def create_editors_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for label in EDITOR_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0001_initial"),
        ("relations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
