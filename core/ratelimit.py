"""
A fixed-window rate limit kept in the ``shared`` cache, so that every worker
counts the same attempts: Redis with ``REDIS_URL``, else a database table
(``SHARED_CACHE_TABLE``) that every worker of the site reads. Used by
everything that sends mail, and by the per-account login lockout.

The database cache increments by reading and writing, not atomically: under
many concurrent requests for one key a few more attempts than the limit may
pass. Redis counts exactly.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _

CACHE_ALIAS = "shared"
# Mails one client address may ask for in an hour, per kind (sign-up, reset, newsletter…).
MAIL_REQUESTS_PER_CLIENT = 10
# Mails one e-mail address may be sent in an hour, per kind: no one is flooded through our forms.
MAILS_PER_RECIPIENT = 3


def window_key(scope, identity):
    # Hashed, so that any identity (an e-mail address, a typed username) makes a
    # short key of safe characters, as every cache backend needs.
    digest = hashlib.sha256(str(identity).encode()).hexdigest()
    return f"ratelimit:{scope}:{digest}"


def allow(scope, identity, limit, period):
    """Count one attempt; return False once ``limit`` attempts fell in ``period`` seconds."""
    cache = caches[CACHE_ALIAS]
    key = window_key(scope, identity)
    # add() only sets a missing key, so the window starts at the first attempt.
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is a new window.
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def count(scope, identity):
    """How many attempts the current window has counted (0 when none is open)."""
    return caches[CACHE_ALIAS].get(window_key(scope, identity), 0)


def forget(scope, identity):
    """Start afresh: the next attempt opens a new window."""
    caches[CACHE_ALIAS].delete(window_key(scope, identity))


def client_address(request):
    """
    The address to limit by, for our rate limits and django-axes alike
    (``AXES_CLIENT_IP_CALLABLE``), or None for a request without one (made in
    code, e.g. by ``login()`` outside a request).

    ``X-Forwarded-For`` is believed only when ``TRUST_X_FORWARDED_FOR`` says the
    site runs behind a proxy that sets it, and then only its last hop (the one
    our proxy added): anything before it is whatever the client sent. What is
    not an IP address is not taken (axes stores the address in an IP column).
    """
    candidates = [request.META.get("REMOTE_ADDR", "")]
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded.strip():
        candidates.insert(0, forwarded.split(",")[-1].strip())
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


class MailLimitMixin:
    """Refuse, with HTTP 429 and a form error, a request for more mail than the hourly limits allow (a form view)."""

    mail_scope = None

    def within_mail_limit(self, email=None):
        by_client = allow(f"{self.mail_scope}:client", client_address(self.request), MAIL_REQUESTS_PER_CLIENT, 3600)
        by_email = email is None or allow(f"{self.mail_scope}:email", email.lower(), MAILS_PER_RECIPIENT, 3600)
        return by_client and by_email

    def refuse_too_many(self, form):
        form.add_error(None, _("Too many requests in the last hour. Please try again later."))
        return self.render_to_response(self.get_context_data(form=form), status=429)
