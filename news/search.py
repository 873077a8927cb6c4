"""
Search: one plain-text document per article and language, and the query over it.

Each article has a ``SearchDocument`` in every language, rebuilt whenever it
is saved (``index_article``): its title, summary and body as plain text (tags
stripped, entities decoded) and its tag and section or partner names. Where
the article is not written in a language, that language's document holds its
English text and says so (``in_english``), so that the result can say it too.

The documents are searched by the database's own full-text search:

- PostgreSQL: a stored ``tsvector`` (title weighted A, summary B, body C,
  names D) built with the language's text-search configuration, behind a GIN
  index, queried with ``websearch_to_tsquery`` and ranked with ``ts_rank``;
- SQLite: an FTS5 table (``news_search_fts``, unicode61 without diacritics,
  porter) whose rows share the documents' ids, queried with ``MATCH`` and
  ranked with ``bm25()``.

Chinese, Japanese and Korean leave no spaces between words, and neither
database has a parser for them: their text is indexed and queried as
overlapping character bigrams (as Lucene's CJK analyzer does), so that 무역
is found inside 한국의무역흑자. Vietnamese is folded to letters without
diacritics on both sides, in a ``simple`` vector.
"""

import html
import re
import unicodedata

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe

from core.languages import is_written_in, language_codes, text_in

# The text-search configuration of each language; the others use "simple".
CONFIGS = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "ru": "russian", "ar": "arabic"}
CJK_LANGUAGES = {"zh-hans", "ja", "ko"}
FTS_TABLE = "news_search_fts"
# Han, Hiragana, Katakana, Hangul (syllables and jamo), CJK punctuation excluded.
CJK_RUN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
WORD = re.compile(r"\w+")
# A query term: an optional minus, then a quoted phrase (closed or not) or a bare word.
QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
# The database marks a snippet's matches with two control characters, which plain_text() keeps out of every text.
MARK_START, MARK_END = "\x02", "\x03"
# What ts_headline() is given instead of < and >, which its parser would take for a tag: two private-use characters.
ANGLE_STAND_INS = "\ue000\ue001"
HEADLINE_OPTIONS = "StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…"
SNIPPET_CONTEXT = 80


def config_for(language):
    return CONFIGS.get(language, "simple")


def plain_text(markup):
    """The text a reader sees in ``markup``: tags removed, entities decoded, spaces collapsed."""
    text = html.unescape(strip_tags(markup or ""))
    # Control characters (a NUL, the snippet marks, the stand-ins' private-use area) become spaces.
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Co") else char for char in text)
    return " ".join(text.split())


def fold_diacritics(text):
    """Letters without their marks (Việt Nam → Viet Nam), as Vietnamese readers often type them."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def cjk_bigrams(text):
    """Each run of CJK characters as overlapping bigrams (한국무역 → 한국 국무 무역); other words kept."""

    def split(match):
        run = match.group()
        if len(run) == 1:
            return f" {run} "
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return CJK_RUN.sub(split, text)


def index_text(text, language):
    """The form of a plain ``text`` that the index of ``language`` holds."""
    if language in CJK_LANGUAGES:
        return cjk_bigrams(text)
    if language == "vi":
        return fold_diacritics(text)
    return text


class TSVectorField(models.TextField):
    """A ``tsvector`` column on PostgreSQL; elsewhere an unused text column (SQLite keeps its FTS5 table)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)


class SearchDocument(models.Model):
    """The searchable text of one article in one language (see the module's docstring)."""

    kind = models.CharField(max_length=100)
    article_pk = models.BigIntegerField()
    language = models.CharField(max_length=10)
    in_english = models.BooleanField(default=False)
    published = models.BooleanField(default=False)
    publish_date = models.DateTimeField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True)
    # PostgreSQL only: the weighted vector, written by store_index() (its GIN index: migration 0005).
    vector = TSVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "article_pk", "language"], name="one_search_document_per_language")
        ]

    def __str__(self):
        return f"{self.kind} {self.article_pk} ({self.language})"


def document_texts(article, language):
    """The (in_english, title, summary, body, extra) of ``article``'s document in ``language``."""
    in_english = language != settings.LANGUAGE_CODE and not is_written_in(article, language)
    source = settings.LANGUAGE_CODE if in_english else language
    texts = [plain_text(text_in(article, field, source)) for field in ("title", "summary", "body")]
    return in_english, *texts, article.search_extra_text(language)


def index_article(article):
    """Rebuild the documents of ``article`` in every language (a draft's too, marked unpublished)."""
    kind = article._meta.label
    published = article.status == article.Status.PUBLISHED
    for language in language_codes():
        in_english, title, summary, body, extra = document_texts(article, language)
        document, _created = SearchDocument.objects.update_or_create(
            kind=kind,
            article_pk=article.pk,
            language=language,
            defaults={
                "in_english": in_english,
                "published": published,
                "publish_date": article.publish_date,
                "title": title,
                "summary": summary,
                "body": body,
                "extra": extra,
            },
        )
        text_language = settings.LANGUAGE_CODE if in_english else language
        store_index(document, text_language)


