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

from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.db.models import Count, F, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import override

from core.languages import language_codes, text_in

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


def vector_config(language):
    """The configuration a text of ``language`` is indexed with (CJK bigrams are words of their own)."""
    return "simple" if language in CJK_LANGUAGES else config_for(language)


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
    # The title is the English one (the result says so); some field is (the English query is tried too).
    in_english = models.BooleanField(default=False)
    has_english = models.BooleanField(default=False)
    published = models.BooleanField(default=False)
    publish_date = models.DateTimeField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True)
    # What the results can be narrowed by (news.search.FACETS): the section the article is listed
    # under, and the partner it is about with its name in this document's language.
    section = models.SlugField(max_length=250, blank=True)
    partner = models.SlugField(max_length=250, blank=True)
    partner_name = models.CharField(max_length=250, blank=True)
    # PostgreSQL only: the weighted vector, written by store_index() (its GIN index: migration 0005).
    vector = TSVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "article_pk", "language"], name="one_search_document_per_language")
        ]

    def __str__(self):
        return f"{self.kind} {self.article_pk} ({self.language})"


SEARCHED_FIELDS = ("title", "summary", "body")


def field_languages(article, language):
    """
    The language each of ``article``'s searched fields is written in, in ``language``'s document.

    Field by field, as the article page shows it: a translated title and
    summary over an English body is searched in the reader's language for the
    first two and in English for the body.
    """
    english = settings.LANGUAGE_CODE

    def written(field):
        # A field empty in English too (no summary) is nobody's fallback.
        return text_in(article, field, language) or not text_in(article, field, english)

    return {field: language if written(field) else english for field in SEARCHED_FIELDS}


def index_article(article):
    """Rebuild the documents of ``article`` in every language (a draft's too, marked unpublished)."""
    kind = article._meta.label
    published = article.status == article.Status.PUBLISHED
    partner = article.search_partner
    for language in language_codes():
        languages = field_languages(article, language)
        english = {field for field, code in languages.items() if code != language}
        with override(language):
            partner_name = str(partner.name) if partner else ""
        document, _created = SearchDocument.objects.update_or_create(
            kind=kind,
            article_pk=article.pk,
            language=language,
            defaults={
                "in_english": "title" in english,
                "has_english": bool(english),
                "published": published,
                "publish_date": article.publish_date,
                **{field: plain_text(text_in(article, field, code)) for field, code in languages.items()},
                "extra": article.search_extra_text(language),
                "section": article.listed_section_slug,
                "partner": partner.slug if partner else "",
                "partner_name": partner_name,
            },
        )
        store_index(document, language, english)


def store_index(document, language, english_fields=()):
    """
    Write the database's own index of ``document`` (of ``language``), whose
    ``english_fields`` hold English text: each field is indexed as its own language's.
    """
    fields = ("title", "summary", "body", "extra")
    languages = [settings.LANGUAGE_CODE if name in english_fields else language for name in fields]
    texts = [index_text(getattr(document, name), code) for name, code in zip(fields, languages, strict=True)]
    if connection.vendor == "postgresql":
        # PostgreSQL's parser takes "<word" for the start of a tag and skips what follows: a text's own < and > go.
        params = []
        for text, code in zip(texts, languages, strict=True):
            params += [vector_config(code), text.replace("<", " ").replace(">", " ")]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {SearchDocument._meta.db_table} SET vector = "  # noqa: S608  # nosec B608  # constant names
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), 'B') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'C') || setweight(to_tsvector(%s::regconfig, %s), 'D') "
                "WHERE id = %s",
                [*params, document.pk],
            )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])  # noqa: S608  # nosec B608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, extra) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608  # nosec B608
                [document.pk, *texts],
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


FACETS = ("section", "partner", "year", "kind")
RESULT_COLUMNS = ("article_pk", "kind", "publish_date", "in_english", "marked", "summary", "body")


