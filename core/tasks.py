"""
The mail task: every mail of the site leaves through it (``core.mail.send_after_commit``).

A mail is built where it is asked for (its templates, in its reader's
language) and handed to the task as a plain, JSON-serialisable message: the
subject, the plain-text body, the HTML alternative, the sender, the
recipients, Reply-To and the headers. Nothing the request holds (a user, a
request, a lazy translation) crosses to the worker.

**Never twice.** Each queued mail carries a key made when it is queued (a
UUID). The task claims the key in the ``shared`` cache (Redis, or the
database table every process shares) with ``add()``, which only one caller
can win, before the mail goes; a message delivered twice (a redelivery after
a lost worker, a duplicate from the broker) finds the claim and sends
nothing. A send that fails releases the claim, so that its retry may claim it
again. A worker that dies in the middle of a send leaves the claim: that mail
is not sent again, the newsletter's rule too (a missed mail rather than a
second one).

**Retries.** A mail server's error (``SMTPException``, ``OSError``: refused
connection, timeout, a 4xx answer) is tried again after 1, 2, 4 … seconds
(full jitter, at most 10 minutes), ``MAIL_MAX_RETRIES`` times; a permanent
refusal (a 5xx answer: no such address) is not. Without a broker (eager mode,
``make run``) a mail is tried once in the process that queued it, as before
tasks: a visitor's page does not wait for retries. The last failure is logged.

**Logs** (``core.tasks``): one line per mail with the task, the key, the
number of recipients and the outcome; never an address or the mail's text.
"""

import logging
import smtplib

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.cache import caches
from django.core.mail import EmailMultiAlternatives

logger = logging.getLogger(__name__)

CACHE_ALIAS = "shared"
# How long a sent mail's key is remembered: longer than any redelivery (the broker's visibility timeout).
CLAIM_SECONDS = 7 * 24 * 3600
# The longest wait between two attempts, in seconds.
RETRY_BACKOFF_MAX = 600
# What a message holds, besides its HTML alternative.
MESSAGE_FIELDS = ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers")


def mail_message(mail):
    """
    Return ``mail`` (an ``EmailMessage``) as a JSON-serialisable dict for the task.

    Attachments other than a text alternative are refused: no mail of the site
    has one, and a file does not belong in a broker's message.
    """
    if mail.attachments:
        raise ValueError("A mail with attachments cannot be queued: no mail of the site has one.")
    message = {name: getattr(mail, name) for name in MESSAGE_FIELDS}
    message["subject"], message["body"] = str(mail.subject), str(mail.body)
    message["alternatives"] = [[str(content), mimetype] for content, mimetype in getattr(mail, "alternatives", [])]
    return message


def message_mail(message):
    """Return the ``EmailMultiAlternatives`` a ``mail_message()`` dict describes."""
    fields = {name: message[name] for name in MESSAGE_FIELDS if name != "extra_headers"}
    mail = EmailMultiAlternatives(**fields, headers=message["extra_headers"])
    for content, mimetype in message["alternatives"]:
        mail.attach_alternative(content, mimetype)
    return mail


def recipient_count(message):
    return len(message["to"]) + len(message["cc"]) + len(message["bcc"])


def claim_key(key):
    return f"mail-sent:{key}"


def is_permanent(error):
    """Whether the mail server refused the mail for good (a 5xx answer), so that trying again is pointless."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


@shared_task(bind=True, max_retries=None, acks_late=True, reject_on_worker_lost=True)
def send_mail(self, message, key):
    """Send one queued mail unless its key was already sent; retry a mail server's error with backoff."""
    claims = caches[CACHE_ALIAS]
    attempt = self.request.retries + 1
    if not claims.add(claim_key(key), self.request.id or "", CLAIM_SECONDS):
        logger.info("Mail %s (task %s) was already sent: not sent again", key, self.request.id)
        return "duplicate"
    try:
        message_mail(message).send()
    except (smtplib.SMTPException, OSError) as error:
        claims.delete(claim_key(key))
        return retry_or_give_up(self, error, message, key)
    except Exception:
        # Not the mail server: a fault of ours, which no retry would mend.
        claims.delete(claim_key(key))
        logger.exception("Mail %s (task %s) could not be built or sent", key, self.request.id)
        return "failed"
    logger.info(
        "Mail %s sent to %d recipient(s) (task %s, attempt %d)", key, recipient_count(message), self.request.id, attempt
    )
    return "sent"


def retry_or_give_up(task, error, message, key):
    """Queue the mail again after a wait, or log that it could not be sent and give it up."""
    retries = task.request.retries
    if task.request.is_eager or is_permanent(error) or retries >= settings.MAIL_MAX_RETRIES:
        logger.error(
            "Mail %s to %d recipient(s) could not be sent (task %s, attempt %d), given up: %r",
            key,
            recipient_count(message),
            task.request.id,
            retries + 1,
            error,
        )
        return "failed"
    countdown = get_exponential_backoff_interval(factor=1, retries=retries, maximum=RETRY_BACKOFF_MAX, full_jitter=True)
    logger.warning(
        "Mail %s (task %s, attempt %d) failed, tried again in %d s: %r",
        key,
        task.request.id,
        retries + 1,
        countdown,
        error,
    )
    raise task.retry(exc=error, countdown=countdown)