def store_index(document, language):
    """Write the database's own index of ``document``, whose text is in ``language``."""
    fields = [index_text(getattr(document, name), language) for name in ("title", "summary", "body", "extra")]
    if connection.vendor == "postgresql":
        # PostgreSQL's parser takes "<word" for the start of a tag and skips what follows: a text's own < and > go.
        fields = [field.replace("<", " ").replace(">", " ") for field in fields]
        config = config_for(language) if language not in CJK_LANGUAGES else "simple"
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {SearchDocument._meta.db_table} SET vector = "  # noqa: S608  # nosec B608  # constant names
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'C') || setweight(to_tsvector(%s::regconfig, %s), 'D') "
                "WHERE id = %s",
                [config, fields[0], config, fields[1], config, fields[2], config, fields[3], document.pk],
            )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])  # noqa: S608  # nosec B608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, extra) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608  # nosec B608
                [document.pk, *fields],
            )


def remove_article(article):
    """Delete the documents of ``article`` (and their FTS rows on SQLite)."""
    documents = SearchDocument.objects.filter(kind=article._meta.label, article_pk=article.pk)
    if connection.vendor == "sqlite":
        ids = list(documents.values_list("pk", flat=True))
        with connection.cursor() as cursor:
            for pk in ids:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])  # noqa: S608  # nosec B608
    documents.delete()


def parse_query(query):
    """
    The terms of a websearch-style ``query``: [(excluded, [words])], a phrase being several words.

    Only word characters are kept, so that no markup, quote, ``%`` or ``_`` reaches the database's
    query syntax; a term left without a word is dropped.
    """
    terms = []
    for minus_phrase, phrase, minus_word, word in QUERY_TERM.findall(query.replace("\x00", " ")):
        text = phrase if phrase or minus_phrase else word
        words = WORD.findall(text.replace("_", " "))
        if words:
            terms.append((bool(minus_phrase or minus_word), words))
    return terms


def term_words(words, language):
    """A term's words as the index of ``language`` holds them (CJK words become their bigrams)."""
    return index_text(" ".join(words), language).split()


def websearch_text(terms, language):
    """The terms rewritten for ``websearch_to_tsquery``: each a quoted phrase, excluded ones with a minus."""
    parts = []
    for excluded, words in terms:
        parts.append(("-" if excluded else "") + '"' + " ".join(term_words(words, language)) + '"')
    return " ".join(parts)


def fts5_text(terms, language):
    """The terms as an FTS5 query: every word quoted, phrases kept, exclusions with NOT; None if nothing is sought."""
    wanted = ['"' + " ".join(term_words(words, language)) + '"' for excluded, words in terms if not excluded]
    unwanted = ['"' + " ".join(term_words(words, language)) + '"' for excluded, words in terms if excluded]
    if not wanted:
        return None
    expression = "(" + " AND ".join(wanted) + ")"
    return expression + "".join(f" NOT {term}" for term in unwanted)


def search_keys(query, language):
    """
    The (article pk, kind, publish date, in English, marked snippet, summary, body) of the published
    articles matching ``query`` in ``language``, best first: a queryset of rows, or an empty list
    when nothing can match.
    """
    terms = parse_query(query)
    if not any(not excluded for excluded, _words in terms):
        return []
    documents = SearchDocument.objects.filter(language=language, published=True, publish_date__lte=timezone.now())
    if connection.vendor == "postgresql":
        documents = postgresql_match(documents, terms, language)
    else:
        documents = sqlite_match(documents, terms, language)
        if documents is None:
            return []
    return documents.order_by("-rank", "-publish_date", "-article_pk").values_list(
        "article_pk", "kind", "publish_date", "in_english", "marked", "summary", "body"
    )


