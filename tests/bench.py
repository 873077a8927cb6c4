"""
Benchmark the public pages: ``make bench`` (or ``python -m tests.bench``).

Builds a separate benchmark database (a temporary SQLite file, or a
``korea_portal_bench`` database beside the one ``DATABASE_URL`` names; both are
dropped at the end), loads the demo content into it and adds a realistic
amount more: 500 news articles over the ten sections with tags and lead
images, and 50 partners with relation articles, summits and trade figures.
Then it asks each main page through Django's test client and prints, per
page, the queries of one request and the median and 95th-percentile times:

- *cold*: the page rendered, with the page cache and the cached header just
  forgotten, as after an editor saves something;
- *uncached*: the page rendered, not in the page cache but with the header
  cached, as for a logged-in reader or a crawler asking for a page nobody
  asked for since the last change: the issue's "uncached" target is this
  column's ratio to the ceiling;
- *warm*: the page served to an anonymous visitor from the page cache.

Each measurement is bounded: ``BENCH_REQUESTS`` requests (20 by default) or
``BENCH_SECONDS`` seconds (5) per page and state, whichever comes first, and
never fewer than three. A search section follows (``tests.bench_search``):
10,000 generated documents in ten languages and the time of the search
query itself, and a mail section (``tests.bench_mail``): sign-up and
password reset for an address with an account and one without, with the
mail task run in the process and queued. Nothing leaves the machine; with ``REDIS_URL`` the
cache is Redis, under its own key prefix.
"""

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = 500
PARTNERS = 50
ARTICLES_PER_PARTNER = 3
SUMMITS_PER_PARTNER = 2
FIGURES_PER_PARTNER = 4
IMAGES = 12
SEARCH_WORD = "Harbour"


def prepare_environment(workdir):
    """Point media and the cache away from the site's own, before Django reads the settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "korea_portal.settings")
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DJANGO_CACHE_PREFIX"] = os.environ.get("DJANGO_CACHE_PREFIX", "portal") + "-bench"


def create_database(workdir):
    """Create the benchmark database and migrate it; return the name to restore afterwards."""
    from django.conf import settings
    from django.db import connection

    test_settings = settings.DATABASES["default"].setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(workdir / "bench.sqlite3")
    else:
        test_settings["NAME"] = "korea_portal_bench"
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return original_name


def add_content():
    """Add the demo content and the benchmark's own, much larger, on top."""
    import io
    import itertools
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from news.models import Section, Tag
    from tests.factories import (
        image_upload,
        make_article,
        make_image,
        make_partner,
        make_relation_article,
        make_summit,
        make_tag,
        make_trade_figure,
    )

    call_command("load_demo", "--no-editor", stdout=io.StringIO())
    now = timezone.now()
    with transaction.atomic():
        images = [
            make_image(file=image_upload(width=1200, height=800, color=(index * 20, 59, 128)))
            for index in range(IMAGES)
        ]
        sections = list(Section.objects.all())
        tags = list(Tag.objects.all()) + [make_tag(name_en=f"Keyword {index}") for index in range(20)]
        hours = itertools.count(1)
        for index in range(ARTICLES):
            word = SEARCH_WORD if index % 5 == 0 else "Seoul"
            article = make_article(
                section=sections[index % len(sections)],
                lead_image=images[index % IMAGES],
                publish_date=now - timedelta(hours=next(hours)),
                title_en=f"{word} news number {index}",
                title_fr=f"Nouvelle numéro {index}" if index % 2 else "",
                body_fr=f"<p>Texte {index}</p>" if index % 2 else "",
                body_en="".join(f"<p>{word} paragraph {line} of article {index}.</p>" for line in range(8)),
            )
            article.tags.set(tags[index % len(tags) : index % len(tags) + 3])
        for index in range(PARTNERS):
            partner = make_partner(name_en=f"Partner {index}", established_year=1950 + index)
            for number in range(ARTICLES_PER_PARTNER):
                relation = make_relation_article(
                    partner=partner,
                    lead_image=images[number % IMAGES],
                    publish_date=now - timedelta(hours=next(hours)),
                    title_en=f"Korea and partner {index}: {SEARCH_WORD} talks {number}",
                )
                relation.tags.set(tags[number : number + 2])
            for number in range(SUMMITS_PER_PARTNER):
                make_summit(
                    partner=partner,
                    article=relation,
                    photo=images[number % IMAGES],
                    date=(now - timedelta(days=30 * (index + number))).date(),
                )
            for year in range(2019, 2019 + FIGURES_PER_PARTNER):
                make_trade_figure(partner=partner, year=year, total=(index + 1) * 1_000_000_000, bound="about")


def pages():
    """The main public pages, each named and addressed."""
    from news.models import Article, Section, Tag
    from relations.models import Article as RelationArticle
    from relations.models import Partner

    article = Article.objects.published().select_related("section").first()
    relation = RelationArticle.objects.published().select_related("partner").first()
    section = Section.objects.filter(articles__isnull=False).first()
    tag = Tag.objects.filter(news_articles__isnull=False).first()
    partner = Partner.objects.order_by("position", "slug").first()
    return {
        "home": "/en/",
        "latest news": "/en/news/",
        "section": section.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "news article": article.get_absolute_url(),
        "print view": article.tool_urls["print"],
        "relation article": relation.get_absolute_url(),
        "partners": "/en/world/",
        "partner": partner.get_absolute_url(),
        "search": f"/en/search/?q={SEARCH_WORD}",
        "html sitemap": "/en/sitemap/",
        "feed": "/feeds/en/latest/",
        "sitemap.xml": "/sitemap.xml",
        "sitemap of articles": "/sitemap-articles.xml",
        "home (French)": "/fr/",
    }


