"""Admin bases shared by the apps: translated fields in tabs, per-language inputs, action messages, list filters,
records."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.forms.models import InlineForeignKeyField
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import get_translation_fields

from .languages import native_choices


def translated_search_fields(*fields):
    """Search every language's column of each translated field."""
    return get_translation_fields(*fields)


class CountMessageMixin:
    """One way for admin actions to say how many objects they changed."""

    def message_count(self, request, message, count):
        """
        Tell the editor how many objects an action changed.

        ``message`` is ``ngettext_lazy(singular, plural, "count")``: the count
        picks the plural form of the editor's language.
        """
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


class OutOfRangeDatesMixin:
    """
    Answer a list filtered on a date no one can hold as any invalid filter is answered (``?e=1``).

    Django raises ``OverflowError`` on a date past what Python or the database
    can hold (year 99999999999, the day after 31 December 9999, 1 January of
    year 1 in UTC on SQLite) in the date filters and the date hierarchy: it was a 500.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class LanguageWidgetsMixin:
    """
    Give every translation field's input its language and direction.

    Arabic (any language of ``LANGUAGES_BIDI``) is typed right to left; every
    other language left to right, even when the admin itself is shown in
    Arabic. ``lang`` lets the browser's spelling check pick the right language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language and isinstance(formfield.widget, forms.TextInput | forms.Textarea):
            direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
            formfield.widget.attrs.update(lang=language, dir=direction)
        return formfield


class PortalTranslationAdmin(OutOfRangeDatesMixin, CountMessageMixin, LanguageWidgetsMixin, TabbedTranslationAdmin):
    """
    The tabbed translation admin: each tab named in its language and marked filled or empty, and one language
    switch for the whole form (``static/admin-portal/``, ``templates/admin/change_form.html``).
    """

    class Media:
        # Named after the script that builds the tabs, so that the merged media keep that order.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "admin-portal/translation-tabs.js")
        css = {"all": ("admin-portal/translations.css",)}

    def render_change_form(self, request, context, *args, **kwargs):
        """Offer the language switch: every language named in itself, with its direction."""
        context["language_switch"] = [
            (code, name, "rtl" if code in settings.LANGUAGES_BIDI else "ltr") for code, name in native_choices()
        ]
        return super().render_change_form(request, context, *args, **kwargs)


class InlineConstraintsForm(forms.ModelForm):
    """
    An inline's form that also validates the model's constraints naming the parent's foreign key.

    Django 5.2 leaves an inline's foreign key out of constraint validation
    (ticket #35676, fixed in Django 6.0, when this class can go): a constraint
    such as one undated trade figure per partner would pass the form and fail
    in the database. Validated here with the key, its message shows on the row.
    """

    def validate_unique(self):
        super().validate_unique()
        inline_keys = {name for name, field in self.fields.items() if isinstance(field, InlineForeignKeyField)}
        model = type(self.instance)
        exclude = self._get_validation_exclusions()
        for constraint in model._meta.constraints:
            # The other constraints were validated with the rest of the model.
            if inline_keys & set(getattr(constraint, "fields", ())):
                try:
                    constraint.validate(model, self.instance, exclude=exclude)
                except ValidationError as error:
                    self._update_errors(error)


class RecordAdmin(OutOfRangeDatesMixin, admin.ModelAdmin):
    """A record kept by the site: viewable and deletable, never added or changed here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
