from django import forms
from django.utils.translation import gettext_lazy as _

from .articles import article_models


def kind_choices():
    return [(model._meta.label_lower, model._meta.verbose_name_plural) for model in article_models()]


def filter_slug(label, error):
    """A filter naming a section or a partner by its slug; an unknown one finds nothing."""
    return forms.SlugField(label=label, required=False, max_length=250, error_messages={"invalid": error})


class SearchForm(forms.Form):
    """The words sought and, optionally, what to narrow the results to (news.search.FACETS)."""

    q = forms.CharField(
        label=_("Search"),
        min_length=2,
        max_length=100,
        strip=True,
        error_messages={
            "required": _("Type a word to search for."),
            "min_length": _("Type at least %(limit_value)d characters."),
            "max_length": _("Type at most %(limit_value)d characters."),
        },
    )
    section = filter_slug(_("Section"), _("Choose a section from the list."))
    partner = filter_slug(_("Partner"), _("Choose a partner from the list."))
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2200,
        error_messages={
            "invalid": _("Choose a year from the list."),
            "min_value": _("Choose a year from the list."),
            "max_value": _("Choose a year from the list."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=kind_choices,
        error_messages={"invalid_choice": _("Choose a kind from the list.")},
    )

    def filters(self):
        """The chosen filters, by facet name."""
        return {name: self.cleaned_data.get(name) for name in ("section", "partner", "year", "kind")}
