"""
Every mail leaves through the mail task (``core.tasks.send_mail``): after the
commit, once, retried with backoff when the mail server fails, and logged.

Without a broker (the tests' settings, like ``make run``) the task runs in the
process right after the commit (eager mode); ``task_worker`` runs a real
Celery worker with an in-memory broker, where messages are published,
retried and delivered again as under ``make worker``.
"""

import smtplib
import uuid

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem
from django.db import transaction
from django.urls import reverse

from core.mail import build_mail, send_after_commit
from core.tasks import mail_message, send_mail
from tests.servers import wait_until

SIGNUP = "/en/accounts/signup/"
FLAKY_BACKEND = "tests.core.test_tasks.FlakyBackend"


class FlakyBackend(locmem.EmailBackend):
    """A mail server that fails the first ``failures`` mails it is given (with ``error``), then accepts them."""

    failures = 0
    error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    attempts = 0

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).failures > 0:
            type(self).failures -= 1
            raise type(self).error
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail_server(settings):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    FlakyBackend.failures, FlakyBackend.attempts = 0, 0
    FlakyBackend.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    return FlakyBackend


def a_mail(to="reader@example.org"):
    return build_mail(
        "accounts/mail/account_exists",
        {"user": None, "login_url": "http://x/login/", "reset_url": "http://x/reset/"},
        to=[to],
        language="fr",
        reply_to=["editor@example.org"],
        headers={"List-Unsubscribe": "<http://x/leave/>"},
    )


def signup_data(email):
    return {
        "email": email,
        "display_name": "Kim Min",
        "preferred_language": "ko",
        "password1": "a-Long-passw0rd-to-keep",
        "password2": "a-Long-passw0rd-to-keep",
    }


