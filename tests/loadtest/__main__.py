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

``LOADTEST_SERVERS=2`` serves the same site from two app servers (each with
a var/ folder of its own, as on two machines, ``LOADTEST_WORKERS`` gunicorn
workers in all, 2 by default, shared out between them), which needs
PostgreSQL (``DATABASE_URL``) and Redis (``REDIS_URL``) for them to share:
the first is ``make serve`` (gunicorn, the Celery worker and beat), the
others gunicorn alone, as beat runs once; each reader keeps to one of them,
as a load balancer with sticky sessions would send it. After the load, an
article is published through the first server and the time until every
server's home page shows it is printed.

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


SECRET_KEY = secrets.token_urlsafe(50)


def server_environment(workdir, url, port, workers=2):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_VAR_DIR=str(workdir / "var"),
        # One key for every server: a session signed by one is read by the others.
        DJANGO_SECRET_KEY=SECRET_KEY,
        WEB_CONCURRENCY=str(workers),
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


def start_servers(workdir, url, count, workers):
    """Start ``count`` app servers (the first ``make serve``, the others gunicorn alone): [(port, env, process)]."""
    if count > 1 and not (url and os.environ.get("REDIS_URL")):
        raise SystemExit("LOADTEST_SERVERS > 1 needs DATABASE_URL (PostgreSQL) and REDIS_URL: what servers share.")
    servers = []
    for number in range(count):
        port = free_port()
        env = server_environment(workdir / f"server-{number}", url, port, max(1, workers // count))
        if number == 0:
            command = ["make", "--no-print-directory", "serve"]
        else:
            # As make serve, without its worker and beat (beat runs once for the site).
            env.update(DJANGO_SECURE="1", DJANGO_SERVE_MEDIA="1")
            collect = [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"]
            subprocess.run(collect, env=env, cwd=ROOT, check=True)  # noqa: S603 - our own command
            command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "korea_portal.wsgi"]
        process = subprocess.Popen(  # noqa: S603 - our own command
            command, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL
        )
        servers.append((port, env, process))
        wait_until_served(port, process)
    return servers


def home_shows(port, title):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/en/", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
        return title in response.read().decode()


def publication_delay(servers):
    """
    Publish an article through the first server's code (its shell); return the
    seconds from its save to every server's home page showing it.
    """
    title = f"Published during the load test {secrets.token_hex(4)}"
    code = (
        "import time\n"
        "from news.models import Article, Section\n"
        f"Article.objects.create(title_en={title!r}, slug={title.lower().replace(' ', '-')!r}, "
        "body_en='<p>Now.</p>', section=Section.objects.exclude(slug='korea-and-the-world').first(), "
        "status='published')\n"
        "print(time.time())\n"
    )
    _port, env, _process = servers[0]
    shell = [sys.executable, "manage.py", "shell", "--no-imports", "-c", code]
    saved = subprocess.run(shell, env=env, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S603
    published = float(saved.stdout.split()[-1])
    waiting = {port for port, _env, _process in servers}
    while waiting and time.time() - published < 120:
        waiting = {port for port in waiting if not home_shows(port, title)}
        time.sleep(0.02)
    if waiting:
        raise SystemExit(f"the article was not on the home page of the servers on ports {sorted(waiting)} in 120 s")
    return time.time() - published


def main():
    users = int(os.environ.get("LOADTEST_USERS", "50"))
    seconds = int(os.environ.get("LOADTEST_SECONDS", "60"))
    count = int(os.environ.get("LOADTEST_SERVERS", "1"))
    workers = int(os.environ.get("LOADTEST_WORKERS", "2"))
    workdir = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
    url = database_url()
    servers = []
    try:
        plan = workdir / "plan.json"
        prepare = [sys.executable, "-m", "tests.loadtest", "--prepare", str(plan)]
        subprocess.run(prepare, env=server_environment(workdir / "server-0", url, 0), cwd=ROOT, check=True)  # noqa: S603
        servers = start_servers(workdir, url, count, workers)
        hosts = [f"http://127.0.0.1:{port}" for port, _env, _process in servers]
        print(
            f"== {count} app server(s) on {', '.join(hosts)} ({'PostgreSQL' if url else 'SQLite'}, "
            f"{workers} gunicorn workers in all, {users} readers, {seconds} s)"
        )
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
                hosts[0],
                "--csv",
                str(workdir / "stats"),
                "--only-summary",
                "--stop-timeout",
                "10",
                "--loglevel",
                "WARNING",
            ],
            env={**os.environ, "LOADTEST_PLAN": plan.read_text(), "LOADTEST_HOSTS": ",".join(hosts)},
            cwd=ROOT,
        )
        report(workdir / "stats_stats.csv")
        failures = list(csv.DictReader((workdir / "stats_failures.csv").open()))
        for failure in failures:
            print(f"error: {failure['Method']} {failure['Name']}: {failure['Error']} ×{failure['Occurrences']}")
        delay = publication_delay(servers)
        print(f"\nAn article published through the first server was on every home page {delay:.2f} s later.")
        return locust.returncode
    finally:
        for _port, _env, process in servers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        if url:
            drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        prepare_content(sys.argv[2])
    else:
        sys.exit(main())
