"""Template filters for the account and newsletter pages."""

import math

from django import template

from core.languages import native_name

register = template.Library()


@register.filter
def minutes(duration):
    """Return a timedelta as whole minutes, rounded up (a lockout of 14 min 30 s says 15)."""
    if not duration:
        return 0
    return math.ceil(duration.total_seconds() / 60)


@register.filter
def language_name(code):
    """Return a language's name written in itself (Français, 中文), as the language bar shows it."""
    return native_name(code)
