"""
The table of the ``shared`` cache (rate limits and lockout counts without
Redis: see ``CACHES`` in the settings), made by ``migrate`` so that no
deployment step can be forgotten and every test database has it.

It is made whatever the cache settings are at migration time, so that a
site which drops ``REDIS_URL`` later finds it there. The name is the
settings' ``SHARED_CACHE_TABLE``, written out: a migration must not change
when a setting does.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "core_shared_cache"


def create_table(apps, schema_editor):
    # The command's own table builder (it does nothing if the table exists);
    # handle() would set its verbosity, and create only the tables of the settings.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table)]
