"""Template tags for a page's head: what it says of itself to search engines and to sites that share it."""

from django import template
from django.utils.safestring import mark_safe

from core.languages import open_graph_locale

register = template.Library()


class CaptureNode(template.Node):
    # Blocks inside stay overridable: the template engine looks for them in this nodelist.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped; joining its words only drops the template's line breaks.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308  # nosec B308 B703
        return ""


@register.tag
def capture(parser, token):
    """
    ``{% capture as name %}…{% endcapture %}`` renders its content once into ``name``.

    It lets one block (the title, the description) fill several tags of the
    head: ``<title>``, ``og:title`` and ``twitter:title`` say the same thing.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def og_locale(language):
    """Return a language's Open Graph locale: ``{{ "zh-hans"|og_locale }}`` is ``zh_CN``."""
    return open_graph_locale(language)
