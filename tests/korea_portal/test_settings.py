"""Settings come from the environment: safe locally, and refusing to run in production without what it needs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    inherited = ("DJANGO_", "DATABASE_", "REDIS_URL")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(inherited)}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_public_host_without_a_secret_key_refuses_to_start():
    result = manage("check", DJANGO_ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def shared_cache_backend(**env):
    code = "from django.conf import settings; print(settings.CACHES['shared']['BACKEND'])"
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_rate_limits_are_shared_by_every_worker_with_or_without_redis():
    """Never a worker's own memory: two workers must not allow twice the limit, in production least of all."""
    production = {
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop",
        "DJANGO_ALLOWED_HOSTS": "portal.example",
    }
    # Django's database and Redis caches, counted for the metrics (core/metrics.py).
    assert shared_cache_backend(**production) == "core.metrics.DatabaseCache"
    assert shared_cache_backend() == "core.metrics.DatabaseCache"
    redis = shared_cache_backend(**production, REDIS_URL="redis://127.0.0.1:6379/0")
    assert redis == "core.metrics.RedisCache"


def test_production_variables_pass_the_deployment_check_without_a_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECURE="1",
        DJANGO_SECRET_KEY="a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="portal.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start_even_on_this_machine():
    """`make serve` passes the key it keeps in var/; the settings never make one up for DJANGO_SECURE=1."""
    result = manage("check", DJANGO_SECURE="1")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def database_options(**env):
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_postgresql_connect_and_statement_timeouts_come_from_the_environment():
    url = "postgres://portal@db.example:5432/portal"
    assert "'connect_timeout': 5, 'options': '-c statement_timeout=15000'" in database_options(DATABASE_URL=url)
    options = database_options(DATABASE_URL=url, DJANGO_DB_CONNECT_TIMEOUT="2", DJANGO_DB_STATEMENT_TIMEOUT_MS="500")
    assert "'connect_timeout': 2, 'options': '-c statement_timeout=500'" in options


def database_routing(**env):
    code = (
        "import json; from django.conf import settings;"
        "print(json.dumps([settings.DATABASES.get('replica'), settings.DATABASE_ROUTERS], default=str))"
    )
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_read_replica_is_used_only_when_its_url_is_set():
    assert database_routing(DATABASE_URL="postgres://portal@db.example:5432/portal") == [None, []]
    replica, routers = database_routing(
        DATABASE_URL="postgres://portal@db.example:5432/portal",
        DATABASE_REPLICA_URL="postgres://reader@replica.example:5432/portal?sslmode=require",
        DJANGO_DB_CONNECT_TIMEOUT="2",
    )
    assert routers == ["korea_portal.db_router.ReplicaRouter"]
    assert (replica["HOST"], replica["USER"], replica["NAME"]) == ("replica.example", "reader", "portal")
    # The primary's timeouts, the replica URL's own options, no transaction per request, never a test database.
    assert replica["OPTIONS"] == {"connect_timeout": 2, "options": "-c statement_timeout=15000", "sslmode": "require"}
    assert replica["ATOMIC_REQUESTS"] is False
    assert replica["TEST"]["MIRROR"] == "default"


def test_a_read_replica_of_sqlite_is_refused_with_a_clear_error(tmp_path):
    result = manage("check", DJANGO_VAR_DIR=str(tmp_path), DATABASE_REPLICA_URL="postgres://reader@replica/portal")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL" in result.stderr


def test_sqlite_waits_for_other_writers_instead_of_failing(tmp_path):
    options = database_options(DJANGO_VAR_DIR=str(tmp_path))
    assert "'transaction_mode': 'IMMEDIATE', 'timeout': 20" in options
    assert "PRAGMA journal_mode=WAL" in options


@pytest.mark.django_db
def test_the_database_session_has_the_timeouts(database_vendor):
    with connection.cursor() as cursor:
        if database_vendor == "postgresql":
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("15s",)
        else:
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone() == (20_000,)


def setting_values(code, **env):
    """Print, as JSON, what ``code`` (an expression over ``settings``) gives under ``env``."""
    program = f"import json; from django.conf import settings; print(json.dumps({code}, default=str))"
    result = manage("shell", "--no-imports", "-c", program, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_stay_on_the_local_folder_without_a_bucket():
    storage, img_src, serve_media = setting_values(
        "[settings.STORAGES['default']['BACKEND'], settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        " settings.SERVE_MEDIA]"
    )
    assert storage == "django.core.files.storage.FileSystemStorage"
    assert img_src == ["'self'", "data:"]
    assert serve_media is True


@pytest.mark.parametrize(
    ("variables", "origin"),
    [
        ({"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}, "http://127.0.0.1:9000"),
        ({"AWS_S3_ENDPOINT_URL": "https://s3.store.example/some/path"}, "https://s3.store.example"),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.store.example", "AWS_S3_CUSTOM_DOMAIN": "media.portal.example"},
            "https://media.portal.example",
        ),
        ({"AWS_S3_REGION_NAME": "ap-northeast-2"}, "https://portal-media.s3.ap-northeast-2.amazonaws.com"),
    ],
)
def test_with_a_bucket_media_go_to_object_storage_and_the_policy_allows_its_origin(variables, origin):
    storage, img_src, serve_media = setting_values(
        "[settings.STORAGES['default'], settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        " settings.SERVE_MEDIA]",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        **variables,
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "portal-media"
    assert (options["default_acl"], options["querystring_auth"], options["file_overwrite"]) == (None, False, False)
    assert img_src == ["'self'", "data:", origin]
    assert serve_media is False, "Django serves no /media/ when the store does"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"AWS_STORAGE_BUCKET_NAME": "portal-media"}, "AWS_S3_ENDPOINT_URL"),
        ({"AWS_STORAGE_BUCKET_NAME": "portal-media", "AWS_S3_ENDPOINT_URL": "127.0.0.1:9000"}, "http(s) URL"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "portal-media", "AWS_S3_REGION_NAME": "eu-west-1", "AWS_QUERYSTRING_AUTH": "1"},
            "AWS_QUERYSTRING_AUTH=1 needs AWS_S3_ENDPOINT_URL",
        ),
        ({"DJANGO_METRICS_ALLOWED_NETWORKS": "10.0.0.0/8,intranet"}, "'intranet' is not a network"),
        ({"DJANGO_LOG_FORMAT": "xml"}, "DJANGO_LOG_FORMAT must be json or plain"),
    ],
)
def test_a_wrong_operations_variable_stops_the_site_with_a_clear_message(variables, message):
    result = manage("check", **variables)
    assert result.returncode != 0
    assert message in result.stderr


def test_logs_are_json_in_production_and_plain_locally():
    production = {
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop",
        "DJANGO_ALLOWED_HOSTS": "portal.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    assert setting_values("settings.LOG_FORMAT", **production) == "json"
    assert setting_values("settings.LOG_FORMAT", **production, DJANGO_LOG_FORMAT="plain") == "plain"
    assert setting_values("settings.LOG_FORMAT") == "plain"
    assert setting_values("settings.LOG_FORMAT", DJANGO_LOG_FORMAT="json") == "json"
