"""
The name django-axes counts failed logins against (``AXES_USERNAME_CALLABLE``).

It is the name typed, as axes itself reads it, cut to what axes' tables hold:
a longer one (no account has one: an address has at most 254 characters) was
a server error on PostgreSQL, whose column refuses it, on the site's login
and the admin's alike. Cut, it is a failed login like any other, and counted.
"""

from axes.conf import settings
from axes.models import AccessAttempt

STORED_LENGTH = AccessAttempt._meta.get_field("username").max_length


def lockout_username(request, credentials=None):
    """Return the username of a login attempt, at most as long as axes can store."""
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        username = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    return username[:STORED_LENGTH] if isinstance(username, str) else username
