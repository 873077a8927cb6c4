"""
Lists that mix every kind of article (news and relation articles alike).

The kinds are found, not named: every installed model built on
``ArticleBase`` takes part, so ``news`` need not import the apps that add one.
A mixed list costs a fixed number of queries: one UNION for the page of keys
(plus one to count it) and one per kind of article for the objects.
"""

from django.apps import apps
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Value

from core.languages import in_reader_language

from .models import ArticleBase


def article_models():
    """Return every concrete article model, news first."""
    return sorted(
        (model for model in apps.get_models() if issubclass(model, ArticleBase)),
        key=lambda model: model._meta.app_label != "news",
    )


def published_keys(condition=None, limit=None):
    """
    Return an ordered UNION of (pk, kind, publish_date) over every kind.

    ``condition`` filters every kind alike (a ``Q``), or is a function of the
    model that gives each kind its own ``Q``, or None to leave the kind out
    (a section's feed: news of that section, and the kinds listed under it).

    With ``limit`` (the newest few, as the home page and the feeds show),
    each kind gives its own newest ``limit`` first where the database allows
    a limit inside a UNION (PostgreSQL): each part is then an index scan that
    stops early, instead of every published row sorted to keep a few.
    SQLite's planner needs no help there, and allows none.
    """
    parts = []
    for model in article_models():
        queryset = model.objects.published()
        own = condition(model) if callable(condition) else condition
        if callable(condition) and own is None:
            continue
        if own is not None:
            queryset = queryset.filter(own)
        keys = queryset.order_by().annotate(kind=Value(model._meta.label))
        parts.append(keys.values_list("pk", "kind", "publish_date"))
    if limit is not None and len(parts) > 1 and connections[parts[0].db].features.supports_slicing_ordering_in_compound:
        parts = [part.order_by("-publish_date", "-pk")[:limit] for part in parts]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("-publish_date", "-pk")


def load_articles(keys, without=("body",)):
    """
    Turn (pk, kind, date) rows into article objects, in the same order, read
    in the reader's language (and English) alone, without the fields named in
    ``without`` (a list shows no body).
    """
    keys = list(keys)
    wanted = {}
    for pk, kind, _date in keys:
        wanted.setdefault(kind, []).append(pk)
    found = {}
    for kind, pks in wanted.items():
        model = apps.get_model(kind)
        queryset = model.objects.filter(pk__in=pks).select_related(*model.list_related)
        for article in in_reader_language(queryset, without=without):
            found[(kind, article.pk)] = article
    return [found[(kind, pk)] for pk, kind, _date in keys if (kind, pk) in found]


def latest_articles(limit, condition=None):
    return load_articles(published_keys(condition, limit)[:limit])


class MixedPaginator(Paginator):
    """A paginator over ``published_keys`` whose pages hold article objects."""

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(load_articles(object_list), number, paginator)
