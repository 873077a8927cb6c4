"""Helpers for the ten languages: column suffixes and names in themselves."""

import hashlib

from django.conf import settings

# Each language named in itself, as the language bar shows it.
NATIVE_NAMES = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "ar": "العربية",
    "vi": "Tiếng Việt",
    "ru": "Русский",
    "zh-hans": "中文",
    "ja": "日本語",
    "ko": "한국어",
}


def field_suffix(language):
    """Return the column suffix modeltranslation uses: ``zh-hans`` -> ``zh_hans``."""
    return language.replace("-", "_").lower()


def native_name(language):
    """Return a language's name written in that language (Français, 한국어)."""
    return NATIVE_NAMES.get(language, language)


def translated_languages(obj, fields):
    """Return (code, native name) of each language in which all ``fields`` are filled."""
    return [
        (code, native_name(code))
        for code, _name in settings.LANGUAGES
        if all(getattr(obj, f"{field}_{field_suffix(code)}", "") for field in fields)
    ]


# The texts of an article whose translations are tracked.
TRACKED_FIELDS = ("title", "summary", "body")


def text_fingerprint(*texts):
    """Return a short fingerprint of some texts: it changes whenever one of them does."""
    digest = hashlib.sha256("\x1f".join(text or "" for text in texts).encode())
    return digest.hexdigest()[:16]


def is_written_in(article, language):
    """Whether ``article`` has its own title and body in ``language`` (no fallback)."""
    suffix = field_suffix(language)
    return bool(getattr(article, f"title_{suffix}", "") and getattr(article, f"body_{suffix}", ""))


def article_fingerprint(article, language):
    """Return the fingerprint of an article's title, summary and body in ``language``."""
    suffix = field_suffix(language)
    return text_fingerprint(*(getattr(article, f"{field}_{suffix}") for field in TRACKED_FIELDS))


def translation_sources(article, previous=None):
    """
    Return, for each language ``article`` is written in, the English text its translation was written from.

    ``{"fr": {"source": <English fingerprint>, "text": <French fingerprint>}}``.
    A translation whose own text is the same as in ``previous`` keeps the
    English fingerprint it had there, so that a change of the English text
    alone makes it outdated; a new or changed translation is recorded as
    written from the English text as it stands. English is recorded too, as
    its own source.
    """
    default = settings.LANGUAGE_CODE
    english = article_fingerprint(article, default)
    previous = previous or {}
    sources = {}
    for code, _name in settings.LANGUAGES:
        if not is_written_in(article, code):
            continue
        text = english if code == default else article_fingerprint(article, code)
        kept = previous.get(code)
        if code != default and isinstance(kept, dict) and kept.get("text") == text:
            sources[code] = kept
        else:
            sources[code] = {"source": english, "text": text}
    return sources
