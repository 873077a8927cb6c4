"""
The scale section of ``make bench`` (``python -m tests.bench_scale``): each
public page on the demo, then on the same database grown to 10,000 news
articles and 200 partners, rendered from scratch (nothing cached, as after an
edit) in the same run; the target is every page within 1.5x of its demo time,
and a list's deep page within 1.5x of its first.

The content is generated with ``bulk_create`` (every article with its
translation record, as a save would write it, and its tags), not through
``save()``: what is timed is reading it. Search is measured apart, over as
many documents, by ``tests.bench_search``. Run once for the database
``DATABASE_URL`` names, or SQLite without it; ``make bench`` runs it for both.
"""

import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from tests.bench import count_queries, create_database, print_columns, start_django, timings

NEWS_ARTICLES = 10_000
DEMO_NEWS_ARTICLES = 10
# A middle size at which every list already fills its first page (the demo's lists hold less than a page).
MIDDLE_NEWS_ARTICLES = 1_000
MIDDLE_PARTNERS = 20
PARTNERS = 200
ARTICLES_PER_PARTNER = 3
BATCH = 500
TARGET = 1.5


def grow(news, partner_count, first=0, first_partner=0):
    """Add ``news`` news articles over the demo's sections and tags, and ``partner_count`` partners with theirs."""
    from django.db import transaction
    from django.utils import timezone

    from news.models import Article, Section, Tag
    from relations.models import Article as RelationArticle
    from relations.models import Partner, Summit, TradeFigure

    now = timezone.now()
    sections = list(Section.objects.all())
    tags = list(Tag.objects.all())

    def article(model, number, **values):
        made = model(
            slug=f"generated-{model._meta.app_label}-{number}",
            title_en=f"Generated article number {number}",
            title_fr=f"Article généré numéro {number}" if number % 2 else "",
            summary_en=f"The summary of generated article {number}.",
            body_en="".join(f"<p>Paragraph {line} of generated article {number}.</p>" for line in range(8)),
            body_fr=f"<p>Texte {number}</p>" if number % 2 else "",
            status=model.Status.PUBLISHED,
            publish_date=now - timedelta(minutes=10 + number),
            **values,
        )
        made.track_translations()
        return made

    with transaction.atomic():
        for start in range(first, first + news, BATCH):
            batch = Article.objects.bulk_create(
                article(Article, number, section=sections[number % len(sections)])
                for number in range(start, min(start + BATCH, first + news))
            )
            Article.tags.through.objects.bulk_create(
                Article.tags.through(article_id=made.pk, tag_id=tags[index % len(tags)].pk)
                for index, made in enumerate(batch)
            )
        partners = Partner.objects.bulk_create(
            Partner(slug=f"generated-partner-{number}", name_en=f"Generated partner {number}", position=100 + number)
            for number in range(first_partner, first_partner + partner_count)
        )
        RelationArticle.objects.bulk_create(
            article(RelationArticle, (first_partner + index) * ARTICLES_PER_PARTNER + number, partner=partner)
            for index, partner in enumerate(partners)
            for number in range(ARTICLES_PER_PARTNER)
        )
        Summit.objects.bulk_create(
            Summit(partner=partner, date=(now - timedelta(days=index)).date(), place_en="Seoul", leaders_en="Leaders")
            for index, partner in enumerate(partners)
        )
        TradeFigure.objects.bulk_create(TradeFigure(partner=partner, year=2024, total=10**9) for partner in partners)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def demo_pages():
    """The pages measured at both sizes: the demo's own, which grow with the content added under them."""
    from news.models import Article, Section, Tag
    from relations.models import Article as RelationArticle
    from relations.models import Partner

    article = Article.objects.published().select_related("section").first()
    return {
        "home": "/en/",
        "latest news": "/en/news/",
        "section": Section.objects.filter(articles__isnull=False).first().get_absolute_url(),
        "tag": Tag.objects.filter(news_articles__isnull=False).first().get_absolute_url(),
        "news article": article.get_absolute_url(),
        "relation article": RelationArticle.objects.published().first().get_absolute_url(),
        "partners": "/en/world/",
        "partner": Partner.objects.order_by("position", "slug").first().get_absolute_url(),
        "html sitemap": "/en/sitemap/",
        "feed": "/feeds/en/latest/",
        "sitemap.xml": "/sitemap.xml",
        "sitemap of articles": "/sitemap-articles.xml",
    }


