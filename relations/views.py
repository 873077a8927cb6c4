import csv
import io
import json

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views import View
from django.views.generic import DetailView, ListView

from core.fragments import cached_lookup
from core.languages import in_reader_language, localized
from core.spreadsheets import spreadsheet_safe
from news.models import WORLD_SECTION_SLUG
from news.views import ArticleDetailView as NewsArticleDetailView

from .charts import build_trade_chart
from .formats import bounded_usd
from .models import Article, Partner

# The partners' page: partners a page, and each partner's latest articles (its own page lists them all).
PARTNERS_PER_PAGE = 24
ARTICLES_PER_PARTNER = 3


class PartnerListView(ListView):
    """
    The partners, a page at a time, each with its latest articles and trade:
    the same weight and queries whatever the number of partners and articles.
    An article is read with its title in the reader's language and English alone.
    """

    template_name = "relations/partner_list.html"
    context_object_name = "partners"
    paginate_by = PARTNERS_PER_PAGE

    def get_queryset(self):
        titles = {localized("title", code) for code in (get_language(), settings.LANGUAGE_CODE)}
        latest = Article.objects.published().only("slug", "partner", "publish_date", *titles)
        published = Q(articles__status=Article.Status.PUBLISHED, articles__publish_date__lte=timezone.now())
        partners = in_reader_language(Partner.objects.all())
        return partners.annotate(article_count=Count("articles", filter=published)).prefetch_related(
            Prefetch("articles", queryset=latest[:ARTICLES_PER_PARTNER], to_attr="published_articles"),
            "trade_figures",
        )

    def get_context_data(self, **kwargs):
        # The partners' page is the world section's page: it advertises that section's feeds.
        context = super().get_context_data(world_section_slug=WORLD_SECTION_SLUG, **kwargs)
        for partner in context["partners"]:
            partner.latest_trade = latest_trade(partner.trade_figures.all())
            if partner.latest_trade:
                partner.latest_trade_amount = bounded_usd(partner.latest_trade.two_way, partner.latest_trade.bound)
        return context


def latest_trade(figures):
    """Return the latest dated figure that states two-way trade, else an undated one, else None."""
    stated = [figure for figure in figures if figure.two_way is not None]
    dated = [figure for figure in stated if figure.year is not None]
    if dated:
        return max(dated, key=lambda figure: figure.year)
    return stated[0] if stated else None


class PartnerDetailView(DetailView):
    """
    A partner: its articles, summits and trade. They are read only when the
    page's cached fragment is not there to show them (korea_portal.cache).
    """

    template_name = "relations/partner_detail.html"
    context_object_name = "partner"
    slug_url_kwarg = "partner"

    def get_queryset(self):
        return in_reader_language(Partner.objects.all())

    def get_object(self, queryset=None):
        # The partner found is kept until the next edit (core.fragments).
        slug = self.kwargs[self.slug_url_kwarg]
        return cached_lookup(f"relations.Partner:slug={slug}:{get_language()}", super().get_object)

    def published_articles(self):
        articles = Article.objects.published().filter(partner=self.object).select_related("partner", "lead_image")
        return list(in_reader_language(articles, without=("body",)))

    def get_context_data(self, **kwargs):
        partner = self.object
        figures = SimpleLazyObject(lambda: list(partner.trade_figures.all()))
        return super().get_context_data(
            published_articles=SimpleLazyObject(self.published_articles),
            summits=SimpleLazyObject(lambda: list(in_reader_language(partner.summits.select_related("photo")))),
            trade_figures=figures,
            trade_chart=SimpleLazyObject(lambda: build_trade_chart(partner.name, figures)),
            **kwargs,
        )


TRADE_COLUMNS = (
    "partner",
    "year",
    "total_usd",
    "exports_usd",
    "imports_usd",
    "balance_usd",
    "share_percent",
    "bound",
    "source",
    "note",
)


def trade_record(partner, figure):
    """One figure as plain, machine-readable values; what the source does not state stays None."""
    return {
        "partner": partner.name,
        "year": figure.year,
        "total_usd": figure.total,
        "exports_usd": figure.exports,
        "imports_usd": figure.imports,
        "balance_usd": figure.balance,
        # A plain number (11.8), not the database's Decimal("11.80").
        "share_percent": None if figure.share is None else float(figure.share),
        "bound": figure.bound,
        "source": figure.source,
        "note": figure.note,
    }


class TradeDownloadView(View):
    """
    A partner's trade figures as a file, in the URL's language (partner name, source, note).

    Amounts are whole US dollars and the share a plain number, without any
    locale formatting; unknown values are empty (CSV) or null (JSON).
    """

    extension = None
    content_type = None

    def get(self, request, **kwargs):
        partner = get_object_or_404(Partner.objects.prefetch_related("trade_figures"), slug=kwargs["partner"])
        records = [trade_record(partner, figure) for figure in partner.trade_figures.all()]
        response = HttpResponse(self.render(partner, records), content_type=self.content_type)
        filename = f"korea-trade-{partner.slug}-{get_language()}.{self.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class TradeCSVView(TradeDownloadView):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def render(self, partner, records):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(TRADE_COLUMNS)
        for record in records:
            writer.writerow(["" if record[key] is None else spreadsheet_safe(record[key]) for key in TRADE_COLUMNS])
        return out.getvalue()


class TradeJSONView(TradeDownloadView):
    extension = "json"
    content_type = "application/json"

    def render(self, partner, records):
        document = {"partner": partner.name, "language": get_language(), "currency": "USD", "figures": records}
        return json.dumps(document, ensure_ascii=False, indent=2)


class ArticleDetailView(NewsArticleDetailView):
    model = Article
    template_name = "relations/article_detail.html"

    def get_related_articles(self):
        """Other articles about the same partner."""
        return Article.objects.published().filter(partner=self.object.partner)

    def get_context_data(self, **kwargs):
        summits = SimpleLazyObject(lambda: list(in_reader_language(self.object.summits.select_related("photo"))))
        return super().get_context_data(summits=summits, partner=self.object.partner, **kwargs)
