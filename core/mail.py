"""
Mail for every app: built from templates in the recipient's language, and
sent after the database transaction commits without letting the mail
server's trouble reach the visitor.

A mail named ``accounts/mail/verify`` is made of three templates:
``verify_subject.txt``, ``verify.txt`` (the plain-text body) and
``verify.html`` (the HTML alternative); the HTML ones extend ``core/mail/base.html``. A
rolled-back request sends nothing (``send_after_commit``).

The mail itself leaves in a task (``core.tasks.send_mail``): in a worker when
a broker is configured, else in this process right after the commit.
"""

import logging
import uuid
from functools import partial

import kombu.exceptions
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import tasks
from .tasks import mail_message

logger = logging.getLogger(__name__)


def send_logged(mail):
    """
    Queue ``mail`` now (not waiting for a commit), for the mail task to send once.

    Nothing is raised to the caller: a mail server's failure is retried and
    logged by the task.
    """
    queue_message(mail_message(mail))


def send_after_commit(mail):
    """
    Queue ``mail`` once the current transaction commits (at once outside one).

    A rolled-back request sends nothing, and a mail that cannot be sent is
    retried and logged by the task: the visitor's page is the same either way.
    The mail is made into its message now, so a mail that cannot be queued
    fails here, in its caller, and the message no longer depends on anything
    the request may change before it commits.
    """
    transaction.on_commit(partial(queue_message, mail_message(mail)))


def queue_message(message):
    """
    Queue a ``mail_message()`` for the mail task, under a new key (``core.tasks``).

    When the broker cannot be reached (after Celery's own retries of the
    publish) the mail is sent here instead, through the same task, so that it
    is not lost.
    """
    key = uuid.uuid4().hex
    try:
        tasks.send_mail.delay(message, key)
    except kombu.exceptions.OperationalError:
        logger.exception("The task broker is unreachable: mail %s is sent by this process", key)
        tasks.send_mail.apply(args=(message, key))


def absolute_url(path, request=None):
    """Return ``path`` as a full URL: from the request when there is one, else from SITE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{settings.SITE_URL}{path}"


def localized_url(name, language, request=None, **kwargs):
    """Return the full URL of the route ``name`` in ``language`` (``/ko/…``)."""
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs), request)


def normalise_email(address):
    """Return the address in lower case, so that one person has one account and one subscription."""
    return address.strip().lower()


def clean_normalised_email(form):
    """
    Return the form's ``email`` normalised, checked again by the field's validators.

    Lower case may be longer or no longer an address: ``İ`` becomes ``i̇``
    (two characters, the second a combining dot), so a valid address could
    become one the database column or the model's validation refuses.
    """
    email = normalise_email(form.cleaned_data["email"])
    form.fields["email"].run_validators(email)
    return email


def build_mail(template_prefix, context, *, to, language, reply_to=None, headers=None):
    """Render the mail ``template_prefix`` in ``language`` and return it unsent."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        context["LANGUAGE_CODE"] = translation.get_language()
        context["LANGUAGE_BIDI"] = translation.get_language_bidi()
        # A subject is one line, whatever the template or the data hold.
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    mail = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to or [], headers=headers or {}
    )
    mail.attach_alternative(html, "text/html")
    return mail
