"""
The image renditions task: made after an image's new file is committed (``Image.save``).

Idempotent: the task is given the file's name as queued, and stores its
renditions only if the row still names that file and has none yet (checked
under a row lock), so a redelivered task, or one that comes after the file
was replaced again or the image deleted, changes nothing and leaves no file
behind. A storage error (``OSError``) is tried again with backoff; a picture
that cannot be decoded is logged, and its pages keep showing the file itself.
"""

import logging

from celery import shared_task
from django.db import transaction

from core.signals import content_updated

from .images import delete_files, make_renditions
from .models import Image

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def make_image_renditions(self, image_id, file_name):
    """Make and record the renditions of image ``image_id`` if it still holds ``file_name`` without them."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.file.name != file_name or image.renditions:
        logger.info("Image %s: renditions of %s not needed (made, replaced or deleted)", image_id, file_name)
        return "not needed"
    renditions = make_renditions(image.file, f"renditions/{image_id}")
    if not store_renditions(image_id, file_name, renditions):
        delete_files(image.file.storage, renditions.values())
        logger.info("Image %s changed while its renditions were made: they were dropped", image_id)
        return "not needed"
    # Cached pages showing the file itself are made again with the renditions.
    content_updated.send(sender=Image)
    logger.info("Image %s: %d rendition(s) made (task %s)", image_id, len(renditions), self.request.id)
    return "made"


def store_renditions(image_id, file_name, renditions):
    """Record ``renditions`` if the image still holds ``file_name`` and has none; return whether it did."""
    with transaction.atomic():
        current = Image.objects.select_for_update().filter(pk=image_id).values("file", "renditions").first()
        if current is None or current["file"] != file_name or current["renditions"]:
            return False
        Image.objects.filter(pk=image_id).update(renditions=renditions)
        return True
