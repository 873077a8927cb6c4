"""
Helpers for the ten languages: names in themselves, translated columns and
the record of which English text each translation was written from.

Column names come from modeltranslation (``build_localized_fieldname``:
``title`` in ``zh-hans`` is ``title_zh_hans``); language names from Django's
``get_language_info()``.
"""

import functools
import hashlib
import unicodedata

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language, get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

# Where the language bar names a language otherwise than Django's own table:
# a capital as at the start of a menu entry, and the short names readers use.
NATIVE_NAME_OVERRIDES = {
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "zh-hans": "中文",
}


def language_codes():
    """The codes of the portal's languages, English first."""
    return [code for code, _name in settings.LANGUAGES]


def native_name(language):
    """Return a language's name written in that language (Français, 한국어)."""
    if language in NATIVE_NAME_OVERRIDES:
        return NATIVE_NAME_OVERRIDES[language]
    try:
        # Django's table writes some names decomposed (Tiếng Việt): compose them, as typed text is.
        return unicodedata.normalize("NFC", get_language_info(language)["name_local"])
    except KeyError:
        return language


def native_choices():
    """The portal's languages as form choices, each named in itself as the language bar names it."""
    return [(code, native_name(code)) for code in language_codes()]


def localized(field, language):
    """The column holding ``field`` in ``language``: ``localized("title", "zh-hans") == "title_zh_hans"``."""
    return build_localized_fieldname(field, language)


def text_in(obj, field, language):
    """The text ``obj`` has of ``field`` in ``language`` itself, without falling back to English."""
    return getattr(obj, localized(field, language), "") or ""


def translated_languages(obj, fields):
    """Return (code, native name) of each language in which all ``fields`` are filled."""
    return [
        (code, native_name(code)) for code in language_codes() if all(text_in(obj, field, code) for field in fields)
    ]


@functools.cache
def foreign_columns(model, keep, prefix="", related=(), without=()):
    """
    The translated columns of ``model`` in languages outside ``keep``, and of
    the models ``related`` names (``(name, related-of-it)`` pairs, a
    ``select_related`` tree), as ``defer()`` names them; and every language's
    column of the fields in ``without``. The same few lists serve every request.
    """
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        fields = {}
    columns = tuple(
        prefix + column.name
        for field, translations in fields.items()
        for column in translations
        if column.language not in keep or (not prefix and field in without)
    )
    for name, below in related:
        target = model._meta.get_field(name).related_model
        columns += foreign_columns(target, keep, f"{prefix}{name}__", below)
    return columns


def frozen_tree(tree):
    """A ``select_related`` tree (nested dicts, or ``True`` for none) as nested tuples."""
    return tuple((name, frozen_tree(below)) for name, below in sorted(tree.items())) if isinstance(tree, dict) else ()


def in_reader_language(queryset, language=None, *, without=()):
    """
    ``queryset`` reading the translated columns of the reader's language and
    English alone, for its model and the models it selects with it
    (``select_related()`` first): a page shows one language, with English
    where it has no translation, and the other eight languages' columns of
    every row were most of what a page read and decoded. ``without`` names
    fields the page does not show at all (a list's ``body``), whose columns
    are left out in every language.

    A page must not then read another language's column of those rows: each
    such read would be a query of its own (the fixed query counts of
    ``tests/test_query_counts.py`` would show it). Which languages an article
    is written in comes from its ``translation_sources``, not its columns.
    """
    keep = frozenset({language or get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE})
    related = frozen_tree(queryset.query.select_related)
    columns = foreign_columns(queryset.model, keep, related=related, without=tuple(without))
    # Django's own defer(): the names are columns already, which modeltranslation's would look up again.
    return QuerySet.defer(queryset, *columns)


# The texts of an article whose translations are tracked.
TRACKED_FIELDS = ("title", "summary", "body")


def text_fingerprint(*texts):
    """Return a short fingerprint of some texts: it changes whenever one of them does."""
    digest = hashlib.sha256("\x1f".join(text or "" for text in texts).encode())
    return digest.hexdigest()[:16]


def is_written_in(article, language):
    """Whether ``article`` has its own title and body in ``language`` (no fallback)."""
    return bool(text_in(article, "title", language) and text_in(article, "body", language))


def article_fingerprint(article, language):
    """Return the fingerprint of an article's title, summary and body in ``language``."""
    return text_fingerprint(*(text_in(article, field, language) for field in TRACKED_FIELDS))


def filled_fields(article, language):
    """The tracked fields ``article`` has its own text of in ``language``, in their order."""
    return [field for field in TRACKED_FIELDS if text_in(article, field, language)]


def translation_sources(article, previous=None):
    """
    Return, for each language ``article`` has any text in, the English text its translation was written from.

    ``{"fr": {"source": <English fingerprint>, "text": <French fingerprint>, "fields": ["title", "body"]}}``.
    ``fields`` names the tracked fields filled in that language. A language
    with some text but not its own title and body (a title and a summary
    only) is recorded with its ``fields`` alone: it is partly translated, and
    nothing is recorded of the English text it was written from.
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
    for code in language_codes():
        fields = filled_fields(article, code)
        if not fields:
            continue
        if not is_written_in(article, code):
            sources[code] = {"fields": fields}
            continue
        text = english if code == default else article_fingerprint(article, code)
        kept = previous.get(code)
        if code != default and isinstance(kept, dict) and kept.get("text") == text and "source" in kept:
            sources[code] = {"source": kept["source"], "text": text, "fields": fields}
        else:
            sources[code] = {"source": english, "text": text, "fields": fields}
    return sources


# Open Graph names a language with a territory (``og:locale``); Facebook's own
# table writes Arabic ``ar_AR``, and Simplified Chinese is China's.
OPEN_GRAPH_LOCALES = {
    "en": "en_US",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "ar": "ar_AR",
    "vi": "vi_VN",
    "ru": "ru_RU",
    "zh-hans": "zh_CN",
    "ja": "ja_JP",
    "ko": "ko_KR",
}


def open_graph_locale(language):
    """Return the ``og:locale`` of a language (``ko`` is ``ko_KR``)."""
    return OPEN_GRAPH_LOCALES[language]
