"""Run with the Celery app's configuration changed: the tests' worker and the benchmark's queued mode."""

import contextlib

from korea_portal.celery import app


def forget_connections():
    """
    Drop the app's pooled broker connections, so that the next publish connects to the broker now configured.

    Celery has no public way to do it: this is what it does itself in a
    forked process (``Celery._after_fork``). ``app.close()`` would also
    deregister the app, and tasks imported afterwards would no longer bind to it.
    """
    app._pool = None
    app.amqp._producer_pool = None


@contextlib.contextmanager
def celery_conf(**values):
    """Change the app's configuration for the block; connections are dropped before and after."""
    saved = {name: app.conf[name] for name in values}
    forget_connections()
    app.conf.update(values)
    try:
        yield app
    finally:
        forget_connections()
        app.conf.update(saved)
