from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.fragments import cached_lookup
from core.languages import in_reader_language

from .articles import MixedPaginator, latest_articles, load_articles, published_keys
from .forms import SearchForm
from .models import Article, Section, Tag
from .preview import mark_private
from .search import search_keys, snippet

PAGE_SIZE = 12
# The link that takes a search filter away, by facet.
REMOVE_FILTER_LABELS = {
    "section": _("All sections"),
    "partner": _("All partners"),
    "year": _("All years"),
    "kind": _("All kinds of article"),
}


class PublishedArticleMixin:
    """Find a published article of ``self.model`` from its URL's keyword arguments."""

    model = Article

    def get_object(self, queryset=None):
        lookup = self.model.url_lookup(**self.kwargs)
        queryset = in_reader_language(self.model.objects.published().select_related(*self.model.list_related))
        # Its tags are read by the page's cached text when it is rendered (no query when it is cached).
        # The article found is kept until the next edit (core.fragments); one not found is looked for every time.
        name = f"{self.model._meta.label}:{':'.join(f'{key}={value}' for key, value in sorted(lookup.items()))}"
        return cached_lookup(f"{name}:{get_language()}", lambda: get_object_or_404(queryset, **lookup))


class ArticleDetailView(PublishedArticleMixin, DetailView):
    """
    A published article; or, as a preview (``news.preview``), an article
    readers cannot see yet, to a user who may change it or through a shared
    link (``shared_preview``, the article the link shows).
    """

    template_name = "news/article_detail.html"
    context_object_name = "article"
    shared_preview = None

    def get_object(self, queryset=None):
        if self.shared_preview is not None:
            return self.shared_preview
        try:
            return super().get_object(queryset)
        except Http404:
            article = self.get_preview_object()
            if article is None:
                raise
            return article

    def get_preview_object(self):
        """The article of this URL, whatever its status, if the user may change it; else None."""
        user = self.request.user
        opts = self.model._meta
        # An anonymous visitor costs no query: only a logged-in user's permissions are looked up.
        if not user.is_authenticated or not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return None
        queryset = self.model.objects.select_related(*self.model.list_related).prefetch_related("tags")
        return queryset.filter(**self.model.url_lookup(**self.kwargs)).first()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.is_live:
            return response
        return mark_private(response)

    def get_related_articles(self):
        """Other recent articles of the same section."""
        return self.model.objects.published().filter(section=self.object.section)

    def related_articles(self):
        related = self.get_related_articles().exclude(pk=self.object.pk).select_related(*self.model.list_related)
        return list(in_reader_language(related, without=("body",))[:4])

    def get_context_data(self, **kwargs):
        lead_image = self.object.lead_image
        return super().get_context_data(
            # Read only when the page's cached fragment is not there to show them.
            related_articles=SimpleLazyObject(self.related_articles),
            # Not readable by visitors yet: the page says so (news.preview).
            preview=not self.object.is_live,
            # The navigation marks the section the article is listed under.
            current_section_slug=self.object.listed_section_slug,
            # The head's metadata: alternates in the languages it is written in alone, and its picture.
            page_type="article",
            page_languages=[code for code, _name in self.object.available_languages],
            page_image=lead_image.sharing_picture(self.request) if lead_image else None,
            **kwargs,
        )


class ArticlePrintView(PublishedArticleMixin, DetailView):
    """The article alone, for paper: no navigation, no tools, its URL at the foot."""

    context_object_name = "article"

    def get_template_names(self):
        # An app may add to the print view of its own kind of article.
        return [f"{self.model._meta.app_label}/article_print.html", "news/article_print.html"]

    def get_context_data(self, **kwargs):
        article_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(article_url=article_url, **kwargs)


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return in_reader_language(Article.objects.published().select_related(*Article.list_related), without=("body",))


