"""
Backups of the whole site: the database and the media folder, in one dated folder.

A backup is a folder under ``settings.BACKUP_DIR`` (``var/backups/`` unless
``DJANGO_BACKUP_DIR`` names another) called by its UTC time,
``2026-12-01T213005Z``, holding:

- ``db.dump`` (PostgreSQL, ``pg_dump -Fc``) or ``db.sqlite3`` (SQLite, copied
  with SQLite's online backup API, so a running site is copied consistently);
- ``media.tar.gz``: the media folder;
- ``manifest.json``: the database vendor, the migrations applied per app,
  each file's size and SHA-256, the time and the code's git commit.

The database is copied first, then the media: a file uploaded in between is
kept, and every file the database names is there. The folder is written
under a hidden name and renamed when complete, so a folder under the visible
name is always a whole backup; it is readable by its owner alone (it holds
password hashes and addresses).

A restore checks the backup before it changes anything (a manifest, the
same database vendor, every checksum), then replaces the database and the
whole media folder.

Media on object storage (``AWS_STORAGE_BUCKET_NAME``) are not copied: the
bucket keeps them, with the store's versioning as their history. Such a
backup holds the database alone and says so in its manifest
(``"media": "object storage"``); its restore leaves the bucket as it is.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump, pg_restore and git, from argument lists without a shell
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from korea_portal.cache import forget_content

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
# The manifest's "media" of a backup made while the media were on object storage.
OBJECT_STORAGE = "object storage"
DATABASE_FILES = {"postgresql": "db.dump", "sqlite": "db.sqlite3"}
NAME_FORMAT = "%Y-%m-%dT%H%M%SZ"
# libpq reads these connection options from the environment; dj-database-url puts them in OPTIONS.
POSTGRES_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def database_vendor():
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def run_postgres_client(program, *arguments):
    """
    Run ``pg_dump`` or ``pg_restore`` on Django's database, with an argument list (never a shell).

    The password goes through ``PGPASSWORD``, so it appears in no process
    list, and ``--no-password`` makes a missing one an error, not a prompt.
    """
    executable = shutil.which(program)
    if executable is None:
        raise CommandError(f"{program} was not found: install the PostgreSQL client programs.")
    database = connection.settings_dict
    command = [executable, "--no-password", f"--dbname={database['NAME']}"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{option}={database[key]}")
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    for option, variable in POSTGRES_OPTION_VARIABLES.items():
        if option in database.get("OPTIONS", {}):
            environment[variable] = str(database["OPTIONS"][option])
    # An argument list from settings and our own paths, run without a shell.
    result = subprocess.run([*command, *arguments], env=environment, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        raise CommandError(f"{program} failed: {lines[-1]}")


def dump_postgresql(destination):
    run_postgres_client("pg_dump", "--format=custom", f"--file={destination}")


def dump_sqlite(destination):
    """Copy the live database page by page with SQLite's backup API, under its read lock."""
    connection.ensure_connection()
    with closing(sqlite3.connect(destination)) as target:
        connection.connection.backup(target)
        # A copy of a WAL database is a WAL database: make it one self-contained file.
        target.execute("PRAGMA journal_mode=DELETE")


def restore_postgresql(source):
    """
    Replace the database's objects with the dump's, in one transaction: a failure changes nothing.

    Django's connections are closed first, so that none holds a lock the restore waits for.
    """
    connections.close_all()
    run_postgres_client("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source))


def restore_sqlite(source):
    """
    Write the backup into the live database with SQLite's backup API.

    The copy is one write transaction under SQLite's own locks, so other
    processes see the old database or the new one, never a mixture, and a
    database in WAL mode stays consistent (replacing its file under a live
    ``-wal`` file would not).
    """
    connection.ensure_connection()
    with closing(sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)) as backup:
        backup.backup(connection.connection)


DUMP = {"postgresql": dump_postgresql, "sqlite": dump_sqlite}
RESTORE = {"postgresql": restore_postgresql, "sqlite": restore_sqlite}


def media_on_disk():
    """Whether the media live in the media folder (else on object storage, which backs itself up)."""
    return isinstance(storages["default"], FileSystemStorage)


def archive_media(media_root, destination):
    """Write the media folder to a gzipped tar archive; return how many files it holds."""
    with tarfile.open(destination, "w:gz") as archive:
        if media_root.is_dir():
            for entry in sorted(media_root.iterdir()):
                archive.add(entry, arcname=entry.name)
        return sum(member.isfile() for member in archive.getmembers())


