import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_urls():
    """Start in English: a request to a /ko/ page leaves Korean active in the thread, which reverse() would use."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords quickly: these tests log in and fail to log in many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
