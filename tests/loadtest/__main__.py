"""
Load test: ``make loadtest`` (or ``python -m tests.loadtest``).

Serves the portal with ``make serve`` (gunicorn, DJANGO_SECURE=1) on a free
loopback port over a database of its own, then runs Locust headless against
it: ``LOADTEST_USERS`` readers (50) for ``LOADTEST_SECONDS`` (60) who read,
search, log in, scrap, e-mail articles and post in the forum
(``tests/loadtest/locustfile.py``). It prints the requests, errors,
requests per second and the median and 95th-percentile times of each kind
of request, and exits non-zero when any request failed.

The database: with ``DATABASE_URL`` (PostgreSQL), a ``korea_portal_loadtest``
database on that server, made for the run and dropped at the end; without it,
a SQLite file in a temporary folder. ``REDIS_URL`` is passed on when set
(the cache every worker shares). Nothing leaves the machine: the server
listens on 127.0.0.1 and the mail it sends is written to files.

Not a test: a benchmark anyone can run. Its figures go in docs/benchmarks.md.
"""

import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DATABASE = "korea_portal_loadtest"
READERS = 50
PASSWORD = secrets.token_urlsafe(16)
# Words of the demo content, for the searches.
WORDS = ["trade", "summit", "Japan", "Gyeongju", "APEC", "relations", "무역", "économie"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The URL of the load test's own database, made empty; None for SQLite."""
    server = os.environ.get("DATABASE_URL", "")
    if not server:
        return None
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return server.rsplit("/", 1)[0] + f"/{DATABASE}"


def drop_database():
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def server_environment(workdir, url, port):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_VAR_DIR=str(workdir / "var"),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        PORT=str(port),
        DJANGO_SITE_URL=f"https://127.0.0.1:{port}",
        DJANGO_CACHE_PREFIX="portal-loadtest",
    )
    if url:
        env["DATABASE_URL"] = url
    return env


def prepare_content(plan_path):
    """Run inside the server's environment: the demo, readers and a forum topic; write the plan."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "korea_portal.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from community.models import Board
    from community.services import start_topic
    from news.articles import latest_articles
    from relations.models import Partner

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo", "--no-editor", verbosity=0)
    users = get_user_model()
    accounts = []
    for number in range(READERS):
        email = f"reader-{number}@loadtest.example.org"
        users.objects.create_user(username=f"loadtest-{number}", email=email, password=PASSWORD, email_verified=True)
        accounts.append(email)
    topic = start_topic(
        board=Board.objects.first(), author=users.objects.first(), title="Load test", body="Replies welcome."
    )
    languages = [code for code, _name in settings.LANGUAGES]
    strip = len("/en")
    plan = {
        "password": PASSWORD,
        "accounts": accounts,
        "languages": languages,
        "words": WORDS,
        "articles": [article.get_absolute_url()[strip:] for article in latest_articles(20)],
        "lists": ["/news/", "/world/", *(partner.get_absolute_url()[strip:] for partner in Partner.objects.all())],
        "topic": topic.get_absolute_url()[strip:],
    }
    Path(plan_path).write_text(json.dumps(plan))


def wait_until_served(port, server, seconds=180):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/en/", headers={"X-Forwarded-Proto": "https"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("make serve stopped before it served the site: see its output above")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(1)
    raise SystemExit(f"make serve did not answer within {seconds} s")


def report(stats_csv):
    """Print one line per kind of request, then the total."""
    rows = list(csv.DictReader(stats_csv.open()))
    print(f"\n{'request':24} {'count':>7} {'errors':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all"
        print(
            f"{name[:24]:24} {row['Request Count']:>7} {row['Failure Count']:>7} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>7} {row['95%']:>7}"
        )


def main():
    users = int(os.environ.get("LOADTEST_USERS", "50"))
    seconds = int(os.environ.get("LOADTEST_SECONDS", "60"))
    workdir = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
    url = database_url()
    port = free_port()
    env = server_environment(workdir, url, port)
    server = None
    try:
        plan = workdir / "plan.json"
        prepare = [sys.executable, "-m", "tests.loadtest", "--prepare", str(plan)]
        subprocess.run(prepare, env=env, cwd=ROOT, check=True)  # noqa: S603 - our own command
        print(f"== make serve on 127.0.0.1:{port} ({'PostgreSQL' if url else 'SQLite'}, {users} readers, {seconds} s)")
        server = subprocess.Popen(  # noqa: S603 - our own command
            ["make", "--no-print-directory", "serve"],  # noqa: S607 - make from PATH, as a user runs it
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
        )
        wait_until_served(port, server)
        locust = subprocess.run(  # noqa: S603 - our own command
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "tests/loadtest/locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 5)),
                "--run-time",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(workdir / "stats"),
                "--only-summary",
                "--stop-timeout",
                "10",
                "--loglevel",
                "WARNING",
            ],
            env={**os.environ, "LOADTEST_PLAN": plan.read_text()},
            cwd=ROOT,
        )
        report(workdir / "stats_stats.csv")
        failures = list(csv.DictReader((workdir / "stats_failures.csv").open()))
        for failure in failures:
            print(f"error: {failure['Method']} {failure['Name']}: {failure['Error']} ×{failure['Occurrences']}")
        return locust.returncode
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if url:
            drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        prepare_content(sys.argv[2])
    else:
        sys.exit(main())
