"""Validators shared by the forms of every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


def single_line(value):
    """Refuse line breaks, which would let a value inject mail headers."""
    if "\n" in value or "\r" in value:
        raise forms.ValidationError(_("This field must be on one line."), code="newline")
