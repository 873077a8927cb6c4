"""
The mail section of ``make bench``: how long sign-up and password reset take to
answer for an address that has an account and for one that has none.

The page is the same either way (``tests/accounts/test_account_flows.py``); this
measures whether the time gives the answer away. Each form is posted with
Django's test client, its transaction committed, in two modes:

- *in process*: no broker, the mail task runs right after the commit, in the
  request's process (``make run``'s embedded default);
- *queued*: the task is published to a broker and the request ends there.
  The broker is Celery's in-memory one, never a real broker's queue (which
  would have to be purged afterwards): a Redis on loopback adds a fraction
  of a millisecond per publish.

Mail goes to memory (locmem), and the rate limits are reset before each request
so that every one is answered in full.
"""

import statistics
import time
import uuid

from tests.bench import percentile

REPEAT = 15
PASSWORD = "a-Long-passw0rd-to-keep"  # noqa: S105 - the sign-up form's, for accounts of the benchmark


def forms(known_email):
    """The four requests, named: each a (path, function of a fresh address → POST data)."""
    from django.urls import reverse

    def signup(email):
        return {
            "email": email,
            "display_name": "Bench",
            "preferred_language": "en",
            "password1": PASSWORD,
            "password2": PASSWORD,
        }

    signup_path, reset_path = reverse("accounts:signup"), reverse("accounts:password-reset")
    return {
        "sign-up, address with an account": (signup_path, lambda fresh: signup(known_email)),
        "sign-up, new address": (signup_path, signup),
        "password reset, address with an account": (reset_path, lambda fresh: {"email": known_email}),
        "password reset, unknown address": (reset_path, lambda fresh: {"email": fresh}),
    }


def time_posts(path, data_for):
    """Post the form REPEAT times; return the times in milliseconds."""
    from django.core.cache import caches
    from django.test import Client

    client, times = Client(), []
    for _ in range(REPEAT):
        caches["shared"].clear()
        data = data_for(f"bench-{uuid.uuid4().hex[:12]}@example.org")
        start = time.perf_counter()
        response = client.post(path, data)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"{path} answered {response.status_code}")
    return times


def measure_mode(eager):
    from django.core import mail

    from tests.celery_config import celery_conf
    from tests.factories import make_user

    # Queued messages stay in memory, dropped with the connection at the end.
    with celery_conf(task_always_eager=eager, broker_url="memory://"):
        known = f"known-{uuid.uuid4().hex[:8]}@example.org"
        make_user(email=known)
        rows = []
        for name, (path, data_for) in forms(known).items():
            mail.outbox = []
            times = time_posts(path, data_for)
            rows.append((name, times, len(mail.outbox)))
        return rows


def mail_section(out):
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    print(f"\nSign-up and password reset: {REPEAT} posts each, rate limits reset before each one.", file=out)
    header = ("request", "mode", "median", "p95", "mails sent in the request")
    lines = [header]
    for mode, eager in (("in process", True), ("queued", False)):
        for name, times, mails in measure_mode(eager):
            median, p95 = statistics.median(times), percentile(times, 0.95)
            lines.append((name, mode, f"{median:.1f} ms", f"{p95:.1f} ms", str(mails)))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for number, line in enumerate(lines):
        cells = [line[0].ljust(widths[0]), line[1].ljust(widths[1])] + [
            cell.rjust(width) for cell, width in zip(line[2:], widths[2:], strict=True)
        ]
        print("  ".join(cells).rstrip(), file=out)
        if number == 0:
            print("  ".join("-" * width for width in widths), file=out)
