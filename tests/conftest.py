import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
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


def uses_database(request):
    return request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def empty_cache(request):
    """
    Each test starts with no cached pages and no rate-limit counts.

    The shared cache is a database table (without REDIS_URL): a test that may
    not use the database has nothing there to empty.
    """
    if uses_database(request):
        # Set the test's database up first (as the test asks for it), then empty its cache table.
        request.getfixturevalue("db")
    emptied = [cache for cache in caches.all() if uses_database(request) or not isinstance(cache, DatabaseCache)]
    for cache in emptied:
        cache.clear()
    yield
    for cache in emptied:
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


@pytest.fixture
def task_worker(transactional_db):
    """
    A real Celery worker (Celery's test worker, in a thread of this process) over an in-memory broker.

    While it runs, tasks are no longer eager: they are published, received,
    acknowledged and retried as under ``make worker``. The worker's thread has
    its own database connection, so the test's writes must be committed
    (``transactional_db``).
    """
    from celery.contrib.testing.worker import start_worker

    from tests.celery_config import celery_conf

    with celery_conf(broker_url="memory://", task_always_eager=False) as app:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
