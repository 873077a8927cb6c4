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


def text_fingerprint(*texts):
    """Return a short fingerprint of some texts: it changes whenever one of them does."""
    digest = hashlib.sha256("\x1f".join(text or "" for text in texts).encode())
    return digest.hexdigest()[:16]
