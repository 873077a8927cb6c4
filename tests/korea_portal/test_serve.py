"""
The site served as in production: ``make serve`` (gunicorn with gunicorn.conf.py,
DJANGO_SECURE=1), then nginx in front of it with deploy/nginx.conf.

Both run for real, on free ports of 127.0.0.1, over a temporary var/ directory
and SQLite: ``make serve`` migrates it, collects the static files and makes
the secret key it keeps there. Every process is bounded in time and killed at
the end of the module.
"""

import gzip
import http.client
import io
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from PIL import Image as PILImage

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 240
HSTS = "max-age=31536000; includeSubDomains; preload"
SANDBOX = "default-src 'none'; sandbox"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, log):
    """Wait until something answers on the port, failing with the log if the process ends or time runs out."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped (exit {process.returncode}):\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"nothing answered on port {port} within {STARTUP_SECONDS} s:\n{log.read_text()}")


def start(command, log, **kwargs):
    """Start a command in its own process group, so that stop() ends it and every child of it."""
    return subprocess.Popen(  # noqa: S603 - our own commands
        command, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True, **kwargs
    )


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def get(port, path, headers=None, context=None, method="GET", body=None):
    """One request, redirects not followed: (status, headers, body)."""
    if context is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    else:
        connection = http.client.HTTPSConnection("localhost", port, timeout=60, context=context)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def png():
    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), "blue").save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`make serve` on a free port, with an uploaded picture and a stray SVG in its media folder."""
    var = tmp_path_factory.mktemp("serve") / "var"
    (var / "media" / "images").mkdir(parents=True)
    (var / "media" / "images" / "pixel.png").write_bytes(png())
    (var / "media" / "images" / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "MAKE", "MFLAGS"))
    }
    environment.update(DJANGO_VAR_DIR=str(var), PORT=str(port), WEB_CONCURRENCY="1")
    # The virtualenv running the tests is the one make uses, as it is: -o keeps make from reinstalling it.
    bin_dir = Path(sys.executable).parent
    command = ["make", "--no-print-directory", "-o", f"{bin_dir}/.installed", "serve", f"BIN={bin_dir}"]
    log = var.parent / "serve.log"
    process = start(command, log, cwd=ROOT, env=environment)
    try:
        wait_for_port(port, process, log)
        yield SimpleNamespace(port=port, var=var, log=log)
    finally:
        stop(process)


def as_from_proxy(**headers):
    return {"X-Forwarded-Proto": "https", **headers}


def test_a_request_forwarded_as_https_is_served_with_hsts(served):
    status, headers, body = get(served.port, "/en/", as_from_proxy())
    assert status == 200
    assert b"Korea Portal" in body
    assert headers["Strict-Transport-Security"] == HSTS
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_every_cookie_is_secure(served):
    # A form (the CSRF cookie) and a language other than the browser's (the language cookie).
    status, headers, _ = get(served.port, "/fr/contact/", as_from_proxy(**{"Accept-Language": "en"}))
    assert status == 200
    cookies = headers.get_all("Set-Cookie")
    assert {cookie.split("=", 1)[0] for cookie in cookies} >= {"__Host-csrftoken", "portal_language"}
    assert all("; Secure" in cookie for cookie in cookies), cookies


def test_a_plain_http_request_is_redirected_to_https(served):
    status, headers, _ = get(served.port, "/en/news/?page=2")
    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{served.port}/en/news/?page=2"


def test_uploaded_media_is_served_as_pictures_only(served):
    status, headers, body = get(served.port, "/media/images/pixel.png", as_from_proxy())
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert body == png()
    status, headers, _ = get(served.port, "/media/images/drawing.svg", as_from_proxy())
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == "attachment"
    assert headers["Content-Security-Policy"] == SANDBOX


def test_the_secret_key_is_made_once_and_readable_by_its_owner_only(served):
    key_file = served.var / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(key_file.read_text().strip()) >= 50


def test_each_request_is_logged_on_stdout(served):
    get(served.port, "/en/?logged=yes", as_from_proxy())
    deadline = time.monotonic() + 10
    while '"GET /en/?logged=yes HTTP/1.1" 200' not in served.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert '"GET /en/?logged=yes HTTP/1.1" 200' in served.log.read_text()


# nginx in front, with deploy/nginx.conf.


BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")


def missing(what):
    """CI must have what the nginx tests need (.ci/run installs it); elsewhere they are skipped without it."""
    message = f"{what} is not installed (Debian: apt-get install nginx-light libnginx-mod-http-brotli-filter openssl)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require(program):
    path = shutil.which(program) or shutil.which(program, path="/usr/sbin:/usr/bin")
    if path is None:
        missing(program)
    return path


def fill_in(example, replacements):
    """The example with its placeholders replaced, each of which must be there."""
    for placeholder, value in replacements.items():
        assert placeholder in example, f"deploy/nginx.conf no longer has {placeholder!r}"
        example = example.replace(placeholder, value)
    return example


