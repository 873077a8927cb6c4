"""
Health endpoints for the service manager and the load balancer.

``/healthz`` says the process answers (liveness): it touches nothing else, so
a database outage never gets a healthy worker restarted. ``/readyz`` says
whether this server can serve (readiness): the database, the cache and the
task broker each answer within ``settings.HEALTH_CHECK_TIMEOUT`` seconds, or
it is a 503 naming the check that failed. A broker that is not configured
(tasks run in the process) is reported as such and does not fail.

Both answer JSON, are never cached (``Cache-Control: no-store``, and the page
cache leaves their paths alone), set no cookie and run outside the request's
transaction (``ATOMIC_REQUESTS`` would otherwise need the database first).

These are three small checks of our own rather than django-health-check:
that package brings an app, templates and checks of its own (a row written
to the database on every probe), where a probe needs three calls of a few
lines each, all bounded by one timeout.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    """Run ``SELECT 1`` on a connection of this check's own, then close it."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connections.close_all()


def check_cache():
    """Write, read back and delete a key in the default cache."""
    cache = caches["default"]
    key = "portal:readyz"
    try:
        cache.set(key, "ok", timeout=10)
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was written")
        cache.delete(key)
    finally:
        cache.close()


def check_broker():
    """Connect to ``CELERY_BROKER_URL`` (kombu); return ``not configured`` without one."""
    url = getattr(settings, "CELERY_BROKER_URL", "")
    if not url:
        return "not configured"
    from kombu import Connection

    timeout = settings.HEALTH_CHECK_TIMEOUT
    with Connection(url, connect_timeout=timeout) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=timeout)
    return None


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


class CheckThread(threading.Thread):
    """
    Run one check in a daemon thread and keep its outcome.

    A daemon thread, not an executor's: a check stuck on a silent service
    must not keep the worker from exiting on a restart.
    """

    def __init__(self, name, check):
        super().__init__(name=f"readyz-{name}", daemon=True)
        self.check, self.note, self.error = check, None, None

    def run(self):
        try:
            self.note = self.check()
        except Exception as error:
            self.error = error


def run_checks():
    """
    Run every check at once; return ``{name: result}``.

    A check that does not finish within the timeout fails as ``timeout``; its
    thread is left to end on its own, so a hanging service cannot hold the
    probe or the worker.
    """
    threads = {name: CheckThread(name, check) for name, check in CHECKS.items()}
    deadline = time.monotonic() + settings.HEALTH_CHECK_TIMEOUT
    for thread in threads.values():
        thread.start()
    results = {}
    for name, thread in threads.items():
        thread.join(max(deadline - time.monotonic(), 0))
        if thread.is_alive():
            logger.warning("Readiness check %s: no answer in %s s", name, settings.HEALTH_CHECK_TIMEOUT)
            results[name] = {"ok": False, "error": "timeout"}
        elif thread.error is not None:
            logger.warning("Readiness check %s failed: %r", name, thread.error)
            # Only the kind of error: the address and the details are in the log, not in a public answer.
            results[name] = {"ok": False, "error": type(thread.error).__name__}
        else:
            results[name] = {"ok": True, **({"note": thread.note} if thread.note else {})}
    return results


@never_cache
@transaction.non_atomic_requests
def healthz(request):
    """Liveness: the process answers."""
    return JsonResponse({"status": "ok"})


@never_cache
@transaction.non_atomic_requests
def readyz(request):
    """Readiness: 200 when the database, the cache and the broker answer, else 503 with the failing checks."""
    checks = run_checks()
    failed = sorted(name for name, result in checks.items() if not result["ok"])
    body = {"status": "unavailable" if failed else "ok", "failed": failed, "checks": checks}
    return JsonResponse(body, status=503 if failed else 200)
