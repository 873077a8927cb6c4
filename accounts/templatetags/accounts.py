"""Template filters for the account pages."""

import math

from django import template

register = template.Library()


@register.filter
def minutes(duration):
    """Return a timedelta as whole minutes, rounded up (a lockout of 14 min 30 s says 15)."""
    if not duration:
        return 0
    return math.ceil(duration.total_seconds() / 60)
