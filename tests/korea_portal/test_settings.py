"""Settings come from the environment: safe locally, and refusing to run in production without what it needs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    inherited = ("DJANGO_", "DATABASE_URL", "REDIS_URL")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(inherited)}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_public_host_without_a_secret_key_refuses_to_start():
    result = manage("check", DJANGO_ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_without_a_shared_cache_refuses_to_start():
    """Without Redis each worker would keep its own rate limits and lockouts (and page cache)."""
    result = manage(
        "check",
        DJANGO_SECURE="1",
        DJANGO_SECRET_KEY="a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="portal.example",
    )
    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr


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
