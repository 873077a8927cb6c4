"""
A fixed-window rate limit kept in the cache, so that every worker shares it
(Redis in production). Used by everything that sends mail.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

# Mails one client address may ask for in an hour, per kind (sign-up, reset, newsletter…).
MAIL_REQUESTS_PER_CLIENT = 10
# Mails one e-mail address may be sent in an hour, per kind: no one is flooded through our forms.
MAILS_PER_RECIPIENT = 3


def allow(scope, identity, limit, period):
    """Count one attempt; return False once ``limit`` attempts fell in ``period`` seconds."""
    key = f"ratelimit:{scope}:{identity}"
    # add() only sets a missing key, so the window starts at the first attempt.
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is a new window.
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def client_address(request):
    """
    The address to limit by.

    ``X-Forwarded-For`` is believed only when ``TRUST_X_FORWARDED_FOR`` says the
    site runs behind a proxy that sets it, and then only its last hop (the one
    our proxy added): anything before it is whatever the client sent.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


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
