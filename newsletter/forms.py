"""The newsletter's form: an address, a language and, optionally, sections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.languages import native_choices
from core.mail import clean_normalised_email
from news.models import Section


class KnownChoicesField(forms.ModelMultipleChoiceField):
    """
    Choose rows of a small queryset by id; anything else is "not one of the available choices".

    The posted values are compared with the ids that exist before the
    database is asked for them, so an id out of the database's range
    (``99999999999999999999999``) is a form error, not a server error.
    """

    def clean(self, value):
        if isinstance(value, (list, tuple)):
            known = {str(pk) for pk in self.queryset.values_list("pk", flat=True)}
            for choice in value:
                if str(choice) not in known:
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": choice}
                    )
        return super().clean(value)


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=native_choices())
    sections = KnownChoicesField(
        label=_("Sections"),
        queryset=Section.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to receive every section."),
    )

    def clean_email(self):
        return clean_normalised_email(self)
