from django.core.management.base import BaseCommand

from korea_portal.backups import create_backup


class Command(BaseCommand):
    help = "Back up the database and the media folder into a dated folder under BACKUP_DIR (var/backups/)."

    def handle(self, *args, **options):
        path, manifest = create_backup()
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['vendor']} database and {manifest['media_files']} media file(s) to {path}."
            )
        )
