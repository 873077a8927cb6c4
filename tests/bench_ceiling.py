"""
The ceiling of ``make bench``: a bare Django view rendering a small template,
through the same middleware and test client as the portal's pages, measured
in the same run. A page's ratio is the ceiling's median time over the page's:
1.0 is as fast as Django can answer at all here, 0.25 a quarter of that.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.cache import never_cache

TEMPLATE = engines["django"].from_string(
    '<!doctype html><html lang="en"><head><title>{{ title }}</title></head>'
    "<body><h1>{{ title }}</h1><ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body></html>"
)


# Never stored by the page cache (it looks, and misses, as for a cold page): always rendered.
@never_cache
def ceiling(request):
    # No request: none of the portal's context processors, a bare view.
    return HttpResponse(TEMPLATE.render({"title": "Ceiling", "items": range(10)}))


urlpatterns = [path("ceiling/", ceiling)]
