"""
The search section of ``make bench``: the query itself over 10,000 generated documents in ten languages.

Documents are written straight into the search index (``news.search``), as
``index_article`` writes them, without the articles behind them: what is timed
is the database's search (``search_keys``, its rows fetched), not a page.
"""

import random
import statistics
import time

DOCUMENTS = 10_000
REPEAT = 30
# Words of each language's generated texts: a common one in every text, a rare one in few.
VOCABULARY = {
    "en": ("trade", "export", "summit", "harbour", "ship", "energy", "culture", "festival"),
    "fr": ("échanges", "exportation", "sommet", "port", "navire", "énergie", "culture", "festival"),
    "de": ("Handel", "Export", "Gipfel", "Hafen", "Schiff", "Energie", "Kultur", "Fest"),
    "es": ("comercio", "exportación", "cumbre", "puerto", "barco", "energía", "cultura", "festival"),
    "ar": ("تجارة", "تصدير", "قمة", "ميناء", "سفينة", "طاقة", "ثقافة", "مهرجان"),
    "vi": ("thương mại", "xuất khẩu", "hội nghị", "cảng", "tàu", "năng lượng", "văn hóa", "lễ hội"),
    "ru": ("торговля", "экспорт", "саммит", "гавань", "судно", "энергия", "культура", "фестиваль"),
    "zh-hans": ("貿易", "出口", "峰会", "港口", "船舶", "能源", "文化", "节日"),
    "ja": ("貿易", "輸出", "首脳会談", "港湾", "船舶", "エネルギー", "文化", "祭り"),
    "ko": ("무역", "수출", "정상회담", "항구", "선박", "에너지", "문화", "축제"),
}
RARE = "zeppelin"
QUERIES = {
    "common word": ("en", "trade"),
    "rare word": ("en", RARE),
    "phrase": ("en", '"trade summit"'),
    "Korean two-character word": ("ko", "무역"),
}


def generate():
    """Write DOCUMENTS documents, a tenth in each language, and their index rows."""
    from django.db import transaction
    from django.utils import timezone

    from news.search import SearchDocument, store_index

    rng = random.Random(2026)  # noqa: S311  # nosec B311  # generated text, not a secret
    now = timezone.now()
    languages = list(VOCABULARY)
    with transaction.atomic():
        for number in range(DOCUMENTS):
            language = languages[number % len(languages)]
            words = VOCABULARY[language]
            joiner = "" if language in ("zh-hans", "ja") else " "
            body = joiner.join(rng.choice(words) for _ in range(120))
            if number % 500 == 0:
                body += f" {RARE}"
            document = SearchDocument.objects.create(
                kind="news.Article",
                article_pk=1_000_000 + number,
                language=language,
                published=True,
                publish_date=now,
                title=joiner.join(rng.sample(words, 3)),
                summary=joiner.join(rng.sample(words, 6)),
                body=body,
            )
            store_index(document, language)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE news_searchdocument")


def quantile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def search_section(out):
    """Generate the documents, then print the median and p95 of each query (and, on PostgreSQL, the index used)."""
    from django.db import connection

    from news.search import search_keys

    started = time.perf_counter()
    generate()
    print(
        f"\nSearch: {DOCUMENTS} generated documents in ten languages on {connection.vendor} "
        f"(written in {time.perf_counter() - started:.1f} s); the query itself, first page of 12, {REPEAT} times.",
        file=out,
    )
    print(f"{'query':<28} {'rows':>6} {'median ms':>10} {'p95 ms':>8}  index", file=out)
    for name, (language, query) in QUERIES.items():
        times = []
        for _ in range(REPEAT):
            begin = time.perf_counter()
            rows = list(search_keys(query, language)[:12])
            count = search_keys(query, language).count()
            times.append((time.perf_counter() - begin) * 1000)
        index = ""
        if connection.vendor == "postgresql":
            index = "GIN" if "search_doc_vector_gin" in search_keys(query, language).explain() else "none"
        median, p95 = statistics.median(times), quantile(times, 0.95)
        print(f"{name:<28} {count:>6} {median:>10.1f} {p95:>8.1f}  {index}", file=out)
        assert rows or not count  # noqa: S101  # nosec B101  # a page of a non-empty result has rows
