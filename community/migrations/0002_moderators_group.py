"""Create the "Moderators" group: moderate the forum and change its topics and posts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Moderators"
CODENAMES = ("moderate_forum", "view_topic", "change_topic", "view_post", "change_post", "view_board")


def create_moderators_group(apps, schema_editor):
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(content_type__app_label="community", codename__in=CODENAMES))


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("community", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
