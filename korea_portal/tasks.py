"""
The site's scheduled housekeeping (``CELERY_BEAT_SCHEDULE`` in the settings).

``show_scheduled_articles`` is what makes a scheduled article appear on
time: a page cached before an article's publish time would go on showing
the site without it for up to ``PAGE_CACHE_SECONDS``, since no save happens
when that time arrives. Each run looks at the interval since the previous
run (kept in the cache; the first run looks back ``FIRST_LOOK_BACK``) and
starts a new page-cache generation if any article's publish time fell in it.
It reaches every web worker only when they share the cache (``REDIS_URL``);
without it each worker's own copies still expire after ``PAGE_CACHE_SECONDS``.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from news.articles import article_models

from .cache import forget_content

logger = logging.getLogger(__name__)

LAST_CHECK_KEY = "portal:scheduled-articles-checked"
# How far the first run (or the first after the cache was emptied) looks back.
FIRST_LOOK_BACK = timedelta(minutes=10)


def published_in(start, end):
    """Whether an article of any kind became visible after ``start`` and until ``end``."""
    return any(
        model.objects.published().filter(publish_date__gt=start, publish_date__lte=end).exists()
        for model in article_models()
    )


@shared_task
def show_scheduled_articles():
    """Drop the cached pages if an article's publish time arrived since the last run; return whether they were."""
    now = timezone.now()
    since = cache.get(LAST_CHECK_KEY) or now - FIRST_LOOK_BACK
    due = published_in(since, now)
    if due:
        forget_content()
        logger.info("A scheduled article was published since %s: the page cache was dropped", since.isoformat())
    cache.set(LAST_CHECK_KEY, now, timeout=None)
    return due


@shared_task
def clear_expired_sessions():
    """Delete the expired sessions from the database (Django's ``clearsessions``)."""
    call_command("clearsessions")
    logger.info("Expired sessions cleared")
