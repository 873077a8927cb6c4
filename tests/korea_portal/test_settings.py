"""Settings come from the environment: safe locally, and refusing to run in production without what it needs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_public_host_without_a_secret_key_refuses_to_start():
    result = manage("check", DJANGO_ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_variables_pass_the_deployment_check_without_a_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECURE="1",
        DJANGO_SECRET_KEY="a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="portal.example",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start_even_on_this_machine():
    """`make serve` passes the key it keeps in var/; the settings never make one up for DJANGO_SECURE=1."""
    result = manage("check", DJANGO_SECURE="1")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
