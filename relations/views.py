from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from news.views import ArticleDetailView as NewsArticleDetailView

from .models import Article, Country, Summit


class CountryListView(ListView):
    template_name = "relations/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return Country.objects.prefetch_related(
            Prefetch(
                "articles",
                queryset=Article.objects.published().select_related("country"),
                to_attr="published_articles",
            )
        )


class CountryDetailView(DetailView):
    template_name = "relations/country_detail.html"
    context_object_name = "country"
    slug_url_kwarg = "country"

    def get_queryset(self):
        return Country.objects.prefetch_related(
            Prefetch(
                "articles",
                queryset=Article.objects.published().select_related("country", "lead_image"),
                to_attr="published_articles",
            ),
            Prefetch(
                "summits",
                queryset=Summit.objects.select_related("photo", "article", "article__country"),
            ),
            "trade_figures",
        )


class ArticleDetailView(NewsArticleDetailView):
    model = Article
    template_name = "relations/article_detail.html"

    def get_related_articles(self):
        """Other articles about the same partner."""
        return Article.objects.published().filter(country=self.object.country)

    def get_context_data(self, **kwargs):
        summits = self.object.summits.select_related("photo")
        return super().get_context_data(summits=summits, country=self.object.country, **kwargs)