TRANSACTION_STATEMENTS = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    # The request's own transaction (ATOMIC_REQUESTS: BEGIN, COMMIT) reads nothing:
    # counted apart, as in tests/test_query_counts.py.
    return sum(1 for query in queries if not query["sql"].upper().startswith(TRANSACTION_STATEMENTS))


def timings(client, url, before_each, requests, seconds):
    """Time up to ``requests`` GETs of ``url`` (at least three, at most ``seconds`` in all), in milliseconds."""
    results = []
    deadline = time.perf_counter() + seconds
    while len(results) < requests and (len(results) < 3 or time.perf_counter() < deadline):
        before_each()
        start = time.perf_counter()
        client.get(url)
        results.append((time.perf_counter() - start) * 1000)
    return results


def percentile(values, fraction):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure_ceiling(client, requests, seconds):
    """The median time of the bare view of ``tests.bench_ceiling``, in milliseconds."""
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF="tests.bench_ceiling"):
        return statistics.median(timings(client, "/ceiling/", lambda: None, requests, seconds))


def measure(requests, seconds):
    from django.test import Client

    from korea_portal.cache import forget_content, start_page_generation

    client = Client()
    rows = []
    for name, url in pages().items():
        forget_content()
        cold_queries = count_queries(client, url)
        cold = timings(client, url, forget_content, requests, seconds)
        uncached = timings(client, url, start_page_generation, requests, seconds)
        client.get(url)
        warm_queries = count_queries(client, url)
        warm = timings(client, url, lambda: None, requests, seconds)
        rows.append((name, cold_queries, cold, uncached, warm_queries, warm))
    return rows


def print_table(rows, ceiling, out=sys.stdout):
    header = (
        "page", "queries", "cold median", "cold p95", "cold/ceiling", "uncached median", "uncached/ceiling",
        "warm queries", "warm median", "warm p95", "warm/ceiling", "requests",
    )  # fmt: skip
    lines = [header]
    for name, cold_queries, cold, uncached, warm_queries, warm in rows:
        lines.append(
            (
                name,
                str(cold_queries),
                f"{statistics.median(cold):.1f} ms",
                f"{percentile(cold, 0.95):.1f} ms",
                f"{ceiling / statistics.median(cold):.2f}",
                f"{statistics.median(uncached):.1f} ms",
                f"{ceiling / statistics.median(uncached):.2f}",
                str(warm_queries),
                f"{statistics.median(warm):.1f} ms",
                f"{percentile(warm, 0.95):.1f} ms",
                f"{ceiling / statistics.median(warm):.2f}",
                f"{len(cold)}+{len(uncached)}+{len(warm)}",
            )
        )
    print_columns(lines, out)


def print_columns(lines, out):
    """Print rows of cells as a table: the first row a header, the first column left-aligned, the others right."""
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    for number, line in enumerate(lines):
        numbers = zip(line[1:], widths[1:], strict=True)
        cells = [line[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in numbers]
        print("  ".join(cells).rstrip(), file=out)
        if number == 0:
            print("  ".join("-" * width for width in widths), file=out)


def start_django(workdir):
    """Set Django up for a benchmark in ``workdir``, quiet and serving the test client; return notes on the run."""
    prepare_environment(workdir)
    import django

    django.setup()
    import logging

    from django.conf import settings

    # The tasks' one line per mail and per image would drown the tables.
    for name in ("core.tasks", "news.tasks"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    notes = []
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        # Run without collected static files (make bench collects them first).
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        notes.append("static files not collected: plain storage, not the manifest.")
    return notes


def main():
    requests = int(os.environ.get("BENCH_REQUESTS", "20"))
    seconds = float(os.environ.get("BENCH_SECONDS", "5"))
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as directory:
        workdir = Path(directory)
        notes = start_django(workdir)
        from django.conf import settings
        from django.db import connection

        original_name = create_database(workdir)
        try:
            started = time.perf_counter()
            add_content()
            print(
                f"Benchmark database: {connection.vendor}, {ARTICLES} news articles, {PARTNERS} more partners "
                f"(built in {time.perf_counter() - started:.1f} s); cache: {settings.CACHES['default']['BACKEND']}; "
                f"up to {requests} requests or {seconds:g} s per page and state.\n"
                "cold: rendered, nothing cached; uncached: rendered, the header cached (a logged-in reader); "
                "warm: an anonymous visitor served from the page cache.\n"
                + "".join(f"Note: {note}\n" for note in notes)
            )
            from django.test import Client

            ceiling = measure_ceiling(Client(), requests * 5, seconds)
            print(
                f"Ceiling: a bare Django view rendering a small template, same middleware: {ceiling:.2f} ms "
                "(median); x/ceiling is the ceiling's time over the page's (1.0: as fast as the ceiling).\n"
            )
            print_table(measure(requests, seconds), ceiling)
            from tests.bench_search import search_section

            search_section(sys.stdout)
            from tests.bench_mail import mail_section

            mail_section(sys.stdout)
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
