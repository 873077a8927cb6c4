"""
/healthz and /readyz as a load balancer and a service manager use them:
JSON, never cached, no cookie, no language prefix; /readyz a 503 naming the
check that failed when the database, the cache or the broker is down, and
within its timeout when one hangs. Real services: Redis (db 6), RabbitMQ,
and for the database outage the site under gunicorn pointed at a closed port.
"""

import json
import socket
import time

import pytest

from tests.servers import WebClient, free_port, gunicorn, site_environment

REDIS = "redis://127.0.0.1:6379/6"
RABBITMQ = "amqp://guest:guest@127.0.0.1:5672//"


def redis_cache(location):
    return {"BACKEND": "core.metrics.RedisCache", "LOCATION": location, "KEY_PREFIX": "test-ops"}


@pytest.fixture
def services(settings):
    """The site with a real Redis cache and a real RabbitMQ broker."""
    settings.CACHES = {**settings.CACHES, "default": redis_cache(REDIS)}
    settings.CELERY_BROKER_URL = RABBITMQ
    return settings


def closed_port_url(scheme):
    return f"{scheme}://127.0.0.1:{free_port()}/0"


def readiness(client):
    response = client.get("/readyz")
    return response.status_code, json.loads(response.content)


def assert_not_cacheable(response):
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies, "a probe sets no cookie"


@pytest.mark.django_db
def test_ready_when_the_database_the_cache_and_the_broker_answer(client, services):
    status, body = readiness(client)

    assert status == 200
    assert body["status"] == "ok" and body["failed"] == []
    assert body["checks"] == {"database": {"ok": True}, "cache": {"ok": True}, "broker": {"ok": True}}
    assert_not_cacheable(client.get("/readyz"))


def test_alive_needs_nothing_but_the_process(client, settings):
    """Liveness touches no service: the cache down, it still answers 200 (no database access allowed here either)."""
    settings.CACHES = {**settings.CACHES, "default": redis_cache(closed_port_url("redis"))}

    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200, "no redirect to a language"
    assert json.loads(response.content) == {"status": "ok"}
    assert_not_cacheable(response)


@pytest.mark.django_db
def test_a_cache_that_is_down_is_named(client, services):
    services.CACHES = {**services.CACHES, "default": redis_cache(closed_port_url("redis"))}

    status, body = readiness(client)

    assert status == 503
    assert body["status"] == "unavailable" and body["failed"] == ["cache"]
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert body["checks"]["database"]["ok"] and body["checks"]["broker"]["ok"]


@pytest.mark.django_db
def test_a_broker_that_is_down_is_named(client, services):
    services.CELERY_BROKER_URL = f"amqp://guest:guest@127.0.0.1:{free_port()}//"

    status, body = readiness(client)

    assert status == 503
    assert body["failed"] == ["broker"]
    assert body["checks"]["broker"]["ok"] is False


@pytest.mark.django_db
def test_without_a_broker_tasks_run_in_process_and_readiness_says_so(client, services):
    services.CELERY_BROKER_URL = ""

    status, body = readiness(client)

    assert status == 200
    assert body["checks"]["broker"] == {"ok": True, "note": "not configured"}


@pytest.mark.django_db
def test_a_hanging_cache_fails_as_a_timeout_within_the_timeout(client, services):
    """A server that accepts the connection and never answers: the probe does not wait for it."""
    services.HEALTH_CHECK_TIMEOUT = 1
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        services.CACHES = {**services.CACHES, "default": redis_cache(f"redis://127.0.0.1:{silent.getsockname()[1]}/0")}
        started = time.monotonic()
        status, body = readiness(client)
        elapsed = time.monotonic() - started

    assert status == 503
    assert body["checks"]["cache"] == {"ok": False, "error": "timeout"}
    assert elapsed < 3


@pytest.mark.django_db
def test_readiness_is_never_served_from_the_page_cache(client, services):
    """Ready, then the cache goes down: the next probe says so, it is not an earlier answer kept."""
    assert readiness(client)[0] == 200

    services.CACHES = {**services.CACHES, "default": redis_cache(closed_port_url("redis"))}

    assert readiness(client)[0] == 503
    services.CACHES = {**services.CACHES, "default": redis_cache(REDIS)}
    assert readiness(client)[0] == 200


@pytest.mark.django_db
def test_a_probe_with_a_session_cookie_gets_no_cookie_back(client, services):
    client.cookies["sessionid"] = "not-a-session"
    client.cookies["csrftoken"] = "x" * 32

    for path in ("/healthz", "/readyz"):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies


def test_a_database_that_is_down_is_named_and_the_process_still_alive(tmp_path):
    """The site under gunicorn, its PostgreSQL on a port nobody listens on."""
    environment = site_environment(
        tmp_path,
        DATABASE_URL=closed_port_url("postgres").replace("/0", "/portal"),
        DJANGO_DB_CONNECT_TIMEOUT="2",
        DJANGO_HEALTH_CHECK_TIMEOUT="3",
    )
    with gunicorn(environment, ready_path="/healthz") as (base_url, _process):
        client = WebClient(base_url)
        ready = client.get("/readyz")
        alive = client.get("/healthz")

    assert ready.status == 503
    body = json.loads(ready.body)
    assert body["failed"] == ["database"]
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"] == {"ok": True}
    assert "no-store" in ready.headers["Cache-Control"]
    assert alive.status == 200
