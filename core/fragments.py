"""
The generation of what is cached from the content for every reader alike:
the templates' fragments (``{% cache ... fragment_generation %}``) and the
objects a page looks up (``cached_lookup``).

A generation is a random value kept in the cache; the page cache
(``korea_portal.cache.forget_content``) starts a new one whenever content
changes, so an entry keyed by an older generation is never read again and
expires by itself. In ``core`` so that the content apps may key by it
without knowing the page cache.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

FRAGMENT_GENERATION_KEY = "portal:fragment-generation"


def fragment_generation():
    """The current generation; the first request after the cache was emptied starts one."""
    generation = cache.get(FRAGMENT_GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(FRAGMENT_GENERATION_KEY, generation, timeout=None):
            generation = cache.get(FRAGMENT_GENERATION_KEY) or generation
    return generation


def start_fragment_generation():
    """Start a new generation: every fragment and looked-up object cached before is forgotten."""
    cache.set(FRAGMENT_GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def cached_lookup(name, find):
    """
    Return what ``find()`` finds, from the cache when this generation has it.

    ``name`` says what is looked up (the model, the URL's arguments, the
    language of the columns read); what ``find()`` raises (a 404) is raised
    again and never cached. Kept ``PAGE_CACHE_SECONDS`` at most.
    """
    key = f"portal:lookup:{fragment_generation()}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    found = cache.get(key)
    if found is None:
        found = find()
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found
