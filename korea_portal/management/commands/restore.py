import sys

from django.core.management.base import BaseCommand, CommandError

from korea_portal.backups import checked_backup, pending_migrations, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the media folder with a backup's: the latest under BACKUP_DIR, or the one named. "
        "Asks for confirmation on a terminal only."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", help="The backup's folder (default: the latest one).")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Ask nothing, even on a terminal."
        )

    def handle(self, *args, backup=None, interactive=True, **options):
        path, manifest = checked_backup(backup)
        # Scripts and CI have no terminal: they asked for the restore already.
        if interactive and sys.stdin.isatty():
            answer = input(
                f"This replaces the database and media with the backup of {manifest['created']} ({path}): type yes: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled: nothing was changed.")
        media_files = restore_backup(path, manifest)
        if media_files is None:
            self.stdout.write(
                self.style.SUCCESS(f"Restored the database from the backup of {manifest['created']} ({path}).")
                + "\n"
                + self.style.WARNING("Media were left as they are: they are on object storage, not in this backup.")
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored the database and {media_files} media file(s) from the backup of "
                    f"{manifest['created']} ({path})."
                )
            )
        pending = pending_migrations()
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup is older than the code: {len(pending)} migration(s) to apply with `manage.py migrate`."
                )
            )
