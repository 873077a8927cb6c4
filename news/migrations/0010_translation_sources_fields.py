"""Record which texts each language has (``fields``), so that a partly translated article is told from one missing."""

import hashlib

from django.db import migrations

# Frozen here as they stood when this migration was written: a migration must
# not change with the application code it once ran against.
LANGUAGES = ("en", "fr", "de", "es", "ar", "vi", "ru", "zh_hans", "ja", "ko")
TRACKED_FIELDS = ("title", "summary", "body")


def fingerprint(article, suffix):
    texts = (getattr(article, f"{field}_{suffix}") or "" for field in TRACKED_FIELDS)
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:16]


def record_fields(article):
    """The record of ``core.languages.translation_sources`` with each language's filled fields, sources kept."""
    english = fingerprint(article, "en")
    previous = article.translation_sources or {}
    sources = {}
    for suffix in LANGUAGES:
        code = suffix.replace("_", "-")
        fields = [field for field in TRACKED_FIELDS if getattr(article, f"{field}_{suffix}")]
        if not fields:
            continue
        if not (getattr(article, f"title_{suffix}") and getattr(article, f"body_{suffix}")):
            sources[code] = {"fields": fields}
            continue
        kept = previous.get(code) if isinstance(previous.get(code), dict) else {}
        text = fingerprint(article, suffix)
        source = kept.get("source", english) if kept.get("text") == text else english
        sources[code] = {"source": source, "text": text, "fields": fields}
    return sources


def make_recorder(app_label):
    def record(apps, schema_editor):
        Article = apps.get_model(app_label, "Article")
        for article in Article.objects.iterator():
            article.translation_sources = record_fields(article)
            article.save(update_fields=["translation_sources"])

    return record


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_clean_bodies"),
    ]

    operations = [migrations.RunPython(make_recorder("news"), migrations.RunPython.noop)]
