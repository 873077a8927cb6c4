"""
``make run`` and ``make serve``: gunicorn, and beside it a Celery worker and beat when a broker is configured.

Without a broker (``CELERY_BROKER_URL``, ``REDIS_URL``) tasks run in the web
process, so gunicorn alone takes this process's place, as before tasks.
With one, the three run as children of this process, which stands for them
all: Ctrl-C or SIGTERM stops the three, and so does the end of any one of
them (a worker that cannot reach its broker, say), so that a service manager
sees the site stop and restarts it whole rather than run it half.

Run as ``python -m korea_portal.serve`` from the project's folder, in the
environment ``make run`` or ``make serve`` sets (``DJANGO_SECURE=1`` and the
secret key for the latter): the worker and beat inherit it, so they sign the
newsletter's links with the site's own key.
"""

import os
import signal
import subprocess  # nosec B404  # gunicorn and celery, from fixed argument lists without a shell
import sys
import time
from pathlib import Path

# Seconds the children get to stop before they are killed: gunicorn's graceful timeout, and a little more.
STOP_SECONDS = 40
POLL_SECONDS = 0.5


def commands(broker_url, bin_dir):
    """Return the command line of each process to run, by name."""
    web = [str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py", "korea_portal.wsgi"]
    if not broker_url:
        return {"web": web}
    celery = [str(bin_dir / "celery"), "-A", "korea_portal"]
    return {
        "web": web,
        "worker": [*celery, "worker", "--loglevel", "INFO"],
        "beat": [*celery, "beat", "--loglevel", "INFO"],
    }


def stop_all(processes):
    """Ask every running child to stop (SIGTERM); kill those still running after STOP_SECONDS."""
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process in processes.values():
        try:
            process.wait(timeout=max(0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def supervise(named_commands):
    """
    Run the commands until one ends or this process is told to stop; stop the others; return the exit status.

    0 when stopped by Ctrl-C or SIGTERM; when a child ended by itself, its
    status (1 if it was 0: the site was not meant to stop).
    """
    stop_requested = []

    def request_stop(signum, frame):
        stop_requested.append(signum)

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    processes = {name: subprocess.Popen(command) for name, command in named_commands.items()}  # noqa: S603  # nosec B603
    status = 0
    try:
        while not stop_requested:
            ended = [(name, process.returncode) for name, process in processes.items() if process.poll() is not None]
            if ended:
                name, code = ended[0]
                print(f"serve: {name} stopped (exit status {code}); stopping the others", file=sys.stderr)
                status = code or 1
                break
            time.sleep(POLL_SECONDS)
    finally:
        stop_all(processes)
    return status


def main():
    from django.conf import settings

    broker_url = "" if settings.CELERY_TASK_ALWAYS_EAGER else settings.CELERY_BROKER_URL
    named_commands = commands(broker_url, Path(sys.executable).parent)
    if len(named_commands) == 1:
        command = named_commands["web"]
        os.execv(command[0], command)  # noqa: S606  # nosec B606  # gunicorn, in this process's place
    print(f"serve: {', '.join(named_commands)} (tasks through the broker)", file=sys.stderr)
    share_metrics_folder(Path(settings.VAR_DIR))
    sys.exit(supervise(named_commands))


def share_metrics_folder(var_dir):
    """
    Give the worker the web server's Prometheus folder, emptied here once,
    before either starts (gunicorn.conf.py then leaves it as it is), so that
    /metrics adds up the tasks' counts with the requests'.
    """
    folder = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(var_dir / "prometheus")))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for counts in folder.glob("*.db"):
        counts.unlink()
    os.environ["PORTAL_METRICS_FOLDER_READY"] = "1"


if __name__ == "__main__":
    main()
