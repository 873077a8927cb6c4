"""
Sending a newsletter issue: the articles published since the last issue, to
each confirmed subscriber, in their language and their sections.

An issue covers a fixed period and is sent at most once to each
subscription: a delivery is claimed (a unique row) before its mail goes, so
running the command again after a crash resumes the unfinished issue and
skips everyone already claimed. Issues are numbered, so two runs started at
once make one issue between them.

A mail that fails with an error (a refused address, a mail server that went
away) is recorded as failed and tried again by the next run, at most
NEWSLETTER_MAX_ATTEMPTS times in all (a setting, 3 by default);
then that address misses the issue, so that one bouncing address cannot hold
the newsletter back for everyone.
"""

import enum
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from core.mail import build_mail
from news.articles import article_models
from news.models import WORLD_SECTION_SLUG, Section

from .models import NewsletterDelivery, NewsletterIssue, Subscription
from .services import unsubscribe_headers, unsubscribe_url

logger = logging.getLogger(__name__)

# The first issue covers this many days; later ones start where the last ended.
FIRST_ISSUE_DAYS = 7
# The most articles one mail lists; the rest are on the site.
MAX_ARTICLES_PER_MAIL = 30


def max_attempts():
    """Return how many times one address is tried for one issue before it is given up."""
    return settings.NEWSLETTER_MAX_ATTEMPTS


def open_issue(now=None):
    """
    Return the unfinished issue, or a new one covering everything since the last; None if nothing is new.

    A new issue is numbered after the last one. When another run has just
    made that issue (the number is taken), it is returned instead, and both
    runs share its deliveries.
    """
    now = now or timezone.now()
    unfinished = NewsletterIssue.objects.filter(completed__isnull=True).order_by("number").first()
    if unfinished is not None:
        return unfinished
    last = NewsletterIssue.objects.order_by("-number").first()
    start = last.period_end if last else now - timedelta(days=FIRST_ISSUE_DAYS)
    if not has_new_articles(start, now):
        return None
    number = last.number + 1 if last else 1
    try:
        with transaction.atomic():
            return NewsletterIssue.objects.create(number=number, period_start=start, period_end=now)
    except IntegrityError:
        return NewsletterIssue.objects.get(number=number)


def has_new_articles(start, end):
    """Whether any kind of article was published after ``start`` and until ``end``."""
    return any(published_between(model, start, end).exists() for model in article_models())


def published_between(model, start, end):
    return model.objects.published().filter(publish_date__gt=start, publish_date__lte=end)


def issue_articles(issue):
    """Return every article of the issue's period, newest first (one query per kind of article)."""
    articles = []
    for model in article_models():
        articles.extend(
            published_between(model, issue.period_start, issue.period_end).select_related(*model.list_related)
        )
    return sorted(articles, key=lambda article: article.publish_date, reverse=True)


def articles_in_sections(articles, section_ids, world_section_id):
    """
    Keep the articles of the chosen sections (all of them when none is chosen).

    An article without a section (a relation article) belongs to "Korea and
    the World", the section whose navigation entry leads to the partners.
    """
    if not section_ids:
        return articles
    return [article for article in articles if getattr(article, "section_id", world_section_id) in section_ids]


class Outcome(enum.Enum):
    """What became of one subscription's delivery of an issue."""

    SENT = "sent"
    # The subscriber's sections had nothing in this issue: the claim is recorded, no mail goes.
    NOTHING_NEW = "nothing new"
    # Another run, or this issue before, claimed it: not ours to send.
    CLAIMED = "claimed"
    # The mail failed; the next run tries again.
    FAILED = "failed"
    # The mail failed for the last time: the address misses this issue.
    GIVEN_UP = "given up"


@dataclass
class IssueReport:
    """How one run of an issue went: a count of each outcome, and the addresses that failed."""

    counts: Counter = field(default_factory=Counter)
    # Addresses whose mail failed and will be tried again by the next run.
    failed: list = field(default_factory=list)
    # Addresses whose mail failed for the last time: they miss this issue.
    given_up: list = field(default_factory=list)

    def record(self, outcome, email):
        self.counts[outcome] += 1
        if outcome is Outcome.FAILED:
            self.failed.append(email)
        elif outcome is Outcome.GIVEN_UP:
            self.given_up.append(email)

    @property
    def sent(self):
        return self.counts[Outcome.SENT]

    @property
    def nothing_new(self):
        return self.counts[Outcome.NOTHING_NEW]


def claim_delivery(issue, subscription, article_count, attempts_allowed):
    """
    Claim the issue for one subscription before its mail goes; return the delivery, or None if it is not ours to send.

    The first claim creates the delivery (unique per issue and subscription);
    a retry takes back a failed one with a conditional update. Either way only
    one run can win, and the claim is recorded before the mail goes, so a
    crash in between means a missed mail, never a second one.
    """
    retry = NewsletterDelivery.objects.to_retry(attempts_allowed).filter(issue=issue, subscription=subscription).first()
    if retry is None:
        try:
            with transaction.atomic():
                return NewsletterDelivery.objects.create(
                    issue=issue, subscription=subscription, article_count=article_count
                )
        except IntegrityError:
            # Claimed by another run, or by this issue before.
            return None
    won = NewsletterDelivery.objects.filter(pk=retry.pk, attempts=retry.attempts, failed__isnull=False).update(
        attempts=F("attempts") + 1, failed=None, article_count=article_count
    )
    if not won:
        return None
    retry.refresh_from_db()
    return retry


