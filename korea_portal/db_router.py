"""
Read replicas: anonymous reads of public pages go to ``DATABASE_REPLICA_URL``.

With ``DATABASE_REPLICA_URL`` set, the settings add ``DATABASES["replica"]``
and this router. A read goes to the replica only when
``ReplicaReadMiddleware`` allowed it for the request being served: a GET or
HEAD by a visitor who carries no session and no message cookie (so nobody who
is logged in, or who has just posted a form), on a public page (not the
admin, the accounts pages or the newsletter's confirmation links, which read
what the visitor has just written). Everything else reads the primary:
logged-in users (they read their own writes), every write, management
commands, Celery tasks and the shell (nothing allowed the replica there), and
a request once it has written anything, for the rest of that request.

``ATOMIC_REQUESTS`` wraps every view in a transaction on the primary; reads
sent to the replica run outside it, in the replica's own autocommit. An
anonymous GET writes nothing, so there is nothing in that transaction for
them to miss; a request that writes reads the primary from its first write
on, inside the transaction, and sees what it wrote. A raw SQL write
(``connection.cursor()``) does not pass through the router: a view that makes
one reads the replica afterwards unless it is under an excluded path.

Replication lag: an anonymous visitor may see a page a few seconds old, as
the page cache already allows for ``PAGE_CACHE_SECONDS``. The rate-limit and
lockout table (``SHARED_CACHE_TABLE`` without ``REDIS_URL``) and the sessions
are always read from the primary: a lagging count would let attempts through.
"""

import contextvars
import re

from .cache import is_anonymous_read

REPLICA = "replica"
PRIMARY = "default"
# Pages that read what the visitor has just written, though they may be anonymous:
# a sign-up's verification link, a password reset, a newsletter confirmation.
PRIMARY_PATHS = re.compile(r"^/(?:admin|[\w-]+/accounts|[\w-]+/newsletter)/")
# Models whose rows must be current when read: counts, lockouts and sessions.
PRIMARY_APPS = {"django_cache", "sessions", "axes"}


class ReadState:
    """What the request being served may read from: the replica until it writes."""

    def __init__(self, replica_allowed):
        self.replica_allowed = replica_allowed


# Set by ReplicaReadMiddleware for the request being served; None outside requests.
_read_state = contextvars.ContextVar("portal_read_state", default=None)


def replica_allowed():
    state = _read_state.get()
    return state is not None and state.replica_allowed


def may_read_replica(request):
    return is_anonymous_read(request) and not PRIMARY_PATHS.match(request.path_info)


class ReplicaReadMiddleware:
    """Let the router send this request's reads to the replica when ``may_read_replica`` says so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_state.set(ReadState(replica_allowed=may_read_replica(request)))
        try:
            return self.get_response(request)
        finally:
            _read_state.reset(token)


class ReplicaRouter:
    """Reads to the replica where the request allows it, everything else to the primary (``DATABASE_ROUTERS``)."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_APPS or not replica_allowed():
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        # From its first write on, the request reads its own writes (and its transaction) on the primary.
        state = _read_state.get()
        if state is not None:
            state.replica_allowed = False
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # One database, replicated: an object read from the replica is the primary's row.
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica is made by replication of the primary's schema, never migrated itself.
        return db == PRIMARY
