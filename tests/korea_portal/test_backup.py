"""
`make backup` and `make restore` (manage.py backup / restore).

The round trip makes content of every kind, backs it up, empties the
database (every table dropped) and the media folder, restores, and finds
every model's rows and every media file identical. It runs the commands
exactly as `make` does, on SQLite and on PostgreSQL alike. Every test
commits its data (``transaction=True``): pg_dump reads the test database from
outside, and SQLite's backup API copies from and into a database with no
transaction open.
"""

import hashlib
import io
import json
import shutil
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from community.models import Board
from news.models import Section, Tag
from tests.factories import make_article, make_image, make_section, make_subscription, make_user

pytestmark = pytest.mark.django_db(transaction=True)


class Terminal(io.StringIO):
    """Standard input as a terminal with the operator's answer typed in."""

    def isatty(self):
        return True


class Pipe(io.StringIO):
    """Standard input from a script or CI: no terminal."""

    def isatty(self):
        return False


@pytest.fixture(autouse=True)
def backup_dir(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    return settings.BACKUP_DIR


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stdin", Pipe())


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def project_models():
    """Every model and many-to-many table of the project's own apps (the repository's top-level packages)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if Path(apps.get_app_config(model._meta.app_label).path).parent == settings.BASE_DIR
    ]


def database_rows():
    """Every model's rows, Django's and third-party apps' too, serialized in primary-key order."""
    return {
        model._meta.label: serializers.serialize("json", model._base_manager.order_by("pk"))
        for model in apps.get_models(include_auto_created=True)
    }


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def make_content_of_every_kind(client):
    """
    The demo (sections, tags, partners, relation articles, summits, figures, boards) and the rest.

    No row made by a data migration is relied on: an earlier transactional test may have flushed them.
    """
    run("load_demo", "--no-editor")
    image = make_image(caption_en="Lanterns on the river", credit="KOCIS")
    article = make_article(lead_image=image, section=Section.objects.get(slug="culture"))
    article.tags.set(Tag.objects.all()[:2])
    make_subscription(sections=[article.section])
    reader = make_user(display_name="Reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_section"))
    reader.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    client.force_login(reader)
    client.post(article.tool_urls["scrap"])
    client.post(article.tool_urls["email"], {"recipients": "friend@example.org"})
    board = Board.objects.first()
    client.post(f"/en/forum/{board.slug}/new/", {"title": "Learning Hangeul", "body": "Where do I start?"})
    run("send_newsletter")


def drop_every_table():
    """Leave the database as empty as a new one: no table at all, not even Django's migration records."""
    cascade = " CASCADE" if connection.vendor == "postgresql" else ""
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)}{cascade}")
    assert connection.introspection.table_names() == []


def test_a_restore_into_an_empty_database_and_media_folder_brings_everything_back(client):
    make_content_of_every_kind(client)
    assert [model._meta.label for model in project_models() if not model._base_manager.exists()] == []
    rows, files = database_rows(), media_files()
    assert any(name.startswith("images/") for name in files) and any(name.startswith("renditions/") for name in files)

    out = run("backup")

    [backup] = settings.BACKUP_DIR.iterdir()
    database_file = {"postgresql": "db.dump", "sqlite": "db.sqlite3"}[connection.vendor]
    assert sorted(path.name for path in backup.iterdir()) == sorted([database_file, "manifest.json", "media.tar.gz"])
    assert out == f"Backed up the {connection.vendor} database and {len(files)} media file(s) to {backup}.\n"
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["news"]
    assert (
        manifest["files"][database_file]["sha256"] == hashlib.sha256((backup / database_file).read_bytes()).hexdigest()
    )

    drop_every_table()
    shutil.rmtree(settings.MEDIA_ROOT)
    Path(settings.MEDIA_ROOT).mkdir()

    out = run("restore")

    assert out == (
        f"Restored the database and {len(files)} media file(s) from the backup of {manifest['created']} ({backup}).\n"
    )
    assert database_rows() == rows
    assert media_files() == files


