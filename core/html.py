"""
The HTML an article body may hold, and the one function that makes any HTML fit it.

Bodies are cleaned once, when they are written (``ArticleBase.save()``, the
admin's form, the demo loader, the data migrations that converted the bodies
stored before), and pages show the stored HTML as it is. The allow-list is
what the admin's rich-text editor produces: paragraphs, line breaks, headings
2 to 4, bold, italic, links, bulleted and numbered lists and block quotes.
"""

import re

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from modeltranslation.utils import get_translation_fields

from .languages import article_fingerprint, language_codes

# What an article body may hold; everything else is removed, its text kept
# (but the content of <script> and <style>, which nh3 drops whole).
BODY_TAGS = frozenset({"p", "br", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote"})
# A link's address, and the title the editor's link dialog asks for.
BODY_ATTRIBUTES = {"a": {"href", "title"}}
# Absolute addresses must use one of these; relative ones (``/en/news/``) are kept.
BODY_URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Markup older bodies used for what the editor writes otherwise: renamed, so
# that a reader sees the same bold, italic and headings as before.
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
# nh3 writes the renamed tags without attributes (none is allowed on them), so
# these are the only forms they take in its output; text never contains "<".
RENAMED_PATTERN = re.compile("<(/?)(" + "|".join(RENAMED_TAGS) + ")>")


def drop_empty_attributes(tag, attribute, value):
    """Keep an attribute only with a value: the link dialog writes ``title=""`` when no title is given."""
    return value if value.strip() else None


def clean_body(html):
    """
    Return ``html`` reduced to the markup an article body may hold.

    Entities become the characters they stand for (``Korea&#x27;s`` is
    stored ``Korea's``; ``&amp;`` and ``&lt;`` stay escaped), attributes other
    than a link's ``href`` and ``title`` go, and so do links to any scheme but
    http, https and mailto (``javascript:``). A body with no text left
    (``<p><br></p>``, what an emptied editor holds) is empty. Cleaning clean
    HTML changes nothing, so every write path may clean again.
    """
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=set(BODY_TAGS | RENAMED_TAGS.keys()),
        attributes={tag: set(names) for tag, names in BODY_ATTRIBUTES.items()},
        url_schemes=set(BODY_URL_SCHEMES),
        attribute_filter=drop_empty_attributes,
        # No rel="noopener noreferrer" on every link: the editor opens no new window.
        link_rel=None,
    )
    cleaned = RENAMED_PATTERN.sub(lambda match: f"<{match[1]}{RENAMED_TAGS[match[2]]}>", cleaned).strip()
    if not strip_tags(cleaned).strip():
        return ""
    return cleaned


def clean_stored_bodies(model):
    """
    Clean the stored bodies of every article of ``model``, keeping each translation's state.

    For the data migrations that brought the bodies written before cleaning
    at save up to it (``news 0008``, ``relations 0006``); ``model`` may be a
    migration's historical model. A reader sees the same text: entities
    become their characters, ``<b>`` becomes ``<strong>`` and so on. The
    record of which English text each translation follows
    (``translation_sources``) is carried over to the cleaned text, so that a
    translation that was up to date stays so, and an outdated one outdated.
    Written with ``update()``: the articles' ``updated`` dates do not move.
    """
    columns = [name for name in ("body", *get_translation_fields("body")) if hasattr(model, name)]
    for article in model._default_manager.order_by("pk").iterator():
        cleaned = {column: clean_body(getattr(article, column)) for column in columns}
        if all(cleaned[column] == (getattr(article, column) or "") for column in columns):
            continue
        before = {code: article_fingerprint(article, code) for code in language_codes()}
        for column, value in cleaned.items():
            setattr(article, column, value)
        after = {code: article_fingerprint(article, code) for code in language_codes()}
        english = settings.LANGUAGE_CODE
        sources = article.translation_sources or {}
        for code, entry in sources.items():
            if not isinstance(entry, dict) or code not in before:
                continue
            if entry.get("text") == before[code]:
                entry["text"] = after[code]
            if entry.get("source") == before[english]:
                entry["source"] = after[english]
        model._default_manager.filter(pk=article.pk).update(**cleaned, translation_sources=sources)
