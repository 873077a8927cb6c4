"""
Sending a newsletter issue: the articles published since the last issue, to
each confirmed subscriber, in their language and their sections.

An issue covers a fixed period and is sent at most once to each
subscription: a delivery is claimed (a unique row) before its mail goes, so
running the command again after a crash resumes the unfinished issue and
skips everyone already claimed.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from news.articles import article_models
from news.models import WORLD_SECTION_SLUG, Section

from .mail import build_mail
from .models import NewsletterDelivery, NewsletterIssue, Subscription
from .services import NEWSLETTER_CONFIRM_MAX_AGE, unsubscribe_headers, unsubscribe_url

logger = logging.getLogger(__name__)

# The first issue covers this many days; later ones start where the last ended.
FIRST_ISSUE_DAYS = 7
# The most articles one mail lists; the rest are on the site.
MAX_ARTICLES_PER_MAIL = 30


def open_issue(now=None):
    """Return the unfinished issue, or a new one covering everything since the last; None if nothing is new."""
    now = now or timezone.now()
    unfinished = NewsletterIssue.objects.filter(completed__isnull=True).order_by("pk").first()
    if unfinished is not None:
        return unfinished
    last = NewsletterIssue.objects.order_by("-period_end").first()
    start = last.period_end if last else now - timedelta(days=FIRST_ISSUE_DAYS)
    if not any(published_between(model, start, now).exists() for model in article_models()):
        return None
    return NewsletterIssue.objects.create(period_start=start, period_end=now)


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


@dataclass
class IssueReport:
    sent: int = 0
    nothing_new: int = 0
    failed: list = field(default_factory=list)


def deliver(issue, subscription, articles, connection):
    """Claim the issue for one subscription, then mail it; return "sent", "nothing_new", "claimed" or "failed"."""
    try:
        with transaction.atomic():
            delivery = NewsletterDelivery.objects.create(
                issue=issue, subscription=subscription, article_count=len(articles)
            )
    except IntegrityError:
        # Another run claimed it.
        return "claimed"
    if not articles:
        return "nothing_new"
    leave_url = unsubscribe_url(subscription.email, subscription.language)
    context = {
        "issue": issue,
        "articles": articles[:MAX_ARTICLES_PER_MAIL],
        "more_count": max(0, len(articles) - MAX_ARTICLES_PER_MAIL),
        "unsubscribe_url": leave_url,
    }
    mail = build_mail(
        "newsletter/mail/issue",
        context,
        to=[subscription.email],
        language=subscription.language,
        headers=unsubscribe_headers(leave_url),
    )
    mail.connection = connection
    try:
        mail.send()
    except Exception:
        # Known not to have gone: release the claim so that a rerun tries again.
        logger.exception("Newsletter issue %s could not be sent to subscription %s", issue.pk, subscription.pk)
        delivery.delete()
        return "failed"
    delivery.sent = timezone.now()
    delivery.save(update_fields=["sent"])
    return "sent"


def pending_subscriptions(issue):
    """Return the confirmed subscriptions that have no delivery of ``issue`` yet."""
    return Subscription.objects.confirmed().exclude(deliveries__issue=issue).prefetch_related("sections").order_by("pk")


def send_issue(issue, subscriptions, progress=None):
    """Send ``issue`` to each of ``subscriptions``; mark the issue completed when none failed."""
    articles = issue_articles(issue)
    world_section_id = Section.objects.filter(slug=WORLD_SECTION_SLUG).values_list("pk", flat=True).first()
    report = IssueReport()
    with get_connection() as connection:
        for subscription in subscriptions:
            section_ids = {section.pk for section in subscription.sections.all()}
            wanted = articles_in_sections(articles, section_ids, world_section_id)
            outcome = deliver(issue, subscription, wanted, connection)
            if outcome == "sent":
                report.sent += 1
            elif outcome == "nothing_new":
                report.nothing_new += 1
            elif outcome == "failed":
                report.failed.append(subscription.email)
            if progress:
                progress()
    if not report.failed:
        issue.completed = timezone.now()
        issue.save(update_fields=["completed"])
    return report


def remove_stale_subscriptions(now=None):
    """Delete subscriptions never confirmed while their link worked; return how many."""
    limit = (now or timezone.now()) - timedelta(seconds=NEWSLETTER_CONFIRM_MAX_AGE)
    stale = Subscription.objects.filter(confirmed__isnull=True, created__lt=limit)
    count = stale.count()
    stale.delete()
    return count
