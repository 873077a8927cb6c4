"""
Real servers for the tests that need more than one database connection: the
site under gunicorn in a process of its own, on loopback, and a browser-like
HTTP client (standard library only) that keeps its cookies and posts forms
with their CSRF token, and may take them to another server. The services
several servers share are a PostgreSQL cluster of the test's own, or
databases and a Redis key prefix of the test's own on the machine's servers.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
import pytest
import redis

ROOT = Path(__file__).resolve().parent.parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(var_dir, **variables):
    """The environment of a site of its own: none of ours (no database, no Redis), its files under ``var_dir``."""
    inherited = ("DJANGO_", "DATABASE_", "REDIS_URL")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(inherited)}
    environment.update(DJANGO_SETTINGS_MODULE="tests.server_settings", DJANGO_VAR_DIR=str(var_dir), **variables)
    return environment


def manage(environment, *args, timeout=120):
    """Run manage.py with ``environment``; return its standard output, fail with its errors."""
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def run_python(environment, code):
    """Run ``code`` in Django's shell of that site; return what it printed as JSON."""
    return json.loads(manage(environment, "shell", "--no-imports", "-c", code))


@contextlib.contextmanager
def gunicorn(environment, workers=1, threads=4, timeout=20, ready_path="/robots.txt"):
    """
    Serve the site on a free loopback port; yield its base URL and process. It logs to var/gunicorn.log.

    It is ready when ``ready_path`` answers 200 (``/healthz`` for a site whose database is down).
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = Path(environment["DJANGO_VAR_DIR"]) / "gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    # A file, not a pipe nobody reads: a full pipe would stop the server.
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own site
            [
                *(sys.executable, "-m", "gunicorn", "korea_portal.wsgi"),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)),
                *("--timeout", "30", "--graceful-timeout", "2", "--no-control-socket"),
            ],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )

    def started():
        return process.poll() is not None or WebClient(base_url).get(ready_path).status == 200

    try:
        wait_until(started, timeout, "gunicorn's first answer")
        assert process.poll() is None, f"gunicorn stopped: {log.read_text()}"
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until(condition, timeout, what="the condition"):
    """Call ``condition`` until it is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not come in {timeout} s"
        time.sleep(0.1)


POSTGRESQL_BIN = Path(os.environ.get("PORTAL_POSTGRESQL_BIN", "/usr/lib/postgresql/15/bin"))


class PostgreSQL:
    """
    A throw-away PostgreSQL cluster of the test's own, on a free loopback port.

    It lives in a temporary directory; its server runs as the ``postgres``
    user when the tests run as root (PostgreSQL refuses root), without fsync
    (a stopped server loses nothing the system has not written yet).
    """

    def __init__(self, directory):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, program, *args):
        command = [str(POSTGRESQL_BIN / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)  # noqa: S603 - PostgreSQL's tools
        assert result.returncode == 0, f"{program} failed: {result.stdout}{result.stderr}"

    def initdb(self):
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self.run("pg_ctl", "start", "-w", "-t", "30", "-D", self.data, "-l", self.directory / "log", "-o", options)

    def stop(self):
        """Stop at once, as a crash would: every connection is cut, mid-transaction or not."""
        self.run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", self.data)

    def is_running(self):
        return (self.data / "postmaster.pid").exists()


@contextlib.contextmanager
def postgresql_cluster():
    """Yield a started ``PostgreSQL`` cluster; stop and remove it afterwards, even after a failure."""
    directory = tempfile.mkdtemp(prefix="portal-postgresql-")
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = PostgreSQL(directory)
    try:
        cluster.initdb()
        cluster.start()
        yield cluster
    finally:
        if cluster.is_running():
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


# The machine's own PostgreSQL server and Redis, for the tests of several app
# servers sharing them (tests/korea_portal/test_many_servers.py). The PostgreSQL
# run's server is used when DATABASE_URL names one.
MACHINE_POSTGRESQL_URL = os.environ.get("PORTAL_TEST_POSTGRESQL_URL", "postgres://postgres@127.0.0.1:5432/postgres")
MACHINE_REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def require_service(name, url, error):
    """Skip the test for want of a service of the machine; under ``CI=true`` fail instead, CI has them all."""
    reason = f"{name} does not answer at {url}: {error}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs this test: {reason}")
    pytest.skip(reason)


