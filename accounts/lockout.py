"""
The login lockout: django-axes for an account from one address, plus a
per-account limit across all addresses (``AXES_HANDLER`` in the settings).

django-axes compares every kind of count with one ``AXES_FAILURE_LIMIT`` and
one cool-off, so it cannot lock an account-and-address pair after 5 failures
for 15 minutes *and* an account after many more failures, from anywhere, for a
few minutes. It does the first (``AXES_LOCKOUT_PARAMETERS``); this handler adds
the second with a shared-cache rate limit (``core.ratelimit``):
``settings.LOGIN_ACCOUNT_FAILURE_LIMIT = (failures, seconds)``. The window
starts at the account's first failure; past the limit the account is refused,
even with the right password, until the window ends. Resetting the password by
mail lifts both locks (``axes.utils.reset``, called by the reset view, ends up
in ``reset_attempts`` here).

Failures are counted by the name that was tried, whether an account has it or
not, so the lockout tells nothing about which accounts exist.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render

from core import ratelimit

SCOPE = "login-account"
# The longest name axes' tables hold.
STORED_LENGTH = AccessAttempt._meta.get_field("username").max_length


def account_name(username):
    return (username or "").strip().lower()


def account_locked(username):
    limit, _period = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    return bool(account_name(username)) and ratelimit.count(SCOPE, account_name(username)) >= limit


class AccountLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, which also locks an account after too many failures from any address."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or account_locked(get_client_username(request, credentials))

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is None:
            return super().user_login_failed(sender, credentials, request=request, **kwargs)
        # An attempt refused by a lock tried no password: it does not count against the
        # account, or one address could lock the account out everywhere by insisting.
        refused = self.is_locked(request, credentials)
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        name = account_name(get_client_username(request, credentials))
        if not name:
            return
        limit, period = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
        if not refused:
            ratelimit.allow(SCOPE, name, limit, period)
        if account_locked(name) and not getattr(request, "axes_locked_out", False):
            # Axes shows its lockout page only when its own limit is reached; this
            # lock is the shorter one, and the page says so.
            request.account_locked = True
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def reset_attempts(self, *, ip_address=None, username=None, ip_or_username=False):
        if username:
            ratelimit.forget(SCOPE, account_name(username))
        return super().reset_attempts(ip_address=ip_address, username=username, ip_or_username=ip_or_username)


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (HTTP 429), saying how long the lock that applies lasts at most."""
    if getattr(request, "account_locked", False):
        cool_off = timedelta(seconds=settings.LOGIN_ACCOUNT_FAILURE_LIMIT[1])
    else:
        cool_off = get_cool_off(request)
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"cooloff_timedelta": cool_off},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def lockout_username(request, credentials=None):
    """
    The name django-axes counts failed logins against (``AXES_USERNAME_CALLABLE``):
    the name typed, as axes itself reads it, cut to what axes' tables hold. A
    longer one (no account has one: an address has at most 254 characters) was
    a server error on PostgreSQL, whose column refuses it, on the site's login
    and the admin's alike. Cut, it is a failed login like any other, and counted.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    username = credentials.get(field) if credentials else getattr(request, "data", request.POST).get(field)
    return username[:STORED_LENGTH] if isinstance(username, str) else username
