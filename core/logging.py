"""
Request ids and the log format: one JSON object a line, or plain text.

Each request gets an id, taken from its ``X-Request-ID`` header when that is
a short string of safe characters (a front proxy or a load balancer may set
one, so that its log and ours can be joined), made up otherwise. The id is
kept in the ``request_id`` context variable while the request is served, sent
back in the answer's ``X-Request-ID`` header, and added to every log record
made meanwhile by ``RequestIdFilter``. Work that leaves the request (a task
queued for later) can take ``request_id.get()`` with it and set it again.

``RequestLogMiddleware`` writes one line per request to the
``core.requests`` logger: method, path, status, duration in milliseconds,
the user's id (or ``anonymous``) and the client's address. With ``JsonFormatter`` each record is one
JSON object a line; the standard library suffices for that, so no logging
package is added.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.contrib.auth import SESSION_KEY
from django.utils.functional import empty

from core.ratelimit import client_address

request_id = contextvars.ContextVar("request_id", default="-")

# What is taken from a client: short, letters, digits and . _ : - only (a UUID
# fits). Anything else could forge log lines or fill them.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
request_logger = logging.getLogger("core.requests")

# The attributes every LogRecord has: anything else on a record came in ``extra``.
RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


def incoming_request_id(request):
    """Return the request's ``X-Request-ID`` if it is sane, else a new random id."""
    candidate = request.headers.get("X-Request-ID", "")
    if SAFE_REQUEST_ID.fullmatch(candidate):
        return candidate
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """
    Add the current request's id (``-`` outside a request) to every record, as ``record.request_id``.

    A record that names its request already (the request's own line) keeps it.
    """

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON: time (UTC), level, logger, message, request id, extras, traceback."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in RECORD_ATTRIBUTES})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def user_label(request):
    """
    Return the id of the request's user, or ``anonymous``.

    A request without a session cookie is anonymous without asking anyone;
    the user is read only when some code already read it or the session
    names one. Reading it may fail (the database is down): the line says
    ``unknown`` rather than losing the request.
    """
    user = getattr(request, "user", None)
    if user is None:
        return "anonymous"
    if getattr(user, "_wrapped", None) is empty:
        session = getattr(request, "session", None)
        try:
            if session is None or SESSION_KEY not in session:
                return "anonymous"
            user_id = user.pk
        except Exception:
            return "unknown"
    else:
        user_id = user.pk
    return str(user_id) if user_id is not None else "anonymous"


class RequestLogMiddleware:
    """
    Give each request its id, and log one line for it when it is answered.

    First in ``MIDDLEWARE``, so that the time covers every other middleware
    and every log record of the request carries the id.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_id.set(incoming_request_id(request))
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id.get(),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user": user_label(request),
                    # The client's address as rate limits see it (the proxy's last hop when trusted).
                    "client": client_address(request),
                },
            )
            return response
        finally:
            request_id.reset(token)