def test_restore_takes_the_latest_backup_or_the_one_named_and_replaces_what_changed_since(
    backup_dir, monkeypatch, client
):
    make_section(slug="first")
    run("backup")
    [older] = backup_dir.iterdir()
    older = older.rename(backup_dir / "2026-01-01T000000Z")
    make_section(slug="second")
    make_image()
    run("backup")
    make_section(slug="third")
    (Path(settings.MEDIA_ROOT) / "images" / "stray.txt").write_text("added after the backup")
    files = {name for name in media_files() if name != "images/stray.txt"}
    assert ">Third<" in client.get("/en/").content.decode()

    run("restore")

    assert list(Section.objects.values_list("slug", flat=True)) == ["first", "second"]
    assert ">Third<" not in client.get("/en/").content.decode()
    assert set(media_files()) == files

    # --no-input asks nothing, even on a terminal.
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr("builtins.input", pytest.fail)
    run("restore", "--no-input", str(older))

    assert list(Section.objects.values_list("slug", flat=True)) == ["first"]
    assert media_files() == {}


def test_restoring_a_backup_older_than_the_code_says_to_migrate():
    recorder = MigrationRecorder(connection)
    [(app, latest)] = MigrationLoader(connection).graph.leaf_nodes("community")
    recorder.record_unapplied(app, latest)
    try:
        run("backup")
        out = run("restore")
    finally:
        recorder.record_applied(app, latest)
    assert (
        out.splitlines()[-1] == "The backup is older than the code: 1 migration(s) to apply with `manage.py migrate`."
    )


def test_restore_refuses_when_there_is_no_backup(backup_dir):
    with pytest.raises(CommandError, match=rf"^There is no backup in {backup_dir}: make one with `make backup`\.$"):
        run("restore")
    with pytest.raises(CommandError, match=r"^There is no backup at /nowhere\.$"):
        run("restore", "/nowhere")
    backup_dir.joinpath("notes").mkdir(parents=True)
    with pytest.raises(CommandError, match=r"notes is not a backup: it has no manifest\.json\.$"):
        run("restore", str(backup_dir / "notes"))


@pytest.fixture
def backup(backup_dir):
    make_image()
    run("backup")
    [path] = backup_dir.iterdir()
    return path


def test_restore_refuses_a_damaged_backup_and_changes_nothing(backup):
    with (backup / "media.tar.gz").open("ab") as archive:
        archive.write(b"\0")
    make_section(slug="after-the-backup")

    with pytest.raises(
        CommandError, match=rf"^The backup {backup} is damaged: media.tar.gz does not match its checksum\.$"
    ):
        run("restore", "--no-input")

    assert Section.objects.filter(slug="after-the-backup").exists()
    assert media_files()


def test_restore_refuses_a_backup_with_a_file_missing_or_an_unreadable_manifest(backup):
    database_file = next(backup.glob("db.*"))
    database_file.unlink()
    with pytest.raises(CommandError, match=rf"^The backup {backup} is damaged: {database_file.name} is missing\.$"):
        run("restore")
    (backup / "manifest.json").write_text("{")
    with pytest.raises(CommandError, match=rf"^The backup {backup} is damaged: its manifest\.json cannot be read\.$"):
        run("restore")


def test_restore_refuses_a_backup_of_another_database_vendor(backup):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest = json.loads((backup / "manifest.json").read_text())
    (backup / "manifest.json").write_text(json.dumps({**manifest, "vendor": other}))

    message = rf"^The backup {backup} is of a {other} database; this site's database is {connection.vendor}\.$"
    with pytest.raises(CommandError, match=message):
        run("restore")


def test_on_a_terminal_restore_asks_first_and_anything_but_yes_cancels(backup, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", Terminal("no\n"))
    make_section(slug="after-the-backup")
    manifest = json.loads((backup / "manifest.json").read_text())

    with pytest.raises(CommandError, match=r"^Restore cancelled: nothing was changed\.$"):
        run("restore")

    assert capsys.readouterr().out == (
        f"This replaces the database and media with the backup of {manifest['created']} ({backup}): type yes: "
    )
    assert Section.objects.filter(slug="after-the-backup").exists()
