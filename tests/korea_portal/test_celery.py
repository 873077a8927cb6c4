"""
The Celery app as an operator runs it: the beat schedule and its tasks, the
scheduled article that appears on time, `make serve`'s supervision of
gunicorn, the worker and beat, and one site of its own whose mail goes
through a real ``celery worker`` over the machine's Redis.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone

from korea_portal import serve
from korea_portal.cache import PAGE_GENERATION_KEY
from korea_portal.celery import app
from korea_portal.tasks import clear_expired_sessions, show_scheduled_articles
from newsletter import tasks as newsletter_tasks
from newsletter.models import NewsletterDelivery, Subscription
from tests.core.test_tasks import FLAKY_BACKEND, FlakyBackend
from tests.factories import make_article, make_subscription
from tests.servers import ROOT, WebClient, free_port, manage, run_python, site_environment, wait_until

# This helper's own Redis database, so that other test runs on the machine do not clash.
REDIS_BROKER = "redis://127.0.0.1:6379/5"


def registered_tasks():
    app.loader.import_default_modules()
    return set(app.tasks)


class TestTheSchedule:
    def test_every_scheduled_task_exists(self):
        schedule = settings.CELERY_BEAT_SCHEDULE
        assert {entry["task"] for entry in schedule.values()} <= registered_tasks()
        assert {entry["task"] for entry in schedule.values()} == {
            "newsletter.tasks.send_newsletter",
            "newsletter.tasks.remove_unconfirmed_subscriptions",
            "korea_portal.tasks.clear_expired_sessions",
            "korea_portal.tasks.show_scheduled_articles",
        }

    def test_the_newsletter_is_weekly_and_the_scheduled_articles_checked_every_15_seconds(self):
        schedule = settings.CELERY_BEAT_SCHEDULE
        assert schedule["weekly-newsletter"]["schedule"] == crontab(day_of_week="mon", hour=8, minute=0)
        assert schedule["show-scheduled-articles"]["schedule"] == 15.0

    def test_beat_keeps_its_schedule_file_under_the_var_directory(self):
        assert Path(app.conf.beat_schedule_filename).parent == settings.VAR_DIR

    def test_messages_are_json_only_and_acknowledged_after_the_task(self):
        assert (app.conf.accept_content, app.conf.task_serializer) == (["json"], "json")
        assert (app.conf.task_acks_late, app.conf.task_reject_on_worker_lost) == (True, True)

    def test_without_a_broker_tasks_run_in_the_process(self):
        """The tests run as `make run` does: no CELERY_BROKER_URL, no REDIS_URL."""
        assert app.conf.task_always_eager is True
        assert app.conf.broker_url == "memory://"


@pytest.mark.django_db
class TestScheduledArticles:
    def test_an_article_appears_on_the_cached_home_page_at_its_publish_time(self):
        make_article(title_en="Already out")
        show_scheduled_articles.delay()
        soon = make_article(title_en="The scheduled summit", publish_date=timezone.now() + timedelta(seconds=1.5))
        visitor = Client()
        assert "The scheduled summit" not in visitor.get("/en/").content.decode()
        time.sleep(max(0, (soon.publish_date - timezone.now()).total_seconds()) + 0.1)
        # The page cached before its time is still served: no save happened when it came.
        assert "The scheduled summit" not in visitor.get("/en/").content.decode()
        assert show_scheduled_articles.delay().get() is True
        assert "The scheduled summit" in visitor.get("/en/").content.decode()

    def test_a_run_with_nothing_due_keeps_the_cached_pages(self):
        from django.core.cache import cache

        make_article(publish_date=timezone.now() - timedelta(hours=1))
        show_scheduled_articles.delay()
        Client().get("/en/")
        generation = cache.get(PAGE_GENERATION_KEY)
        assert show_scheduled_articles.delay().get() is False
        assert cache.get(PAGE_GENERATION_KEY) == generation


@pytest.mark.django_db
class TestHousekeeping:
    def test_expired_sessions_are_cleared_and_current_ones_kept(self):
        store = import_module(settings.SESSION_ENGINE).SessionStore
        for expiry in (-3600, 3600):
            session = store()
            session.set_expiry(expiry)
            session["seen"] = True
            session.save()
        clear_expired_sessions.delay()
        assert Session.objects.count() == 1
        assert Session.objects.get().expire_date > timezone.now()

    def test_unconfirmed_subscriptions_are_removed_after_the_days_set(self, settings):
        settings.NEWSLETTER_UNCONFIRMED_DAYS = 3
        old, recent = make_subscription(confirmed=False), make_subscription(confirmed=False)
        confirmed = make_subscription()
        Subscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created=timezone.now() - timedelta(days=4))
        Subscription.objects.filter(pk=recent.pk).update(created=timezone.now() - timedelta(days=2))
        assert newsletter_tasks.remove_unconfirmed_subscriptions.delay().get() == 1
        assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}

    def test_the_newsletter_task_sends_each_issue_once(self):
        make_article(title_en="This week in Seoul")
        subscription = make_subscription(language="fr")
        assert newsletter_tasks.send_newsletter.delay().get()["sent"] == 1
        assert newsletter_tasks.send_newsletter.delay().get()["issues"] == 0
        (sent,) = mail.outbox
        assert sent.to == [subscription.email]
        assert "This week in Seoul" in sent.body


def test_a_failed_newsletter_mail_is_retried_by_the_task_itself(task_worker, settings, monkeypatch):
    """Through a worker: the run with a failed mail runs again (after NEWSLETTER_RETRY_SECONDS), which sends it once."""
    monkeypatch.setattr(newsletter_tasks, "NEWSLETTER_RETRY_SECONDS", 0.5)
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    FlakyBackend.failures, FlakyBackend.attempts = 1, 0
    FlakyBackend.error = OSError("The mail server went away")
    make_article(title_en="This week in Busan")
    subscription = make_subscription()
    newsletter_tasks.send_newsletter.delay()
    # The delivery is recorded sent just after its mail went.
    wait_until(NewsletterDelivery.objects.filter(sent__isnull=False).exists, 30, "the newsletter after one failure")
    assert FlakyBackend.attempts == 2
    assert mail.outbox[0].to == [subscription.email]
    delivery = NewsletterDelivery.objects.get()
    assert (delivery.attempts, delivery.sent is not None) == (2, True)


class TestSupervision:
    """korea_portal/serve.py, which `make run` and `make serve` run."""

    def test_without_a_broker_only_gunicorn_runs(self):
        assert list(serve.commands("", Path("/venv/bin"))) == ["web"]

    def test_with_a_broker_a_worker_and_beat_run_beside_it(self):
        commands = serve.commands(REDIS_BROKER, Path("/venv/bin"))
        assert commands["worker"][:4] == ["/venv/bin/celery", "-A", "korea_portal", "worker"]
        assert commands["beat"][3] == "beat"

    def test_when_one_process_ends_the_others_are_stopped(self, monkeypatch):
        monkeypatch.setattr(serve, "POLL_SECONDS", 0.05)
        started = time.monotonic()
        status = serve.supervise({"web": ["sleep", "60"], "worker": [sys.executable, "-c", "raise SystemExit(3)"]})
        assert status == 3
        assert time.monotonic() - started < 20

    def test_a_worker_refuses_to_start_without_a_broker(self, tmp_path):
        environment = site_environment(tmp_path)
        for name in ("CELERY_BROKER_URL", "REDIS_URL"):
            environment.pop(name, None)
        result = subprocess.run(  # noqa: S603 - our own worker
            [str(Path(sys.executable).parent / "celery"), "-A", "korea_portal", "worker"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode != 0
        assert "No task broker is configured: set CELERY_BROKER_URL or REDIS_URL" in result.stderr


def redis_or_fail():
    """The machine's Redis, emptied of this helper's database; skipped without it, a failure under CI=true."""
    import redis

    client = redis.Redis.from_url(REDIS_BROKER, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is needed at {REDIS_BROKER}: {error}")
        pytest.skip(f"no Redis at {REDIS_BROKER}: {error}")
    client.flushdb()
    return client


def mail_files(var):
    folder = var / "mail"
    return sorted(folder.glob("*.log")) if folder.is_dir() else []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site of its own (SQLite file, mail written as files), migrated, with the machine's Redis as its broker."""
    var = tmp_path_factory.mktemp("celery-site")
    environment = site_environment(var, CELERY_BROKER_URL=REDIS_BROKER, PORT=str(free_port()), WEB_CONCURRENCY="1")
    environment.pop("REDIS_URL", None)
    manage(environment, "migrate", "--no-input", "-v", "0")
    return var, environment