def postgresql_match(documents, terms, language):
    """Documents matching ``terms`` (in their own language or, for those in English, in English), ranked."""
    own_config = config_for(language)
    own_text = websearch_text(terms, language)
    english_text = websearch_text(terms, settings.LANGUAGE_CODE)
    query = (
        "CASE WHEN in_english THEN websearch_to_tsquery('english'::regconfig, %s) "
        "ELSE websearch_to_tsquery(%s::regconfig, %s) END"
    )
    params = [english_text, own_config, own_text]
    # Two plain conditions rather than the CASE, so that the GIN index answers each.
    matches = RawSQL(  # noqa: S611  # nosec B611  # the query texts are parameters
        "((NOT in_english AND vector @@ websearch_to_tsquery(%s::regconfig, %s)) OR "
        "(in_english AND vector @@ websearch_to_tsquery('english'::regconfig, %s)))",
        [own_config, own_text, english_text],
        output_field=models.BooleanField(),
    )
    rank = RawSQL(f"ts_rank(vector, {query})", params, output_field=models.FloatField())  # noqa: S611  # nosec B611  # parameters
    # The matched words between MARK_START and MARK_END, escaped and marked up by snippet().
    marked = RawSQL(  # noqa: S611  # nosec B611  # the query texts are parameters
        "ts_headline(CASE WHEN in_english THEN 'english'::regconfig ELSE %s::regconfig END, "
        f"translate(summary || ' ' || body, '<>', %s), {query}, %s)",
        [own_config, ANGLE_STAND_INS, *params, HEADLINE_OPTIONS],
        output_field=models.TextField(),
    )
    return documents.filter(matches).annotate(rank=rank, marked=marked)


def sqlite_match(documents, terms, language):
    """Documents matching ``terms`` in the FTS5 table, ranked by bm25() (lower is better, hence the minus)."""
    own = fts5_text(terms, language)
    english = fts5_text(terms, settings.LANGUAGE_CODE)
    if own is None:
        return None
    fts = FTS_TABLE
    table = SearchDocument._meta.db_table
    matching = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s"  # noqa: S608  # nosec B608  # constant names
    own_rows = RawSQL(matching, [own])  # noqa: S611  # nosec B611  # the query text is a parameter
    english_rows = RawSQL(matching, [english])  # noqa: S611  # nosec B611  # the query text is a parameter
    documents = documents.filter(Q(in_english=False, pk__in=own_rows) | Q(in_english=True, pk__in=english_rows))
    rank = RawSQL(  # noqa: S611  # nosec B611  # the query texts are parameters
        f"(SELECT -bm25({fts}, 10.0, 5.0, 1.0, 1.0) FROM {fts} WHERE {fts} MATCH "  # noqa: S608  # nosec B608
        f"CASE WHEN {table}.in_english THEN %s ELSE %s END AND {fts}.rowid = {table}.id)",
        [english, own],
        output_field=models.FloatField(),
    )
    marked = RawSQL(  # noqa: S611  # nosec B611  # the query texts are parameters
        f"(SELECT snippet({fts}, -1, char(2), char(3), '…', 24) FROM {fts} WHERE {fts} MATCH "  # noqa: S608  # nosec B608
        f"CASE WHEN {table}.in_english THEN %s ELSE %s END AND {fts}.rowid = {table}.id)",
        [english, own],
        output_field=models.TextField(),
    )
    return documents.annotate(rank=rank, marked=marked)


def snippet(marked, summary, body, query, language, in_english):
    """
    The snippet of a result, safe HTML with the matched words in ``<mark>``.

    The database marks its own matches (``ts_headline``, FTS5 ``snippet()``)
    with two control characters that no stored text holds: the text is escaped
    first, then they become the tags. Where the database found no words of its
    own to mark (CJK bigrams, folded Vietnamese), the query's words are looked
    for in the plain text.
    """
    if marked and MARK_START in marked and (in_english or language not in CJK_LANGUAGES | {"vi"}):
        text = escape(marked).replace(ANGLE_STAND_INS[0], "&lt;").replace(ANGLE_STAND_INS[1], "&gt;")
        return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308  # nosec B308 B703
    return literal_snippet(f"{summary} {body}".strip(), query)


def literal_snippet(text, query):
    """A window of ``text`` around the first of the query's words, each occurrence in ``<mark>``."""
    words = sorted({word for excluded, words in parse_query(query) if not excluded for word in words}, key=len)
    if not words or not text:
        return ""
    pattern = re.compile("|".join(re.escape(word) for word in reversed(words)), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CONTEXT // 2) if first else 0
    window = text[start : start + SNIPPET_CONTEXT * 2]
    parts, position = [], 0
    for match in pattern.finditer(window):
        parts += [escape(window[position : match.start()]), format_html("<mark>{}</mark>", match.group())]
        position = match.end()
    parts.append(escape(window[position:]))
    prefix = "…" if start else ""
    suffix = "…" if start + len(window) < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308  # nosec B308 B703  # every part escaped


def mark_published(model, pks, published):
    """Follow a change of status made without save() (the admin's actions) in the documents."""
    SearchDocument.objects.filter(kind=model._meta.label, article_pk__in=list(pks)).update(published=published)


def rebuild_all(models_to_index):
    """Rebuild the documents of every article of ``models_to_index``; return how many articles."""
    count = 0
    for model in models_to_index:
        for article in model.objects.select_related(*model.list_related).prefetch_related("tags").iterator(500):
            index_article(article)
            count += 1
    return count
