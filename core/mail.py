"""
Mail for every app: built from templates in the recipient's language, and
sent after the database transaction commits without letting the mail
server's trouble reach the visitor.

A mail named ``accounts/mail/verify`` is made of three templates:
``verify_subject.txt``, ``verify.txt`` (the plain-text body) and
``verify.html`` (the HTML alternative); the HTML ones extend ``core/mail/base.html``. A
rolled-back request sends nothing (``send_after_commit``).
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

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
