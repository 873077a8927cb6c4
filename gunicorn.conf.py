"""
Gunicorn's settings for ``make run``, ``make serve`` and production alike.

Gunicorn answers on loopback only, behind a front proxy on the same machine
(``deploy/nginx.conf``). Everything a deployment may change is read from the
environment; any other option can be given with ``GUNICORN_CMD_ARGS``, which
overrides this file.
"""

import os
from pathlib import Path

# 127.0.0.1 only: the proxy in front is the one who may reach gunicorn, so the
# X-Forwarded-* headers that gunicorn and Django trust can only come from it.
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"

# Synchronous workers: each serves one request at a time; two or three suit
# the two cores of a small server. WEB_CONCURRENCY is gunicorn's usual name.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# A request still running after 30 s is stuck (no page takes more than a
# fraction of a second): its worker is killed and replaced. On a restart or
# a stop, workers get as long to finish the requests they are serving.
timeout = 30
graceful_timeout = 30

# The proxies whose X-Forwarded-Proto gunicorn believes (wsgi.url_scheme):
# the local one. A proxy on another machine is named in FORWARDED_ALLOW_IPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# One line per request on stdout, errors on stderr: the service manager keeps
# them. Beside the usual fields, the client's address as the proxy forwarded
# it and the time the request took in milliseconds.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'

# No control socket (gunicornc): its one path per user would be shared by every
# instance on the machine; signals do its work (HUP reloads, TERM stops).
control_socket_disable = True

# Prometheus metrics across workers: each worker writes its counts to files in
# PROMETHEUS_MULTIPROC_DIR (under the site's var/), and /metrics adds them up.
# Its files are removed when gunicorn starts (counts of a previous run would
# be added), and a worker that ends is marked dead (its live gauges dropped).
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", Path(__file__).resolve().parent / "var"))
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(VAR_DIR / "prometheus"))


def on_starting(server):
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.environ.get("PORTAL_METRICS_FOLDER_READY"):
        # korea_portal/serve.py emptied it before starting the Celery worker, which writes there too.
        return
    # Only the metrics' own files: the folder may be one an operator named.
    for counts in folder.glob("*.db"):
        counts.unlink()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
