"""Template tags for articles."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/article_tools.html", takes_context=True)
def article_tools(context, article):
    """The article tools (font size, print, e-mail, scrap), the same for every kind of article."""
    return {"article": article, "request": context.get("request"), "user": context.get("user")}