class SectionView(ArticleListView):
    def get(self, request, *args, **kwargs):
        if self.kwargs["section"] in settings.SECTION_PAGES:
            return redirect(settings.SECTION_PAGES[self.kwargs["section"]])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["section"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, current_section_slug=self.section.slug, **kwargs)


class MixedListView(ListView):
    """A paginated list of every kind of article."""

    paginator_class = MixedPaginator
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_condition(self):
        return None

    def get_queryset(self):
        return published_keys(self.get_condition())


class TagView(MixedListView):
    template_name = "news/tag_detail.html"

    def get_condition(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["tag"])
        return Q(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SearchPaginator(MixedPaginator):
    """Pages of search results: the articles, each marked ``search_in_english`` when its English text matched."""

    def __init__(self, object_list, per_page, query="", language="en", **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.query, self.language = query, language

    def _get_page(self, object_list, number, paginator):
        rows = {(kind, pk): row for pk, kind, *row in object_list}
        # A result marks its snippet as English or not by the body's column in the reader's language.
        articles = load_articles(((pk, kind, row[0]) for (kind, pk), row in rows.items()), without=())
        for article in articles:
            _date, in_english, marked, summary, body = rows[(article._meta.label, article.pk)]
            article.search_snippet = snippet(marked, summary, body, self.query, self.language, in_english)
        return super(MixedPaginator, self)._get_page(articles, number, paginator)


class SearchView(MixedListView):
    """Search every kind of article, best match first; an empty query shows the form alone, without an error."""

    template_name = "news/search.html"
    paginator_class = SearchPaginator

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET if request.GET.get("q", "").strip() else None)
        response = super().get(request, *args, **kwargs)
        # Result pages are endless and change with the content: search engines are asked to leave them out.
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_paginator(self, queryset, per_page, **kwargs):
        query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        return super().get_paginator(queryset, per_page, query=query, language=get_language(), **kwargs)

    def get_queryset(self):
        if not self.form.is_valid():
            return []
        return search_keys(self.form.cleaned_data["q"], get_language(), self.form.filters())

    def get_facets(self, results):
        """
        Each facet's choices as links (the current filters kept, the page
        dropped) with their counts, and the filters in force with a link that
        removes each.
        """
        chosen = {name: value for name, value in self.form.filters().items() if value not in (None, "")}
        base = {"q": self.form.cleaned_data["q"], **chosen}
        facets = []
        for name, values in results.facets().items():
            choices = [
                {"label": label, "count": count, "url": "?" + urlencode({**base, name: value})}
                for value, label, count in values
            ]
            others = {key: value for key, value in base.items() if key != name}
            facets.append(
                {
                    "name": name,
                    "label": self.form.fields[name].label,
                    "choices": choices,
                    "active": name in chosen,
                    "remove_url": "?" + urlencode(others),
                    "remove_label": REMOVE_FILTER_LABELS[name],
                }
            )
        return facets

    def get_best_bets(self):
        """What ``settings.SEARCH_BEST_BETS`` finds for the query (the partners and summits it names)."""
        if not self.form.is_valid() or not getattr(settings, "SEARCH_BEST_BETS", None):
            return {}
        return import_string(settings.SEARCH_BEST_BETS)(self.form.cleaned_data["q"], get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form, query=self.form.data.get("q", ""), best_bets=self.get_best_bets(), **kwargs
        )
        if self.form.is_valid():
            context["facets"] = self.get_facets(self.object_list)
            # The pages keep the filters: the pagination links carry them after the query.
            context["filter_query"] = urlencode(
                {name: value for name, value in self.form.filters().items() if value not in (None, "")}
            )
        if self.form.is_valid() and not context["paginator"].count:
            # Nothing found: the same words among the English articles, and what is new instead.
            if get_language() != settings.LANGUAGE_CODE:
                english = translate_url(self.request.path, settings.LANGUAGE_CODE)
                context["english_search_url"] = f"{english}?{urlencode({'q': self.form.cleaned_data['q']})}"
            context["latest_articles"] = latest_articles(4)
        return context
