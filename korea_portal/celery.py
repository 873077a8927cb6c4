"""
The Celery app: mail, image renditions, the newsletter and the schedules.

Configured from Django's settings (every ``CELERY_*`` name, see
``korea_portal/settings.py``). With a broker (``CELERY_BROKER_URL``, else
``REDIS_URL``) tasks go to a ``celery -A korea_portal worker`` (``make worker``,
``make serve``); with none, ``CELERY_TASK_ALWAYS_EAGER`` runs them in the
process that queued them, so ``make run`` needs nothing more. Either way a
task is queued only once the database transaction commits (``delay_on_commit``),
so a rolled-back request queues nothing and a worker never looks for a row
that is not committed yet.

Tasks live in each app's ``tasks.py`` and are found by ``autodiscover_tasks()``.

A task queued while a request is served carries that request's id (the
``request_id`` message header): the worker's log lines for it carry the same
id as the request's (``core.logging``). Every task run and every failure is
counted by task name (``core.metrics``: ``portal_tasks_run``,
``portal_tasks_failed``), in the worker's process; ``make serve`` gives the
worker the web server's metrics folder, so that ``/metrics`` adds them up.
"""

import logging
import os
import time

from celery import Celery
from celery.signals import beat_init, before_task_publish, task_postrun, task_prerun, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "korea_portal.settings")

app = Celery("korea_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

REQUEST_ID_HEADER = "request_id"
# One line per task run: its name, its outcome and how long it took (and, by core.logging, the request's id).
logger = logging.getLogger("korea_portal.tasks")


@before_task_publish.connect
def pass_request_id(headers=None, **kwargs):
    """Send the id of the request that queues a task with it."""
    from core.logging import request_id

    if headers is not None:
        headers.setdefault(REQUEST_ID_HEADER, request_id.get())


@task_prerun.connect
def take_request_id(task=None, **kwargs):
    """Log a task's lines under the id of the request that queued it (an eager task keeps its request's)."""
    from core.logging import request_id

    sent = getattr(task.request, REQUEST_ID_HEADER, None) or (task.request.headers or {}).get(REQUEST_ID_HEADER)
    task.request.request_id_token = request_id.set(sent) if sent else None
    task.request.started = time.monotonic()


# What a task that gave up returns (a mail it could not send), rather than raising: a failure too.
GAVE_UP = "failed"


@task_postrun.connect
def count_task(task=None, retval=None, state=None, **kwargs):
    """Count the run, and a failure: raised, or given up; then drop the request's id."""
    from core.logging import request_id
    from core.metrics import TASKS_FAILED, TASKS_RUN

    TASKS_RUN.labels(task=task.name).inc()
    failed = state == "FAILURE" or retval == GAVE_UP
    if failed:
        TASKS_FAILED.labels(task=task.name).inc()
    milliseconds = (time.monotonic() - getattr(task.request, "started", time.monotonic())) * 1000
    log = logger.warning if failed else logger.info
    log("Task %s (%s) %s in %.0f ms", task.name, task.request.id, "failed" if failed else state.lower(), milliseconds)
    token = getattr(task.request, "request_id_token", None)
    if token is not None:
        request_id.reset(token)


@worker_init.connect
@beat_init.connect
def refuse_without_broker(sender=None, **kwargs):
    """
    Refuse to start a worker or beat with no broker configured.

    The site then runs every task in its own process (eager mode), and the
    worker would wait on an in-process broker for tasks nobody sends it.
    """
    if app.conf.task_always_eager:
        # SystemExit, not an error: Celery logs and ignores what a signal's receiver raises.
        raise SystemExit(
            "No task broker is configured: set CELERY_BROKER_URL or REDIS_URL. "
            "Without one the site runs its tasks itself and needs no worker."
        )