@pytest.mark.django_db
class TestAfterCommit:
    def test_the_sign_up_mail_leaves_after_the_commit(self, client, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = client.post(SIGNUP, signup_data("new@example.org"))
        assert response.status_code == 302
        # Answered, committed not yet: nothing sent.
        assert mail.outbox == []
        for callback in callbacks:
            callback()
        (sent,) = mail.outbox
        assert sent.to == ["new@example.org"]
        assert "/ko/accounts/verify/" in sent.body

    def test_a_rolled_back_transaction_sends_nothing(self, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
            with transaction.atomic():
                send_after_commit(a_mail())
                raise RuntimeError("the request failed")
        assert mail.outbox == []

    def test_the_mail_arrives_as_it_was_built(self, committed):
        committed(send_after_commit, a_mail())
        (sent,) = mail.outbox
        built = a_mail()
        assert (sent.subject, sent.body, sent.to, sent.reply_to, sent.from_email) == (
            built.subject,
            built.body,
            ["reader@example.org"],
            ["editor@example.org"],
            built.from_email,
        )
        assert sent.alternatives == built.alternatives
        assert sent.extra_headers["List-Unsubscribe"] == "<http://x/leave/>"

    def test_a_mail_with_an_attachment_is_refused_where_it_is_queued(self):
        attached = EmailMessage("Report", "See attached.", to=["reader@example.org"])
        attached.attach("report.csv", "a,b\n", "text/csv")
        with pytest.raises(ValueError, match="attachments"):
            send_after_commit(attached)


@pytest.mark.django_db
class TestOnceAndLogged:
    def test_a_message_delivered_twice_is_sent_once(self, caplog):
        message, key = mail_message(a_mail()), uuid.uuid4().hex
        assert send_mail.apply(args=(message, key)).get() == "sent"
        assert send_mail.apply(args=(message, key)).get() == "duplicate"
        assert len(mail.outbox) == 1
        assert "was already sent: not sent again" in caplog.text

    def test_each_send_is_logged_without_the_address_or_the_text(self, caplog, committed):
        caplog.set_level("INFO", logger="core.tasks")
        committed(send_after_commit, a_mail(to="private.person@example.org"))
        (record,) = [record for record in caplog.records if record.name == "core.tasks"]
        assert "sent to 1 recipient(s)" in record.getMessage()
        assert "private.person" not in caplog.text
        assert a_mail().subject not in caplog.text

    def test_without_a_broker_a_failed_mail_is_tried_once_and_logged(
        self, client, flaky_mail_server, committed, caplog
    ):
        """The embedded default: the request's own process sends, and a visitor's page never waits for retries."""
        flaky_mail_server.failures = 5
        response = committed(client.post, SIGNUP, signup_data("new@example.org"))
        assert response.status_code == 302
        assert flaky_mail_server.attempts == 1
        assert mail.outbox == []
        assert "could not be sent" in caplog.text and "given up" in caplog.text


class TestThroughAWorker:
    def test_a_mail_server_error_is_retried_and_the_mail_sent_once(self, task_worker, flaky_mail_server, caplog):
        flaky_mail_server.failures = 2
        send_after_commit(a_mail())
        wait_until(lambda: len(mail.outbox) == 1, 30, "the mail after two failures")
        assert flaky_mail_server.attempts == 3
        assert caplog.text.count("tried again in") == 2

    def test_a_permanent_refusal_is_not_retried(self, task_worker, flaky_mail_server, caplog):
        flaky_mail_server.failures = 1
        flaky_mail_server.error = smtplib.SMTPRecipientsRefused({"reader@example.org": (550, b"No such mailbox")})
        send_after_commit(a_mail())
        wait_until(lambda: "given up" in caplog.text, 30, "the refusal")
        assert flaky_mail_server.attempts == 1
        assert "tried again" not in caplog.text
        assert mail.outbox == []

    def test_a_redelivered_message_sends_nothing_more(self, task_worker):
        message, key = mail_message(a_mail()), uuid.uuid4().hex
        # The same message twice, as a broker redelivers one whose worker was lost.
        first = send_mail.apply_async(args=(message, key))
        send_mail.apply_async(args=(message, key), task_id=first.id)
        wait_until(lambda: len(mail.outbox) == 1, 30, "the first delivery")
        # A later mail is handled after both deliveries: the solo pool runs one task at a time, in order.
        send_mail.apply_async(args=(mail_message(a_mail(to="other@example.org")), uuid.uuid4().hex))
        wait_until(lambda: len(mail.outbox) == 2, 30, "a later mail")
        assert [sent.to for sent in mail.outbox] == [["reader@example.org"], ["other@example.org"]]

    def test_the_password_reset_mail_goes_through_the_worker(self, task_worker, client):
        from tests.factories import make_user

        make_user(email="someone@example.org", preferred_language="ja")
        response = client.post(reverse("accounts:password-reset"), {"email": "someone@example.org"})
        assert response.status_code == 302
        wait_until(lambda: len(mail.outbox) == 1, 30, "the reset mail")
        assert "/ja/accounts/password/reset/" in mail.outbox[0].body


class TestTracing:
    """An operator follows a request into its tasks: one id in both logs, and the tasks counted by name."""

    def test_a_task_logs_under_the_id_of_the_request_that_queued_it(self, task_worker, client, caplog):
        from core.logging import RequestIdFilter
        from tests.factories import make_user

        caplog.set_level("INFO", logger="core.tasks")
        caplog.set_level("INFO", logger="korea_portal.tasks")
        caplog.handler.addFilter(RequestIdFilter())
        make_user(email="someone@example.org")
        client.post(reverse("accounts:password-reset"), {"email": "someone@example.org"}, HTTP_X_REQUEST_ID="trace-42")
        wait_until(lambda: len(mail.outbox) == 1, 30, "the reset mail")
        wait_until(lambda: any(r.name == "core.tasks" for r in caplog.records), 30, "the mail task's log line")

        # The reset task, then the mail task it queued: each has its line, both under the request's id.
        def done():
            return [r.getMessage().split(" (")[0] for r in caplog.records if r.name == "korea_portal.tasks"]

        wait_until(lambda: len(done()) == 2, 30, "both tasks' own lines")
        assert done() == ["Task accounts.tasks.send_password_reset", "Task core.tasks.send_mail"]
        lines = [record for record in caplog.records if record.name in ("core.tasks", "korea_portal.tasks")]
        assert all(record.request_id == "trace-42" for record in lines)
        assert all(" success in " in r.getMessage() for r in lines if r.name == "korea_portal.tasks")

    @pytest.mark.django_db
    def test_every_task_run_and_failure_is_counted_by_name(self, committed, settings):
        from prometheus_client import REGISTRY

        def count(metric):
            return REGISTRY.get_sample_value(f"{metric}_total", {"task": send_mail.name}) or 0

        runs, failures = count("portal_tasks_run"), count("portal_tasks_failed")
        committed(send_after_commit, a_mail())
        assert (count("portal_tasks_run"), count("portal_tasks_failed")) == (runs + 1, failures)
        settings.EMAIL_BACKEND = "tests.core.test_tasks.BrokenBackend"
        committed(send_after_commit, a_mail())
        assert count("portal_tasks_failed") == failures + 1


class BrokenBackend(locmem.EmailBackend):
    """A mail backend with a bug of its own (not a mail server's error): the task fails."""

    def send_messages(self, messages):
        raise RuntimeError("a bug in the mail backend")
