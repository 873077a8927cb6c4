"""
The model ``Country`` holds blocs and organisations too: it becomes ``Partner``,
and a relation article's ``country`` becomes its ``partner``, as on summits and
trade figures. Renames only: the table, every column (the translated ones
included) and every row stay; ``country_id`` becomes ``partner_id``.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def rename_permissions(old, new):
    """Rename the model's permissions in place, so that the groups that hold them (Editors) keep them."""

    def rename(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        for action in ACTIONS:
            Permission.objects.filter(content_type__app_label="relations", codename=f"{action}_{old}").update(
                codename=f"{action}_{new}"
            )

    return rename


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('relations', '0003_trade_amounts_and_one_undated_figure'),
    ]

    operations = [
        migrations.RenameModel(old_name='Country', new_name='Partner'),
        migrations.RenameField(model_name='article', old_name='country', new_name='partner'),
        migrations.RunPython(rename_permissions('country', 'partner'), rename_permissions('partner', 'country')),
    ]