def reset_connection(connection):
    """Close a mail connection that an error may have broken, and open it again for the next mail."""
    try:
        connection.close()
        connection.open()
    except Exception:
        # The next mail opens one itself, or fails and is retried by a later run.
        logger.exception("Could not reopen the mail connection")


def issue_mail(issue, subscription, articles):
    """Return the issue's mail to one subscriber (their articles, in their language), unsent."""
    leave_url = unsubscribe_url(subscription.email, subscription.language)
    context = {
        "issue": issue,
        "articles": articles[:MAX_ARTICLES_PER_MAIL],
        "more_count": max(0, len(articles) - MAX_ARTICLES_PER_MAIL),
        "unsubscribe_url": leave_url,
    }
    return build_mail(
        "newsletter/mail/issue",
        context,
        to=[subscription.email],
        language=subscription.language,
        headers=unsubscribe_headers(leave_url),
    )


def send_claimed(delivery, mail, connection, attempts_allowed):
    """Send the mail of a claimed delivery and record what became of it; return the ``Outcome``."""
    mail.connection = connection
    try:
        mail.send()
    except Exception:
        # Known not to have gone: recorded as failed, so that a later run tries again (up to attempts_allowed).
        logger.exception(
            "Newsletter issue %s could not be sent to subscription %s (attempt %s of %s)",
            delivery.issue_id,
            delivery.subscription_id,
            delivery.attempts,
            attempts_allowed,
        )
        delivery.failed = timezone.now()
        delivery.save(update_fields=["failed"])
        reset_connection(connection)
        return Outcome.GIVEN_UP if delivery.attempts >= attempts_allowed else Outcome.FAILED
    delivery.sent = timezone.now()
    delivery.save(update_fields=["sent"])
    return Outcome.SENT


def deliver(issue, subscription, articles, connection, attempts_allowed):
    """Claim the issue for one subscription, then mail it; return the ``Outcome``."""
    delivery = claim_delivery(issue, subscription, len(articles), attempts_allowed)
    if delivery is None:
        return Outcome.CLAIMED
    if not articles:
        return Outcome.NOTHING_NEW
    return send_claimed(delivery, issue_mail(issue, subscription, articles), connection, attempts_allowed)


def pending_subscriptions(issue):
    """Return the confirmed subscriptions that have no delivery of ``issue`` yet, or a failed one to retry."""
    claimed = NewsletterDelivery.objects.filter(issue=issue, subscription=OuterRef("pk"))
    to_retry = claimed.to_retry(max_attempts())
    return (
        Subscription.objects.confirmed()
        .filter(~Exists(claimed) | Exists(to_retry))
        .prefetch_related("sections")
        .order_by("pk")
    )


def finish_issue(issue):
    """Mark ``issue`` completed unless a failed mail is left to retry (then the next run resumes it)."""
    retries_left = (
        NewsletterDelivery.objects.to_retry(max_attempts())
        .filter(issue=issue, subscription__confirmed__isnull=False)
        .exists()
    )
    issue.completed = None if retries_left else (issue.completed or timezone.now())
    issue.save(update_fields=["completed"])


def send_issue(issue, subscriptions, progress=None):
    """Send ``issue`` to each of ``subscriptions``; mark the issue completed when no failed mail is left to retry."""
    articles = issue_articles(issue)
    world_section_id = Section.objects.filter(slug=WORLD_SECTION_SLUG).values_list("pk", flat=True).first()
    attempts_allowed = max_attempts()
    report = IssueReport()
    with get_connection() as connection:
        for subscription in subscriptions:
            section_ids = {section.pk for section in subscription.sections.all()}
            wanted = articles_in_sections(articles, section_ids, world_section_id)
            report.record(deliver(issue, subscription, wanted, connection, attempts_allowed), subscription.email)
            if progress:
                progress()
    finish_issue(issue)
    return report


def due_issues():
    """
    Yield each issue to send now: the unfinished one first, then, once it is complete, a new one if anything is new.

    The caller sends each issue before asking for the next; an issue left
    unfinished (a failed mail to retry) ends the run, for the next run to resume.
    """
    while (issue := open_issue()) is not None:
        yield issue
        if issue.completed is None:
            return


def remove_stale_subscriptions(now=None):
    """Delete subscriptions left unconfirmed for NEWSLETTER_UNCONFIRMED_DAYS (a setting, 7); return how many."""
    limit = (now or timezone.now()) - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
    stale = Subscription.objects.filter(confirmed__isnull=True, created__lt=limit)
    count = stale.count()
    stale.delete()
    return count
