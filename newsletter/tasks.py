"""
The newsletter's scheduled tasks (``CELERY_BEAT_SCHEDULE`` in the settings).

``send_newsletter`` does what ``manage.py send_newsletter`` does, and is as
safe to run twice or to redeliver: every delivery is claimed before its mail
goes (``newsletter.sending``). When mails failed it runs again after
``NEWSLETTER_RETRY_SECONDS`` (30 minutes), up to ``NEWSLETTER_MAX_ATTEMPTS``
runs in all, instead of leaving those subscribers to wait for next week's
run; without a broker (eager mode) the next scheduled run retries them.
"""

import logging

from celery import shared_task

from .sending import due_issues, max_attempts, pending_subscriptions, remove_stale_subscriptions, send_issue

logger = logging.getLogger(__name__)

# Seconds before the task runs again to retry the mails that failed.
NEWSLETTER_RETRY_SECONDS = 30 * 60


@shared_task(bind=True, max_retries=None, soft_time_limit=3300, time_limit=3600)
def send_newsletter(self):
    """Send the due issues; return what became of them ({"issues": n, "sent": n, "failed": n, "given up": n})."""
    totals = {"issues": 0, "sent": 0, "failed": 0, "given up": 0}
    for issue in due_issues():
        report = send_issue(issue, pending_subscriptions(issue))
        totals["issues"] += 1
        totals["sent"] += report.sent
        totals["failed"] += len(report.failed)
        totals["given up"] += len(report.given_up)
        logger.info(
            "%s: sent %d, nothing new for %d, failed %d (to retry), given up %d (task %s)",
            issue,
            report.sent,
            report.nothing_new,
            len(report.failed),
            len(report.given_up),
            self.request.id,
        )
    if not totals["issues"]:
        logger.info("Newsletter: no article published since the last issue, nothing sent")
    if totals["failed"] and not self.request.is_eager and self.request.retries + 1 < max_attempts():
        raise self.retry(countdown=NEWSLETTER_RETRY_SECONDS)
    return totals


@shared_task
def remove_unconfirmed_subscriptions():
    """Delete the subscriptions left unconfirmed for NEWSLETTER_UNCONFIRMED_DAYS; return how many."""
    removed = remove_stale_subscriptions()
    logger.info("Newsletter: %d subscription(s) never confirmed removed", removed)
    return removed
