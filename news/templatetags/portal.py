"""Template filters for articles and figures, in the reader's language."""

from decimal import Decimal

import nh3
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

register = template.Library()

# What editors may use in an article body; everything else is removed.
ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}, "th": {"scope"}}


def babel_locale():
    return to_locale(get_language() or "en")


@register.filter
def sanitize(html):
    """Mark editor HTML safe only after removing scripts, handlers and unknown tags."""
    return mark_safe(
        nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    )


@register.filter
def usd(amount):
    """Format US dollars for the reader: US$71.6 billion, 71,6 milliards de dollars US."""
    if amount is None:
        return ""
    locale = babel_locale()
    if abs(amount) >= 1_000_000:
        number = format_compact_decimal(amount, format_type="long", locale=locale, fraction_digits=1)
    else:
        number = format_decimal(amount, locale=locale)
    return _("US$%(amount)s") % {"amount": number}


@register.filter
def percent(value):
    """Format a percentage given as a number from 0 to 100: 11.8 %."""
    if value is None:
        return ""
    # The locale's own pattern (11,8 % in French), keeping the figure's decimals.
    return format_percent(Decimal(str(value)) / 100, locale=babel_locale(), decimal_quantization=False)


@register.inclusion_tag("includes/article_tools.html", takes_context=True)
def article_tools(context, article):
    """The article tools (font size, print, e-mail, scrap), the same for every kind of article."""
    return {"article": article, "request": context.get("request"), "user": context.get("user")}
