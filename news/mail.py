"""Sending mail from a request without letting the mail server's trouble reach the visitor."""

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def send_logged(mail):
    """Send ``mail``; log a failure (an SMTP error, a refused address) instead of raising it."""
    try:
        mail.send()
    except Exception:
        logger.exception("Could not send the mail %r to %s", mail.subject, ", ".join(mail.to))


def send_after_commit(mail):
    """
    Send ``mail`` once the current transaction commits (at once outside one).

    A rolled-back request sends nothing, and a mail that cannot be sent is
    logged: the visitor's page is the same either way.
    """
    transaction.on_commit(partial(send_logged, mail))
