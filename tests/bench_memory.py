"""
Worker memory after many requests: ``.venv/bin/python tests/bench_memory.py . 10000``.

gunicorn (gunicorn.conf.py, 2 workers) over a temporary var/ with the demo,
then N requests one after the other over the main pages in all ten
languages, every other one by a logged-in reader (rendered, never from the
page cache); prints each worker's resident memory (VmRSS) at the start and
every 2,500 requests. A benchmark, not a test: figures in docs/benchmarks.md.
"""

import http.client
import os
import re
import socket
import subprocess  # nosec B404
import sys
import tempfile
import time
from pathlib import Path

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
root = Path(sys.argv[1]).resolve()
total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
py = str(root / ".venv/bin/python")
with tempfile.TemporaryDirectory() as var:
    env = {
        **os.environ,
        "DJANGO_VAR_DIR": var,
        "PORT": str(port),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_PAGE_CACHE_SECONDS": "60",
    }
    env.pop("DATABASE_URL", None)
    for cmd in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"], ["load_demo", "--no-editor"]):
        subprocess.run([py, "manage.py", *cmd], cwd=root, env=env, check=True, capture_output=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [
            py,
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model as g; "
            "g().objects.create_user('memreader', 'm@example.org', 'a-long-Test-passw0rd')",
        ],
        cwd=root,
        env=env,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603
        [
            str(root / ".venv/bin/gunicorn"),
            "korea_portal.wsgi",
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)

        def workers():
            children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            return {
                pid: int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1)) // 1024
                for pid in children
            }

        # log in: fetch login page for csrf, post
        c = http.client.HTTPConnection("127.0.0.1", port)
        c.request("GET", "/en/accounts/login/")
        r = c.getresponse()
        body = r.read().decode()
        cookie = r.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        from urllib.parse import urlencode

        c.request(
            "POST",
            "/en/accounts/login/",
            urlencode({"csrfmiddlewaretoken": token, "username": "memreader", "password": "a-long-Test-passw0rd"}),
            {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}/en/accounts/login/",
            },
        )
        r = c.getresponse()
        r.read()
        session = [h for k, h in r.getheaders() if k.lower() == "set-cookie" and "sessionid" in h]
        assert session, r.status
        session = "; ".join([cookie, session[0].split(";")[0]])
        langs = ["en", "fr", "de", "es", "ar", "vi", "ru", "zh-hans", "ja", "ko"]
        paths = ["/", "/news/", "/world/", "/world/japan/", "/search/?q=trade", "/sitemap/", "/about/"]
        # a relation article
        c.request("GET", "/en/world/")
        page = c.getresponse().read().decode()
        arts = re.findall(r'href="/en(/world/[\w-]+/[\w-]+/)"', page)[:5]
        paths += arts
        print("workers at start (MB):", workers(), flush=True)
        start = time.time()
        n = 0
        statuses = {}
        while n < total:
            for lang in langs:
                for p in paths:
                    headers = {"Cookie": session} if n % 2 else {}
                    c.request("GET", f"/{lang}{p}", headers=headers)
                    r = c.getresponse()
                    r.read()
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    n += 1
                    if n % 2500 == 0:
                        print(n, "requests:", workers(), flush=True)
        print(f"{n} requests in {time.time() - start:.0f} s, statuses {statuses}; workers (MB): {workers()}")
    finally:
        server.terminate()
        server.wait(30)
