"""Template filters about the portal's languages."""

from django import template

from core.languages import native_name

register = template.Library()


@register.filter
def language_name(code):
    """Return a language's name written in itself (Français, 中文), as the language bar shows it."""
    return native_name(code)