def machine_postgresql_server():
    """The URL of the machine's PostgreSQL server: the suite's own on the PostgreSQL run."""
    suite = os.environ.get("DATABASE_URL", "")
    return suite if suite.startswith(("postgres://", "postgresql://")) else MACHINE_POSTGRESQL_URL


class MachineDatabases:
    """
    Databases of the test's own on the machine's PostgreSQL server, dropped
    afterwards; their names are new for every run, so that runs (and other
    checkouts of the project) sharing the server never meet.
    """

    def __init__(self):
        self.server = dj_database_url.parse(machine_postgresql_server())
        self.run_id = secrets.token_hex(4)
        self.names = []

    def url(self, name):
        user = urllib.parse.quote(self.server["USER"] or "")
        password = urllib.parse.quote(self.server["PASSWORD"] or "")
        credentials = f"{user}:{password}@" if password else f"{user}@"
        return f"postgres://{credentials}{self.server['HOST']}:{self.server['PORT'] or 5432}/{name}"

    def execute(self, database, sql):
        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as connection:
            connection.execute(sql)

    def check(self):
        try:
            self.execute("postgres", "SELECT 1")
        except psycopg.OperationalError as error:
            require_service("PostgreSQL", self.url("postgres"), error)

    def create(self, purpose, template=None):
        """Create the database for ``purpose`` (a copy of the database ``template`` names); return its URL."""
        name = f"portal_test_{purpose}_{self.run_id}"
        copy = f" TEMPLATE {template}" if template else ""
        self.execute("postgres", f"CREATE DATABASE {name}{copy}")
        self.names.append(name)
        return self.url(name)

    def drop_all(self):
        for name in reversed(self.names):
            self.execute("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def machine_databases():
    """Yield ``MachineDatabases`` on the machine's PostgreSQL; every database made is dropped afterwards."""
    databases = MachineDatabases()
    databases.check()
    try:
        yield databases
    finally:
        databases.drop_all()


@contextlib.contextmanager
def machine_redis():
    """
    Yield the machine's Redis URL and a key prefix new for this run
    (``DJANGO_CACHE_PREFIX``); the prefix's keys are deleted before and after,
    and nobody else's: other runs may share the Redis database.
    """
    client = redis.Redis.from_url(MACHINE_REDIS_URL, socket_connect_timeout=5)
    prefix = f"portal-test-{secrets.token_hex(4)}"
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        require_service("Redis", MACHINE_REDIS_URL, error)

    def forget():
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)

    forget()
    try:
        yield MACHINE_REDIS_URL, prefix, client
    finally:
        forget()
        client.close()


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def __repr__(self):
        return f"<Answer {self.status}>"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class WebClient:
    """One visitor: its own cookies; answers are returned, never raised, redirects not followed."""

    def __init__(self, base_url, timeout=15, cookies=None):
        self.base_url = base_url
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar() if cookies is None else cookies
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects)

    def through(self, base_url):
        """The same visitor, with the same cookies, sent to another server (as a load balancer would)."""
        return WebClient(base_url, timeout=self.timeout, cookies=self.cookies)

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(response.status, response.headers, response.read().decode())
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, error.headers, error.read().decode())
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return Answer(None, {}, repr(error))

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request(path, data=data, **kwargs)

    def csrf_token(self, form_path):
        """The CSRF token of the form at ``form_path``: good for any form of this visitor's until they log in or out."""
        page = self.get(form_path)
        assert page.status == 200, (form_path, page.status)
        return CSRF_FIELD.search(page.body).group(1)

    def try_to_log_in(self, login, password):
        """Post the login form, as a reader would; return the answer (302 once logged in)."""
        token = self.csrf_token("/en/accounts/login/")
        return self.post("/en/accounts/login/", {"username": login, "password": password, "csrfmiddlewaretoken": token})

    def log_in(self, login, password):
        """Log in through the login form, as a reader would."""
        answer = self.try_to_log_in(login, password)
        assert answer.status == 302, (login, answer.status)
