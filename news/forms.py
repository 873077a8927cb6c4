from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
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
