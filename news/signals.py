"""
Forget what the cache keeps of the site's content when an editor changes it.

Two things are cached from the content: the header's sections and keywords
(``korea_portal.context_processors``) and whole anonymous pages
(``korea_portal.cache``). A save, a delete or a change of many-to-many links
on any model of an app named in ``settings.PAGE_CACHE_CONTENT_APPS`` forgets
the first and starts a new page-cache *generation*: pages cached under the old
one are no longer served, so new content shows at once.

Apps are named, not imported, so that ``news`` depends on no other app. The
cache is dropped at once and again when the transaction commits: otherwise a
request running between the two could cache the old content anew.

Writes that send no signal (``QuerySet.update()``, ``bulk_create()``, raw SQL)
and, without ``REDIS_URL``, saves in another process show once the cached
copies expire: after ``PAGE_CACHE_SECONDS`` at most.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

HEADER_CACHE_KEY = "portal:header"
PAGE_GENERATION_KEY = "portal:page-generation"


def start_page_generation(replace=True):
    """
    Start a new page-cache generation and return the current one.

    A generation is a fresh random value, never reused. With ``replace=False``
    an existing generation is kept (the first request after the cache was
    emptied starts one).
    """
    generation = uuid.uuid4().hex
    if replace:
        cache.set(PAGE_GENERATION_KEY, generation, timeout=None)
        return generation
    if cache.add(PAGE_GENERATION_KEY, generation, timeout=None):
        return generation
    return cache.get(PAGE_GENERATION_KEY) or generation


def forget_content():
    cache.delete(HEADER_CACHE_KEY)
    start_page_generation()


def is_content(model):
    return model._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS


def content_changed(sender, **kwargs):
    """Forget the cached header and pages now, and again once the change is committed."""
    if not is_content(sender):
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    forget_content()
    transaction.on_commit(forget_content, using=kwargs.get("using"))


def connect():
    """Connect ``content_changed`` to every save, delete and many-to-many change; called from ``ready()``."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid="news.content_changed")
