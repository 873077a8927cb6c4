"""Template filters and tags for articles."""

import nh3
from django import template
from django.utils.safestring import mark_safe

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


@register.filter
def sanitize(html):
    """Mark editor HTML safe only after removing scripts, handlers and unknown tags."""
    return mark_safe(  # nosec B308 B703  # nh3 has just removed all but the allowed tags and attributes
        nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    )


@register.inclusion_tag("includes/article_tools.html", takes_context=True)
def article_tools(context, article):
    """The article tools (font size, print, e-mail, scrap), the same for every kind of article."""
    return {"article": article, "request": context.get("request"), "user": context.get("user")}
