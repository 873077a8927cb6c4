from django import template
from django.contrib import admin

from news.dashboard import newsroom

register = template.Library()


@register.inclusion_tag("admin/newsroom.html", takes_context=True)
def newsroom_dashboard(context):
    """The newsroom dashboard of the admin's home page (``news.dashboard``)."""
    request = context["request"]
    return {"boxes": newsroom(request, admin.site), "request": request}