def deep_pages():
    """Deep pages of the lists at 10k, each with the first page it is compared with."""
    from news.models import Article

    section = Article.objects.values_list("section__slug", flat=True).first()
    return {
        "latest news, page 500": ("/en/news/?page=500", "latest news"),
        "section, page 80": (f"/en/news/{section}/?page=80", "section"),
        "partners, page 9": ("/en/world/?page=9", "partners"),
        "sitemap of articles, part 250": ("/sitemap-articles.xml?p=250", "sitemap of articles"),
    }


def measure(client, urls, requests, seconds):
    from korea_portal.cache import forget_content

    results = {}
    for name, url in urls.items():
        forget_content()
        queries = count_queries(client, url)
        size = len(client.get(url).content)
        results[name] = (queries, statistics.median(timings(client, url, forget_content, requests, seconds)), size)
    return results


def print_table(demo, middle, scaled, deep, out):
    header = ("page", "queries", "demo ms", "1k ms", "10k queries", "10k ms", "10k/demo", "10k/1k", "10k HTML", "")
    lines = [header]
    for name, (queries, median, _size) in demo.items():
        big_queries, big_median, big_size = scaled[name]
        ratio = big_median / median
        verdict = "ok" if ratio <= TARGET else f"over {TARGET}x"
        lines.append(
            (name, str(queries), f"{median:.1f}", f"{middle[name][1]:.1f}", str(big_queries), f"{big_median:.1f}")
            + (f"{ratio:.2f}", f"{big_median / middle[name][1]:.2f}", f"{big_size / 1024:.0f} KB", verdict)
        )
    for name, (queries, median, size) in deep.items():
        ratio = median / scaled[deep_pages()[name][1]][1]
        verdict = "ok" if ratio <= TARGET else f"over {TARGET}x"
        lines.append(
            (name, "", "", "", str(queries), f"{median:.1f}", f"{ratio:.2f} of page 1", "", f"{size / 1024:.0f} KB")
            + (verdict,)
        )
    print_columns(lines, out)


def main(out=sys.stdout):
    import os

    requests = int(os.environ.get("BENCH_REQUESTS", "20"))
    seconds = float(os.environ.get("BENCH_SECONDS", "5"))
    with tempfile.TemporaryDirectory(prefix="portal-bench-scale-") as directory:
        workdir = Path(directory)
        start_django(workdir)
        import io

        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        original_name = create_database(workdir)
        try:
            # The demo's partners and relation articles, and ten news articles: one in each section.
            call_command("load_demo", "--no-editor", stdout=io.StringIO())
            grow(DEMO_NEWS_ARTICLES, 0)
            client = Client()
            urls = demo_pages()
            demo = measure(client, urls, requests, seconds)
            started = time.perf_counter()
            grow(MIDDLE_NEWS_ARTICLES - DEMO_NEWS_ARTICLES, MIDDLE_PARTNERS, first=DEMO_NEWS_ARTICLES)
            middle = measure(client, urls, requests, seconds)
            grow(
                NEWS_ARTICLES - MIDDLE_NEWS_ARTICLES,
                PARTNERS - MIDDLE_PARTNERS,
                first=MIDDLE_NEWS_ARTICLES,
                first_partner=MIDDLE_PARTNERS,
            )
            built = time.perf_counter() - started
            scaled = measure(client, urls, requests, seconds)
            deep = measure(client, {name: url for name, (url, _first) in deep_pages().items()}, requests, seconds)
            print(
                f"Scale: {connection.vendor}, the demo (and ten news articles), then {MIDDLE_NEWS_ARTICLES:,} and "
                f"{NEWS_ARTICLES:,} news articles and {MIDDLE_PARTNERS} and {PARTNERS} partners more (built in "
                f"{built:.0f} s); each page rendered with nothing cached, median of up to {requests} requests or "
                f"{seconds:g} s; target: within {TARGET}x of the demo, a deep page within {TARGET}x of the first. "
                "At 1k every list fills its first page, which the demo's do not.\n",
                file=out,
            )
            print_table(demo, middle, scaled, deep, out)
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
