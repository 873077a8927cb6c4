"""
``make serve`` behind the front proxy, measured: ``.venv/bin/pytest -s tests/bench_proxy.py``.

A benchmark, not a test (its name keeps it out of the suite): it starts
``make serve`` and nginx with ``deploy/nginx.conf`` as the tests of
``tests/korea_portal/test_serve.py`` do, loads the demo, then prints, for the
main pages, the HTML's weight as sent plain, gzipped and brotli-compressed by
nginx, and the requests per second with wrk (``wrk -t2 -c16 -d10s``, cached
anonymous pages) to gunicorn directly and through nginx over TLS, with and
without compression. Needs nginx, openssl and wrk (Debian: nginx-light
libnginx-mod-http-brotli-filter openssl wrk).
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.korea_portal.test_serve import get, proxy, served  # noqa: F401  # the fixtures

PAGES = ("/en/", "/fr/", "/en/world/", "/en/world/japan/", "/en/news/")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))


def wrk(url, *headers):
    program = shutil.which("wrk")
    if program is None:
        pytest.skip("wrk is not installed (Debian: apt-get install wrk)")
    command = [program, "-t2", "-c16", f"-d{SECONDS}s", *(part for header in headers for part in ("-H", header)), url]
    output = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 60, check=True).stdout  # noqa: S603
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def test_measure(served, proxy):  # noqa: F811  # the fixtures imported above
    environment = {**os.environ, "DJANGO_VAR_DIR": str(served.var)}
    environment.pop("DATABASE_URL", None)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "load_demo", "--no-editor"], check=True, env=environment, capture_output=True
    )
    print(f"\nHTML as sent through nginx (bytes), make serve with {os.environ.get('WEB_CONCURRENCY', 1)} worker:")
    print(f"{'page':20} {'plain':>8} {'gzip':>8} {'brotli':>8}")
    for page in PAGES:
        sizes = []
        for encoding in ("identity", "gzip", "br"):
            status, headers, body = get(proxy.https, page, {"Accept-Encoding": encoding}, context=proxy.tls)
            assert status == 200, (page, status)
            sizes.append(
                str(len(body)) if encoding == "identity" or headers.get("Content-Encoding") == encoding else "-"
            )
        print(f"{page:20} {sizes[0]:>8} {sizes[1]:>8} {sizes[2]:>8}")
    print(f"\nRequests per second, /en/ (cached for anonymous visitors), wrk -t2 -c16 -d{SECONDS}s:")
    direct = wrk(f"http://127.0.0.1:{served.port}/en/", "X-Forwarded-Proto: https")
    plain = wrk(f"https://localhost:{proxy.https}/en/")
    gzipped = wrk(f"https://localhost:{proxy.https}/en/", "Accept-Encoding: gzip")
    print(f"  gunicorn directly:           {direct:8.0f}")
    print(f"  through nginx, TLS, plain:   {plain:8.0f}  ({plain / direct:.2f} of direct)")
    print(f"  through nginx, TLS, gzip:    {gzipped:8.0f}  ({gzipped / direct:.2f} of direct)")
