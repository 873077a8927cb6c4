"""
The newsroom dashboard on the admin's home page: my drafts, awaiting review,
scheduled, recently published, and translations outdated or partial.

Each box counts the articles of every kind the user may view, names the few
most pressing, and links to each kind's change list filtered to the same
articles (the filters of ``news.admin.ArticleAdminBase``). The cost is fixed
whatever the number of articles: per kind, one query for the counts, one per
box for its few articles, and one for the translations.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.languages import localized

from .articles import article_models
from .models import ArticleBase
from .translation_status import TRANSLATION_PROBLEMS, translation_problems

Status = ArticleBase.Status
# Articles named in each box; the link leads to all of them.
BOX_SIZE = 5
RECENT_DAYS = 7


def boxes(user, now):
    """The boxes of the dashboard: (key, title, condition, ordering, change-list filter)."""
    since = now - timedelta(days=RECENT_DAYS)
    return [
        (
            "mine",
            _("My drafts"),
            Q(status=Status.DRAFT, author=user),
            ("-updated", "-pk"),
            {"status__exact": Status.DRAFT, "author__id__exact": user.pk},
        ),
        ("review", _("Awaiting review"), Q(status=Status.REVIEW), ("updated", "pk"), {"status__exact": Status.REVIEW}),
        (
            "scheduled",
            _("Scheduled"),
            Q(status=Status.PUBLISHED, publish_date__gt=now),
            ("publish_date", "pk"),
            {"publication": "scheduled"},
        ),
        (
            "recent",
            _("Recently published"),
            Q(status=Status.PUBLISHED, publish_date__lte=now, publish_date__gte=since),
            ("-publish_date", "-pk"),
            {"publication": "recent"},
        ),
    ]


def changelist_url(model, filters):
    opts = model._meta
    return f"{reverse(f'admin:{opts.app_label}_{opts.model_name}_changelist')}?{urlencode(filters)}"


def change_url(article):
    opts = article._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk])


def viewable_kinds(request, site):
    return [
        model
        for model in article_models()
        if site.is_registered(model) and site.get_model_admin(model).has_view_permission(request)
    ]


# The boxes whose few articles come oldest first: what has waited longest, what comes next.
OLDEST_FIRST = {"review", "scheduled"}


def newsroom(request, site):
    """The dashboard's boxes for ``request.user``: a list of dicts (key, title, total, items, links)."""
    kinds = viewable_kinds(request, site)
    if not kinds:
        return []
    now = timezone.now()
    titles = {localized("title", code) for code in (get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)}
    columns = ("pk", "status", "publish_date", "updated", *titles)
    definitions = boxes(request.user, now)
    found = {key: {"key": key, "title": title, "total": 0, "items": [], "links": []} for key, title, *_ in definitions}
    translations = {"key": "translations", "title": _("Translations to update"), "total": 0, "items": [], "links": []}
    for model in kinds:
        counts = model.objects.aggregate(
            **{key: Count("pk", filter=condition) for key, _t, condition, *_ in definitions}
        )
        for key, _title, condition, ordering, filters in definitions:
            box = found[key]
            box["total"] += counts[key]
            box["links"].append(
                {"label": model._meta.verbose_name_plural, "count": counts[key], "url": changelist_url(model, filters)}
            )
            for article in model.objects.filter(condition).order_by(*ordering).only(*columns)[:BOX_SIZE]:
                dated = key in ("scheduled", "recent")
                box["items"].append(
                    {
                        "title": article.title,
                        "kind": model._meta.verbose_name,
                        "url": change_url(article),
                        "date": article.publish_date if dated else article.updated,
                    }
                )
        problems = translation_problems(model.objects.all())
        translations["total"] += len(problems)
        for problem, label in TRANSLATION_PROBLEMS.items():
            translations["links"].append(
                {
                    "label": model._meta.verbose_name_plural,
                    "problem": label,
                    "count": sum(1 for languages in problems.values() if languages[problem]),
                    "url": changelist_url(model, {"translation": problem}),
                }
            )
    for box in found.values():
        oldest_first = box["key"] in OLDEST_FIRST
        box["items"] = sorted(box["items"], key=lambda item: item["date"], reverse=not oldest_first)[:BOX_SIZE]
    return [*found.values(), translations]
