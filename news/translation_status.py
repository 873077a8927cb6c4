"""
The admin's translation-status page: every article of every kind, with the
state of each of its translations (translated, partial, outdated, missing),
and its title in the admin's language where it has one (else in English).

A language is "partial" when some of the texts the English version has are
translated but not all (a title and a summary, no body), and "outdated"
when the English text changed after the translation was last written
(``ArticleBase.translation_state``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View

from core.languages import localized, native_name

from .articles import article_models
from .models import TranslationState

# Rows of the translation-status page shown at once.
PAGE_SIZE = 50


def translation_languages():
    """Return (code, name) of every language an article is translated into."""
    return [(code, native_name(code)) for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationStatusForm(forms.Form):
    """The filters of the translation-status page; an invalid choice is reported and ignored."""

    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any state")), *TranslationState.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *translation_languages()]


def row_matches(row, language, state):
    """Whether a row of the status page has ``state`` in ``language`` (either may be empty: any)."""
    return any((not language or code == language) and (not state or found == state) for code, found in row["states"])


class TranslationStatusView(View):
    """
    List every article of every kind with the state of each translation.

    Staff see the kinds of article they may view; staff who may view none are
    refused. Every article is read (a few small columns, one query per kind)
    so that the totals and the filters cover them all; the rows are then
    shown ``PAGE_SIZE`` at a time. ``model_admin`` is the admin that serves
    the page (its site and options frame it).
    """

    model_admin = None

    def viewable_kinds(self, request):
        site = self.model_admin.admin_site
        return [
            model
            for model in article_models()
            if site.is_registered(model) and site.get_model_admin(model).has_view_permission(request)
        ]

    def rows(self, kinds, languages):
        """Return the rows of every article, newest change first, and the totals of each state by language."""
        rows = []
        totals = {code: dict.fromkeys(TranslationState.values, 0) for code, _name in languages}
        default = settings.LANGUAGE_CODE
        shown = get_language() if get_language() in dict(settings.LANGUAGES) else default
        titles = {localized("title", default), localized("title", shown)}
        fields = ("pk", *titles, "status", "updated", "translation_sources")
        for model in kinds:
            opts = model._meta
            for article in model.objects.only(*fields).order_by("-updated", "-pk"):
                states = [(code, article.translation_state(code)) for code, _name in languages]
                for code, state in states:
                    totals[code][state] += 1
                title = getattr(article, localized("title", shown)) or ""
                rows.append(
                    {
                        "title": title or getattr(article, localized("title", default)),
                        "title_language": shown if title else default,
                        "title_direction": "rtl" if title and shown in settings.LANGUAGES_BIDI else "ltr",
                        "kind": opts.verbose_name,
                        "status": article.get_status_display(),
                        "updated": article.updated,
                        "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk]),
                        "states": states,
                    }
                )
        rows.sort(key=lambda row: row["updated"], reverse=True)
        return rows, totals

    def get(self, request):
        kinds = self.viewable_kinds(request)
        if not kinds:
            raise PermissionDenied
        languages = translation_languages()
        form = TranslationStatusForm(request.GET or None)
        wanted_language = wanted_state = ""
        if form.is_valid():
            wanted_language, wanted_state = form.cleaned_data["language"], form.cleaned_data["state"]
        rows, totals = self.rows(kinds, languages)
        if wanted_language or wanted_state:
            rows = [row for row in rows if row_matches(row, wanted_language, wanted_state)]
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.model_admin.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model_admin.opts,
            "form": form,
            "languages": languages,
            "totals": [
                {"code": code, "name": name, "counts": [(state, totals[code][state]) for state in TranslationState]}
                for code, name in languages
            ],
            "page_obj": page,
            "filter_query": query.urlencode(),
            "states": TranslationState,
        }
        return TemplateResponse(request, "admin/translation_status.html", context)


# Outdated and partial translations, for the newsroom dashboard and the article lists' filter:
# both read from the record every save keeps (``ArticleBase.translation_state``), never the texts.
TRANSLATION_PROBLEMS = {
    TranslationState.OUTDATED.value: TranslationState.OUTDATED.label,
    TranslationState.PARTIAL.value: TranslationState.PARTIAL.label,
}


def translation_problems(queryset):
    """
    Return ``{pk: {"outdated": [codes], "partial": [codes]}}`` for the articles
    of ``queryset`` with an outdated or a partial translation: one query,
    reading the record of sources alone.
    """
    problems = {}
    codes = [code for code, _name in translation_languages()]
    for article in queryset.order_by().only("pk", "translation_sources"):
        states = {code: article.translation_state(code) for code in codes}
        found = {problem: [code for code in codes if states[code] == problem] for problem in TRANSLATION_PROBLEMS}
        if any(found.values()):
            problems[article.pk] = found
    return problems


def articles_with_translation_problem(queryset, problem):
    """The primary keys of the articles of ``queryset`` with a translation ``problem`` (outdated or partial)."""
    return [pk for pk, found in translation_problems(queryset).items() if found[problem]]
