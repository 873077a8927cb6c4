import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"Korea Portal tests on database: {engine}"


@pytest.fixture(autouse=True)
def plain_static_storage(settings, tmp_path):
    """Serve static files without the collected manifest, and keep media in a temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages and no rate-limit counts."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """
    Each test starts in English, whatever language an earlier request activated:
    a request to a /ko/ page leaves Korean active in the thread, which reverse() would use.
    """
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords quickly: the suite makes users and logs in (and fails to) many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a request and then its on-commit callbacks (the mails), as a real transaction would."""

    def run(method, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return method(*args, **kwargs)

    return run


@pytest.fixture
def database_vendor():
    return connection.vendor
