"""Money and shares written the way the reader's language writes them (Babel)."""

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal, format_percent
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from .models import TradeFigure


def babel_locale():
    return to_locale(get_language() or "en")


def usd(amount):
    """Format US dollars for the reader: US$71.6 billion, 71,6 milliards $ US, 716억 달러."""
    if amount is None:
        return ""
    locale = babel_locale()
    if abs(amount) >= 1_000_000:
        number = format_compact_decimal(amount, format_type="long", locale=locale, fraction_digits=1)
    else:
        number = format_decimal(amount, locale=locale)
    return _("US$%(amount)s") % {"amount": number}


def bounded_usd(amount, bound):
    """Say an amount with its bound in words: "more than US$53 billion"."""
    if bound == TradeFigure.Bound.MORE_THAN:
        return _("more than %(amount)s") % {"amount": usd(amount)}
    if bound == TradeFigure.Bound.ABOUT:
        return _("about %(amount)s") % {"amount": usd(amount)}
    return usd(amount)


def percent(value):
    """Format a percentage given as a number from 0 to 100: 11.8%, 11,8 % in French."""
    if value is None:
        return ""
    # The locale's own pattern, keeping the figure's decimals.
    return format_percent(Decimal(str(value)) / 100, locale=babel_locale(), decimal_quantization=False)
