"""
The password-reset task: the account looked up and its link mailed after the request ends.

Queued by ``accounts.forms.PasswordResetForm.save()`` for any address typed,
so that a request for an address with an account and one without do the same
work. Sending again is harmless (a new link; the rate limits were counted in
the request), and the mail itself leaves through ``core.tasks.send_mail``.
"""

import logging

from celery import shared_task

from .forms import PasswordResetForm

logger = logging.getLogger(__name__)


@shared_task
def send_password_reset(email, *, domain, use_https, email_template_name):
    """Mail a reset link to the account of ``email``, if there is one; the link points at ``domain``."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        logger.warning("Password reset: the address queued is not valid: nothing sent")
        return
    form.send_reset_mails(domain=domain, use_https=use_https, email_template_name=email_template_name)