def test_a_sign_up_mail_goes_through_a_real_worker_and_serve_stops_all_three(site):
    """gunicorn, `celery worker` and `celery beat` started as `make serve` does; the mail comes from the worker."""
    client = redis_or_fail()
    var, environment = site
    log = (var / "serve.log").open("w")
    supervisor = subprocess.Popen(  # noqa: S603 - our own site
        [sys.executable, "-m", "korea_portal.serve"], cwd=ROOT, env=environment, stdout=log, stderr=log
    )
    try:
        wait_until(lambda: "ready." in (var / "serve.log").read_text(), 60, "the worker's 'ready'")
        visitor = WebClient(f"http://127.0.0.1:{environment['PORT']}")
        wait_until(lambda: visitor.get("/robots.txt").status == 200, 60, "gunicorn's first answer")
        token = visitor.csrf_token("/en/accounts/signup/")
        answer = visitor.post(
            "/en/accounts/signup/",
            {
                "email": "worker@example.org",
                "display_name": "Kim Min",
                "preferred_language": "ko",
                "password1": "a-Long-passw0rd-to-keep",
                "password2": "a-Long-passw0rd-to-keep",
                "csrfmiddlewaretoken": token,
            },
        )
        assert answer.status == 302, answer.body
        wait_until(lambda: mail_files(var), 30, "the verification mail")
        (written,) = mail_files(var)
        text = written.read_text()
        assert "To: worker@example.org" in text and "/ko/accounts/verify/" in text
        served_log = (var / "serve.log").read_text()
        assert "core.tasks.send_mail" in served_log and "sent to 1 recipient(s)" in served_log
        assert "beat: Starting..." in served_log
        # Nothing is left on the broker: the message was acknowledged.
        assert client.llen("celery") == 0
    finally:
        supervisor.send_signal(signal.SIGTERM)
        status = supervisor.wait(timeout=60)
        log.close()
        client.flushdb()
    assert status == 0
    children = subprocess.run(["pgrep", "-P", str(supervisor.pid)], capture_output=True, text=True)  # noqa: S603, S607
    assert children.stdout == ""


def test_when_the_broker_is_unreachable_a_mail_is_sent_by_the_process_itself(site):
    var, environment = site
    before = set(mail_files(var))
    code = (
        "import json\n"
        "from django.core.mail import EmailMessage\n"
        "from core.mail import send_logged\n"
        "send_logged(EmailMessage('Hello', 'Body', to=['someone@example.org']))\n"
        "print(json.dumps(True))\n"
    )
    assert run_python({**environment, "CELERY_BROKER_URL": "redis://127.0.0.1:9/0"}, code) is True
    (written,) = set(mail_files(var)) - before
    assert "To: someone@example.org" in written.read_text()