class SearchResults:
    """
    The published articles matching ``query`` in ``language``, best first,
    narrowed by ``filters`` (``{"section": slug, "partner": slug, "year": 2024, "kind": "news.article"}``).

    A sequence of rows (``RESULT_COLUMNS``) for a paginator: ``count()`` is one
    query, a slice is one query on PostgreSQL and at most three on SQLite, and
    ``facets()`` is one query per facet, whatever the number of matches.
    """

    def __init__(self, query, language, filters=None):
        self.language = language
        self.terms = parse_query(query)
        self.filters = {name: value for name, value in (filters or {}).items() if value not in (None, "")}
        self.own = self.english = None
        if any(not excluded for excluded, _words in self.terms):
            self.own_query, self.english_query = (
                (websearch_text(self.terms, language), websearch_text(self.terms, settings.LANGUAGE_CODE))
                if connection.vendor == "postgresql"
                else (fts5_text(self.terms, language), fts5_text(self.terms, settings.LANGUAGE_CODE))
            )
        else:
            self.own_query = self.english_query = None
        self.documents = self.matching() if self.own_query else SearchDocument.objects.none()

    def candidates(self, filters=None):
        """The published documents of the language, narrowed by ``filters`` (all of them by default)."""
        documents = SearchDocument.objects.filter(
            language=self.language, published=True, publish_date__lte=timezone.now()
        )
        return narrow(documents, self.filters if filters is None else filters)

    def matching(self, filters=None):
        """The candidates that match: in their own language, or in English where a field is English."""
        documents = self.candidates(filters)
        if connection.vendor == "postgresql":
            # Two plain conditions rather than one, so that the GIN index answers each.
            own = "vector @@ websearch_to_tsquery(%s::regconfig, %s)"
            condition, params = own, [config_for(self.language), self.own_query]
            if self.english_query != self.own_query or config_for(self.language) != "english":
                condition = f"({own} OR (has_english AND vector @@ websearch_to_tsquery('english'::regconfig, %s)))"
                params.append(self.english_query)
            return documents.filter(RawSQL(condition, params, output_field=models.BooleanField()))  # noqa: S611  # nosec B611  # parameters
        matching = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608  # nosec B608  # constant names
        condition = Q(pk__in=RawSQL(matching, [self.own_query]))  # noqa: S611  # nosec B611  # a parameter
        if self.english_query != self.own_query:
            condition |= Q(has_english=True, pk__in=RawSQL(matching, [self.english_query]))  # noqa: S611  # nosec B611
        return documents.filter(condition)

    def count(self):
        return self.documents.count()

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, window):
        if isinstance(window, int):
            rows = self[window : window + 1]
            if not rows:
                raise IndexError(window)
            return rows[0]
        if not self.own_query:
            return []
        if connection.vendor == "postgresql":
            return list(self.postgresql_ranked()[window])
        return self.sqlite_ranked(window)

    def explain(self):
        return self.postgresql_ranked().explain()

    def postgresql_ranked(self):
        """The matches ranked by ``ts_rank``, each with its ``ts_headline``, as rows."""
        own = "websearch_to_tsquery(%s::regconfig, %s)"
        own_params = [config_for(self.language), self.own_query]
        query = f"CASE WHEN has_english THEN {own} || websearch_to_tsquery('english'::regconfig, %s) ELSE {own} END"
        params = [*own_params, self.english_query, *own_params]
        rank = RawSQL(f"ts_rank(vector, {query})", params, output_field=models.FloatField())  # noqa: S611  # nosec B611  # parameters
        # The matched words between MARK_START and MARK_END, escaped and marked up by snippet().
        marked = RawSQL(  # noqa: S611  # nosec B611  # the query texts are parameters
            "ts_headline(CASE WHEN in_english THEN 'english'::regconfig ELSE %s::regconfig END, "
            f"translate(summary || ' ' || body, '<>', %s), {query}, %s)",
            [config_for(self.language), ANGLE_STAND_INS, *params, HEADLINE_OPTIONS],
            output_field=models.TextField(),
        )
        ranked = self.documents.annotate(rank=rank, marked=marked)
        return ranked.order_by("-rank", "-publish_date", "-article_pk").values_list(*RESULT_COLUMNS)

    def sqlite_ranked(self, window):
        """
        One page of matches ranked by ``bm25()``: the FTS5 table is read once
        per query form and joined to the candidates, then the page's snippets
        are made for its rows alone.
        """
        fts = FTS_TABLE
        hits = (
            f"SELECT rowid AS id, -bm25({fts}, 10.0, 5.0, 1.0, 1.0) AS rank, %s AS english "  # noqa: S608  # nosec B608
            f"FROM {fts} WHERE {fts} MATCH %s"
        )
        hit_params = [0, self.own_query]
        if self.english_query != self.own_query:
            hits += f" UNION ALL {hits}"
            hit_params += [1, self.english_query]
        columns = ("id", "article_pk", "kind", "publish_date", "in_english", "has_english", "summary", "body")
        candidates, candidate_params = self.candidates().values_list(*columns).query.sql_with_params()
        limit = -1 if window.stop is None else window.stop - (window.start or 0)
        # MATERIALIZED: bm25() is only allowed in the query that holds the MATCH, which SQLite would otherwise flatten.
        sql = (
            f"WITH h AS MATERIALIZED ({hits}) "  # noqa: S608  # nosec B608  # constant names and the ORM's SQL
            "SELECT d.id, d.article_pk, d.kind, d.publish_date, d.in_english, d.summary, d.body, MAX(h.rank) AS best "
            f"FROM h JOIN ({candidates}) d ON d.id = h.id WHERE h.english = 0 OR d.has_english "
            "GROUP BY d.id ORDER BY best DESC, d.publish_date DESC, d.article_pk DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*hit_params, *candidate_params, limit, window.start or 0])
            rows = cursor.fetchall()
        marks = self.sqlite_snippets(rows)
        date_column = SearchDocument._meta.get_field("publish_date").get_col(SearchDocument._meta.db_table)
        converters = connection.ops.get_db_converters(date_column)
        results = []
        for pk, article_pk, kind, date, in_english, summary, body, _rank in rows:
            for converter in converters:
                date = converter(date, date_column, connection)
            results.append((article_pk, kind, date, bool(in_english), marks.get(pk, ""), summary, body))
        return results

    def sqlite_snippets(self, rows):
        """The FTS5 ``snippet()`` of each row's document, by id: English rows from the English query."""
        fts = FTS_TABLE
        marks = {}
        for english, query in ((False, self.own_query), (True, self.english_query)):
            ids = [row[0] for row in rows if bool(row[4]) == english]
            if not ids:
                continue
            placeholders = ", ".join(["%s"] * len(ids))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, snippet({fts}, -1, char(2), char(3), '…', 24) FROM {fts} "  # noqa: S608  # nosec B608
                    f"WHERE {fts} MATCH %s AND rowid IN ({placeholders})",
                    [query, *ids],
                )
                marks.update(cursor.fetchall())
        return marks

    def facets(self):
        """
        For each facet, the (value, label, count) of the matches, most first:
        the counts of the results as they stand (every filter applied), so that
        choosing one gives as many results as it says.
        """
        if not self.own_query:
            return {name: [] for name in FACETS}
        documents = self.documents.order_by()
        text = models.CharField()
        groups = {
            "section": documents.exclude(section="").values("section").annotate(value=F("section"), label=F("section")),
            "partner": documents.exclude(partner="")
            .values("partner", "partner_name")
            .annotate(value=F("partner"), label=F("partner_name")),
            "year": documents.annotate(year=ExtractYear("publish_date"))
            .values("year")
            .annotate(value=Cast("year", text), label=Cast("year", text)),
            "kind": documents.values("kind").annotate(value=F("kind"), label=F("kind")),
        }
        # One query for the four: each group's (facet, value, label, count), in a UNION ALL.
        parts = [
            rows.annotate(facet=Value(name, text), count=Count("id")).values_list("facet", "value", "label", "count")
            for name, rows in groups.items()
        ]
        facets = {name: [] for name in FACETS}
        for name, value, label, count in parts[0].union(*parts[1:], all=True):
            facets[name].append([value, label, count])
        section_names = section_labels(value for value, _label, _count in facets["section"])
        for choice in facets["section"]:
            choice[1] = section_names.get(choice[0], choice[0])
        for choice in facets["kind"]:
            choice[0], choice[1] = choice[0].lower(), kind_label(choice[0])
        for name, choices in facets.items():
            if name == "year":
                choices.sort(key=lambda choice: choice[0], reverse=True)
            else:
                choices.sort(key=lambda choice: (-choice[2], str(choice[1])))
        return {name: [tuple(choice) for choice in choices] for name, choices in facets.items()}


def narrow(documents, filters):
    """``documents`` narrowed by the search's ``filters`` (see ``SearchResults``)."""
    if filters.get("section"):
        documents = documents.filter(section=filters["section"])
    if filters.get("partner"):
        documents = documents.filter(partner=filters["partner"])
    if filters.get("year"):
        documents = documents.filter(publish_date__year=filters["year"])
    if filters.get("kind"):
        documents = documents.filter(kind__iexact=filters["kind"])
    return documents


def section_labels(slugs):
    """The names of the sections ``slugs`` in the active language, by slug (one query)."""
    from .models import Section

    return {section.slug: section.name for section in Section.objects.filter(slug__in=list(slugs))}


def kind_label(label):
    """What a kind of article is called, in the plural: "News articles"."""
    return capfirst(apps.get_model(label)._meta.verbose_name_plural)


def search_keys(query, language, filters=None):
    """The ranked matches of ``query`` in ``language`` (see ``SearchResults``)."""
    return SearchResults(query, language, filters)


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
