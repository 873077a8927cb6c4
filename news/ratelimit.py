"""
A fixed-window rate limit kept in the cache, so that every worker shares it
(Redis in production). Used by everything that sends mail.
"""

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
    """The address to limit by: the first forwarded hop when behind our proxy."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")
