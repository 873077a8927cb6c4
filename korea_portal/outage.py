"""
Pages that need no database, and the answer when the database is unavailable.

When the database cannot be reached (PostgreSQL down or restarting, its
connect or statement timeout, SQLite still locked after its busy timeout),
Django raises ``OperationalError`` or ``InterfaceError`` (psycopg's own errors
are wrapped in them). Every page that needs the database then answers 503
with the "back soon" page, ``Retry-After: DATABASE_OUTAGE_RETRY_AFTER`` and
``Cache-Control: no-store``, instead of a 500 that says nothing of when to
come back:

- ``DatabaseOutageMiddleware`` answers so for an error raised by a view or
  while its template renders;
- ``korea_portal.views.server_error`` (the 500 handler) for one raised
  anywhere else, such as a middleware saving the session or the 404 page
  reading the header.

Nothing is half written: each write that spans several rows is one
transaction, rolled back with the failed connection. Django opens a new
connection for the next request, so the site recovers by itself once the
database is back. What needs no database keeps working during an outage:
pages in the anonymous page cache (``korea_portal/cache.py``; an anonymous
visitor has no session, so nothing before ``FetchPageCacheMiddleware``
reads the database), the redirect from ``/`` to a language
(``korea_portal.views.page_not_found``) and static files.

These pages are rendered without the request context, whose processors read
the database (the header's sections and keywords), in the language of the
URL, else the visitor's.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def standalone_page(request, template_name, status):
    """Render a page that extends ``standalone.html``: no request context, so no database."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        html = loader.render_to_string(template_name, {"site_name": settings.SITE_NAME})
    return HttpResponse(html, status=status)


def outage_response(request):
    """The 503 "back soon" page: come back later, and keep no copy of this answer."""
    response = standalone_page(request, "503.html", status=503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def is_database_outage(error):
    return isinstance(error, DATABASE_ERRORS)


class DatabaseOutageMiddleware:
    """Answer 503 instead of 500 when a view fails because the database is unavailable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        logger.warning("Database unavailable, %s answered 503: %s", request.path, exception)
        return outage_response(request)
