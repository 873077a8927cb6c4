import pytest
from django.utils import translation


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a request and then its on-commit callbacks (the mails), as a real transaction would."""

    def run(method, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return method(*args, **kwargs)

    return run


@pytest.fixture(autouse=True)
def english_urls():
    """Start in English: a request to a /ko/ page leaves Korean active in the thread, which reverse() would use."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords quickly: these tests log in and fail to log in many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
