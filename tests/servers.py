"""
Real servers for the tests that need more than one database connection: the
site under gunicorn in a process of its own, on loopback, and a browser-like
HTTP client (standard library only) that keeps its cookies and posts forms
with their CSRF token.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(var_dir, **variables):
    """The environment of a site of its own: none of ours, its files under ``var_dir``."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
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
def gunicorn(environment, workers=1, threads=4, timeout=20):
    """Serve the site on a free loopback port; yield its base URL and process."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own site
        [
            *(sys.executable, "-m", "gunicorn", "korea_portal.wsgi"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)),
            *("--timeout", "30", "--graceful-timeout", "2"),
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while WebClient(base_url).get("/robots.txt").status != 200:
            assert process.poll() is None, f"gunicorn stopped: {process.stderr.read()}"
            assert time.monotonic() < deadline, "gunicorn did not answer in time"
            time.sleep(0.2)
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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

    def __init__(self, base_url, timeout=15):
        self.base_url = base_url
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects)

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

    def log_in(self, login, password):
        """Log in through the login form, as a reader would."""
        token = self.csrf_token("/en/accounts/login/")
        answer = self.post(
            "/en/accounts/login/", {"username": login, "password": password, "csrfmiddlewaretoken": token}
        )
        assert answer.status == 302, (login, answer.status)
