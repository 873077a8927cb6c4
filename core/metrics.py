"""
Prometheus metrics: the ``/metrics`` page, the cache's calls, and task counts.

django-prometheus counts the requests and their latencies by view (its two
middlewares) and the database's connections and queries (its database
backends, named in the settings). The cache backends below count the
cache's reads, hits and misses likewise, under django-prometheus's metric
names, for the cache kinds this site uses (Django's own Redis, local-memory
and database caches: django-prometheus's Redis backend needs django-redis).

Under gunicorn every worker is a process of its own: ``gunicorn.conf.py``
sets ``PROMETHEUS_MULTIPROC_DIR``, each worker writes its counts there, and
the page adds up every worker's (``django_prometheus.exports``).

The page is for the monitoring system, not for visitors: it answers only
addresses in ``settings.METRICS_ALLOWED_NETWORKS`` (loopback by default) and
is a 404 for any other, as if it did not exist.
"""

import ipaddress

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.locmem import LocMemCache as DjangoLocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.db import transaction
from django.http import Http404
from django.views.decorators.cache import never_cache
from django_prometheus.cache.metrics import (
    django_cache_get_fail_total,
    django_cache_get_total,
    django_cache_hits_total,
    django_cache_misses_total,
)
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import Counter

from core.ratelimit import client_address

# Counted by the task queue's signals, by task name (the Celery task's ``name``).
TASKS_RUN = Counter("portal_tasks_run", "Tasks run, by task name.", ["task"])
TASKS_FAILED = Counter("portal_tasks_failed", "Tasks that failed, by task name.", ["task"])


def is_allowed(request):
    """
    Whether the request comes from a network allowed to read the metrics.

    The address is the one rate limits use (``client_address``): behind a
    proxy with ``TRUST_X_FORWARDED_FOR`` the client's, not the proxy's. A
    request that came through a proxy which is not trusted (it carries
    ``X-Forwarded-For``) is refused: its address would be the proxy's own,
    on loopback, and anyone on the internet would pass.
    """
    if request.META.get("HTTP_X_FORWARDED_FOR") and not settings.TRUST_X_FORWARDED_FOR:
        return False
    address = client_address(request)
    if address is None:
        return False
    address = ipaddress.ip_address(address)
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in ipaddress.ip_network(network) for network in settings.METRICS_ALLOWED_NETWORKS)


@never_cache
@transaction.non_atomic_requests
def metrics_view(request):
    """The metrics in Prometheus's text format, for allowed addresses; a 404 for others."""
    if not is_allowed(request):
        raise Http404
    return ExportToDjangoView(request)


class CacheMetricsMixin:
    """Count a cache's reads, hits, misses and failed reads (``backend`` label: ``metrics_name``)."""

    metrics_name = "cache"

    def get(self, key, default=None, version=None):
        django_cache_get_total.labels(backend=self.metrics_name).inc()
        missing = object()
        try:
            value = super().get(key, missing, version=version)
        except Exception:
            django_cache_get_fail_total.labels(backend=self.metrics_name).inc()
            raise
        counter = django_cache_misses_total if value is missing else django_cache_hits_total
        counter.labels(backend=self.metrics_name).inc()
        return default if value is missing else value


class GetManyMetricsMixin(CacheMetricsMixin):
    """
    Count ``get_many()``'s keys too, for a backend that reads them in one call.

    Django's default ``get_many()`` (local memory) calls ``get()`` for each
    key, which counts them already.
    """

    def get_many(self, keys, version=None):
        keys = list(keys)
        django_cache_get_total.labels(backend=self.metrics_name).inc(len(keys))
        try:
            found = super().get_many(keys, version=version)
        except Exception:
            django_cache_get_fail_total.labels(backend=self.metrics_name).inc(len(keys))
            raise
        django_cache_hits_total.labels(backend=self.metrics_name).inc(len(found))
        django_cache_misses_total.labels(backend=self.metrics_name).inc(len(keys) - len(found))
        return found


class RedisCache(GetManyMetricsMixin, DjangoRedisCache):
    metrics_name = "redis"


class LocMemCache(CacheMetricsMixin, DjangoLocMemCache):
    metrics_name = "locmem"


class DatabaseCache(GetManyMetricsMixin, DjangoDatabaseCache):
    metrics_name = "database"
