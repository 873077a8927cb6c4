"""
Settings of the Django servers that tests start in their own process (``tests/servers.py``).

The site's own settings, with what the in-process tests' fixtures change:
static files without the collected manifest, quick password hashing, and a
forum limit no test's writers reach.
"""

from korea_portal.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
FORUM_POST_LIMIT = (1000, 600)
