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
"""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "korea_portal.settings")

app = Celery("korea_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


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