def restore_media(source, media_root):
    """
    Make the media folder hold exactly the archive's files; return how many.

    The archive is unpacked inside the media folder first (the same file
    system, even when the folder is a mount point), with tarfile's "data"
    filter: no absolute path, no ``..``, no link out of the folder.
    """
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media_root))
    try:
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(staging, filter="data")
            count = sum(member.isfile() for member in archive.getmembers())
        for entry in media_root.iterdir():
            if entry == staging:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in staging.iterdir():
            os.replace(entry, media_root / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def applied_migrations():
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def code_commit():
    """The git commit of the running code, or None outside a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(  # noqa: S603  # nosec B603  # a fixed argument list, no shell
        [git, "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else None


def create_backup():
    """Back up the database and the media folder; return the backup's folder and its manifest."""
    vendor = database_vendor()
    backup_dir = Path(settings.BACKUP_DIR)
    backup_dir.mkdir(parents=True, exist_ok=True)
    created = timezone.now().replace(microsecond=0)
    final = backup_dir / created.strftime(NAME_FORMAT)
    if final.exists():
        raise CommandError(f"A backup named {final.name} exists already: try again in a second.")
    partial = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=backup_dir))
    try:
        DUMP[vendor](partial / DATABASE_FILES[vendor])
        names = [DATABASE_FILES[vendor]]
        if media_on_disk():
            media_files = archive_media(Path(settings.MEDIA_ROOT), partial / MEDIA_ARCHIVE)
            names.append(MEDIA_ARCHIVE)
        else:
            media_files = None
        manifest = {
            "created": created.isoformat(),
            "vendor": vendor,
            "commit": code_commit(),
            "migrations": applied_migrations(),
            "media": "folder" if media_files is not None else OBJECT_STORAGE,
            "media_files": media_files,
            "files": {
                name: {"size": (partial / name).stat().st_size, "sha256": sha256(partial / name)} for name in names
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final, manifest


def latest_backup():
    backup_dir = Path(settings.BACKUP_DIR)
    backups = sorted(
        path for path in backup_dir.glob("*") if not path.name.startswith(".") and (path / MANIFEST).is_file()
    )
    if not backups:
        raise CommandError(f"There is no backup in {backup_dir}: make one with `make backup`.")
    return backups[-1]


def checked_backup(path=None):
    """
    Find the backup (the latest one unless ``path`` names one) and check it; return its folder and manifest.

    Refuses a folder without a readable manifest, a backup of another
    database vendor, and a missing or changed file.
    """
    path = Path(path) if path else latest_backup()
    if not path.is_dir():
        raise CommandError(f"There is no backup at {path}.")
    try:
        manifest = json.loads((path / MANIFEST).read_text())
        backup_vendor = manifest["vendor"]
        checksums = {name: entry["sha256"] for name, entry in manifest["files"].items()}
    except FileNotFoundError:
        raise CommandError(f"{path} is not a backup: it has no {MANIFEST}.") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise CommandError(f"The backup {path} is damaged: its {MANIFEST} cannot be read.") from None
    vendor = database_vendor()
    if backup_vendor != vendor:
        raise CommandError(f"The backup {path} is of a {backup_vendor} database; this site's database is {vendor}.")
    for name in backup_files(manifest):
        if not (path / name).is_file():
            raise CommandError(f"The backup {path} is damaged: {name} is missing.")
        if sha256(path / name) != checksums.get(name):
            raise CommandError(f"The backup {path} is damaged: {name} does not match its checksum.")
    return path, manifest


def backup_files(manifest):
    """The files a backup must hold: the database's, and the media archive unless the media were on object storage."""
    names = [DATABASE_FILES[manifest["vendor"]]]
    if manifest.get("media") != OBJECT_STORAGE:
        names.append(MEDIA_ARCHIVE)
    return names


def restore_backup(path, manifest):
    """
    Replace the database and the media folder with the checked backup's; return how many media files.

    Returns None when the media were left alone: the backup holds none (they
    were on object storage) or this site's media are on object storage now.
    """
    vendor = manifest["vendor"]
    RESTORE[vendor](path / DATABASE_FILES[vendor])
    media_files = None
    if MEDIA_ARCHIVE in backup_files(manifest) and media_on_disk():
        media_files = restore_media(path / MEDIA_ARCHIVE, Path(settings.MEDIA_ROOT))
    # Content types are cached by id, and cached pages show the old content.
    ContentType.objects.clear_cache()
    forget_content()
    return media_files


def pending_migrations():
    """The migrations of this code that the database has not applied (a backup older than the code)."""
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())
