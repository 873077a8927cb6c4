"""Record which texts each language of a relation article has, as news.0008 does for news articles."""

import importlib

from django.db import migrations

# The frozen function of news' migration (a dependency of this one): both kinds of article keep one record.
news_migration = importlib.import_module("news.migrations.0010_translation_sources_fields")


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0007_clean_bodies"),
        ("news", "0010_translation_sources_fields"),
    ]

    operations = [migrations.RunPython(news_migration.make_recorder("relations"), migrations.RunPython.noop)]