@pytest.fixture(scope="module")
def proxy(served, tmp_path_factory):
    """nginx on two free ports (plain and TLS, with a certificate made for localhost) in front of `make serve`."""
    nginx = require("nginx")
    openssl = require("openssl")
    folder = tmp_path_factory.mktemp("nginx")
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(  # noqa: S603 - a fixed command
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    http_port, https_port = free_port(), free_port()
    site = fill_in(
        (ROOT / "deploy" / "nginx.conf").read_text(),
        {
            "listen 80;": f"listen 127.0.0.1:{http_port};",
            "listen [::]:80;": "",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            "/etc/letsencrypt/live/portal.example/fullchain.pem": str(certificate),
            "/etc/letsencrypt/live/portal.example/privkey.pem": str(key),
            "/srv/korea-portal/var": str(served.var),
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{served.port};",
        },
    )
    brotli = BROTLI_MODULE.exists()
    if brotli:
        site = fill_in(site, {"# brotli": "brotli", "#              application/atom+xml": "  application/atom+xml"})
    (folder / "korea-portal.conf").write_text(site)
    # The main configuration around it, as Debian's /etc/nginx/nginx.conf is, everything kept in the folder.
    temporary = " ".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # the pytest folders are the owner's alone
    modules = f"load_module {BROTLI_MODULE};" if brotli else ""
    (folder / "nginx.conf").write_text(
        f"{modules} {user} daemon off; worker_processes 1;\n"
        f"pid {folder / 'nginx.pid'}; error_log {folder / 'error.log'};\n"
        f"events {{}}\n"
        f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream;\n"
        f"  access_log {folder / 'access.log'}; {temporary}\n"
        f"  include {folder / 'korea-portal.conf'}; }}\n"
    )
    command = [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=60)  # noqa: S603
    log = folder / "nginx.log"
    process = start(command, log)
    try:
        wait_for_port(https_port, process, log)
        context = ssl.create_default_context(cafile=str(certificate))
        yield SimpleNamespace(http=http_port, https=https_port, tls=context, checked=checked, brotli=brotli)
    finally:
        stop(process)


def test_nginx_accepts_the_example(proxy):
    """nginx -t accepts deploy/nginx.conf, filled in for this machine."""
    assert proxy.checked.returncode == 0, proxy.checked.stderr
    assert "test is successful" in proxy.checked.stderr


def test_plain_http_is_sent_to_https(proxy):
    status, headers, _ = get(proxy.http, "/en/news/?page=2", {"Host": "localhost"})
    assert status == 301
    assert headers["Location"] == "https://localhost/en/news/?page=2"


def test_a_page_over_https_is_django_s_with_one_hsts_header(proxy):
    status, headers, body = get(proxy.https, "/en/", context=proxy.tls)
    assert status == 200
    assert b"Korea Portal" in body
    assert headers.get_all("Strict-Transport-Security") == [HSTS]
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]


def test_the_forwarded_headers_are_the_proxy_s_whatever_the_client_sends(proxy, served):
    spoofed = {"X-Forwarded-Proto": "http", "X-Forwarded-For": "203.0.113.9"}
    status, _, _ = get(proxy.https, "/en/?forwarded=spoofed", spoofed, context=proxy.tls)
    # Proto "http" would have been redirected to https: nginx said https.
    assert status == 200
    deadline = time.monotonic() + 10
    while "forwarded=spoofed" not in served.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    [line] = [line for line in served.log.read_text().splitlines() if "forwarded=spoofed" in line]
    # gunicorn logs the connection's address, then X-Forwarded-For: both are the client's, 127.0.0.1.
    assert line.startswith("127.0.0.1 127.0.0.1 "), line
    assert "203.0.113.9" not in line


def test_html_is_compressed(proxy):
    status, headers, body = get(proxy.https, "/en/", {"Accept-Encoding": "gzip"}, context=proxy.tls)
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(body)


def test_html_is_compressed_with_brotli_once_the_module_is_there(proxy):
    if not proxy.brotli:
        missing(BROTLI_MODULE.name)
    status, headers, body = get(proxy.https, "/en/", {"Accept-Encoding": "br"}, context=proxy.tls)
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert b"<html" not in body


def test_hashed_static_files_are_kept_for_good(proxy, served):
    # collectstatic's manifest is kept outside what is served (settings.STATIC_MANIFEST_ROOT).
    manifest = json.loads((served.var / "static-manifest" / "staticfiles.json").read_text())
    assert not (served.var / "static" / "staticfiles.json").exists()
    hashed = manifest["paths"]["css/portal.css"]
    status, headers, body = get(proxy.https, f"/static/{hashed}", {"Accept-Encoding": "gzip"}, context=proxy.tls)
    assert status == 200
    assert headers["Content-Type"] == "text/css"
    assert headers["Content-Encoding"] == "gzip"
    assert headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"] == HSTS
    assert gzip.decompress(body) == (served.var / "static" / hashed).read_bytes()
    status, headers, _ = get(proxy.https, "/static/css/portal.css", context=proxy.tls)
    assert status == 200
    assert headers.get_all("Cache-Control") == ["max-age=3600"]


def test_media_are_served_by_nginx_as_pictures_only(proxy):
    status, headers, body = get(proxy.https, "/media/images/pixel.png", context=proxy.tls)
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == SANDBOX
    assert headers.get_all("Cache-Control") == ["max-age=2592000"]
    assert body == png()
    status, headers, _ = get(proxy.https, "/media/images/drawing.svg", context=proxy.tls)
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Security-Policy"] == SANDBOX


def test_a_body_as_large_as_the_largest_upload_passes_and_a_larger_one_is_refused(proxy):
    # The size is checked before any location answers: /media/ answers a POST with 405.
    envelope = 200 * 1024
    largest = b"x" * (settings.IMAGE_MAX_BYTES + envelope)
    assert get(proxy.https, "/media/images/pixel.png", context=proxy.tls, method="POST", body=largest)[0] == 405
    larger = b"x" * (12 * 1024 * 1024)
    assert get(proxy.https, "/media/images/pixel.png", context=proxy.tls, method="POST", body=larger)[0] == 413
