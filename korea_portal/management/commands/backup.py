from django.core.management.base import BaseCommand

from korea_portal.backups import create_backup


class Command(BaseCommand):
    help = "Back up the database and the media folder into a dated folder under BACKUP_DIR (var/backups/)."

    def handle(self, *args, **options):
        path, manifest = create_backup()
        if manifest["media_files"] is None:
            self.stdout.write(
                self.style.SUCCESS(f"Backed up the {manifest['vendor']} database to {path}.")
                + "\n"
                + self.style.WARNING(
                    "Media are on object storage (AWS_STORAGE_BUCKET_NAME) and not in this backup: "
                    "the bucket keeps them; turn on its versioning to keep their history."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['vendor']} database and {manifest['media_files']} media file(s) to {path}."
            )
        )
