"""
A fixed-window rate limit kept in the cache, so that every worker shares it
(Redis in production). Used by everything that sends mail.
"""

from django.conf import settings
from django.core.cache import cache


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
