"""
The image pipeline: the check of an upload, the field that holds it, its
WebP renditions and their URLs.

An upload is decoded in full when it is validated, as the renditions will
decode it, so a damaged file is a form error rather than a failure at save
time. The renditions are made when the file changes, never when only the
texts of an image change: nothing here reads a stored file then. They are
made by a task after the save commits (``news.tasks.make_image_renditions``),
from the stored file through its storage's API alone (``open``, ``save``,
``delete``: never a local path, so that object storage serves as well as a
folder). Until they exist every URL here falls back to the file itself.
"""

import io
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError


def validate_image_file(upload):
    """
    Refuse a file that is not a picture, is too large to process, or is damaged.

    The pixels are counted from the header before anything is decoded, so a
    small file that would unpack into a huge picture (a decompression bomb) is
    refused unread.
    """
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d MB."),
            code="too_large",
            params={"limit": settings.IMAGE_MAX_BYTES // (1024 * 1024)},
        )
    try:
        width, height = read_size(upload)
        if width * height > settings.IMAGE_MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
        decode(upload)
    finally:
        upload.seek(0)


def read_size(upload):
    """Return the size of the picture in ``upload``, from its header alone."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as picture:
            return picture.size
    except PILImage.DecompressionBombError:
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Upload a valid image: the file is not a picture or is damaged."), code="not_a_picture"
        ) from None


def decode(upload):
    """
    Check every chunk of the picture in ``upload`` and decode every pixel.

    ``verify()`` alone passes a picture whose data is corrupt but whose
    checksums are right, and decoding alone passes wrong checksums: a
    browser refuses both. Any error here is Pillow failing to read the file
    (its decoders raise more kinds than OSError on hostile input), so every
    one means a damaged file.
    """
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.verify()
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.load()
    except Exception:
        raise ValidationError(
            _("The file is damaged: upload it again or choose another picture."), code="damaged"
        ) from None


class PictureFormField(forms.ImageField):
    """
    The upload field of a ``PictureField``. It leaves the picture to the model
    field's validator, which decodes it in full: Django's own check only
    ``verify()``s, and answers a damaged file and a file that is no picture
    in the same words of its own.
    """

    def to_python(self, data):
        return forms.FileField.to_python(self, data)


class PictureField(models.ImageField):
    """
    An ImageField that reads from storage only for a new file.

    Django reads the size of a file again whenever one is assigned to the
    field, and a model form assigns the stored file back when no new one is
    uploaded: editing an image's alt text would open the picture. This field
    leaves the stored file in place then.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})

    def save_form_data(self, instance, data):
        if data is getattr(instance, self.attname):
            return
        super().save_form_data(instance, data)


def make_renditions(file, folder):
    """
    Write the WebP renditions of a stored picture under ``folder`` and return
    their names by width ({"320": name, …}). A picture is not enlarged: the
    widths beyond its own are left out, except the smallest. If one rendition
    fails, those already written are deleted.
    """
    storage = file.storage
    stem = PurePosixPath(file.name).stem
    written = {}
    try:
        with file.open("rb"), PILImage.open(file) as picture:
            picture.load()
            if picture.mode not in ("RGB", "RGBA"):
                picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
            for target in settings.IMAGE_RENDITION_WIDTHS:
                if target > picture.width and written:
                    break
                name = f"{folder}/{stem}-{target}.webp"
                written[str(target)] = storage.save(name, ContentFile(webp(picture, target)))
    except BaseException:
        delete_files(storage, written.values())
        raise
    return written


def webp(picture, width):
    """Return ``picture`` at most ``width`` wide, as WebP bytes."""
    copy = picture.copy()
    copy.thumbnail((min(width, picture.width), 10 * width))
    out = io.BytesIO()
    copy.save(out, "WEBP", quality=82)
    return out.getvalue()


def delete_files(storage, names):
    for name in names:
        storage.delete(name)


def rendition_width(renditions, width):
    """Return the width (the key) of the smallest rendition at least ``width`` wide, else of the largest."""
    sizes = sorted(int(size) for size in renditions)
    return next((size for size in sizes if size >= width), sizes[-1])


def rendition_name(file, renditions, width):
    """Return the stored name of the smallest rendition at least ``width`` wide, else the largest, else the file."""
    if not renditions:
        return file.name
    return renditions[str(rendition_width(renditions, width))]


def rendition_url(file, renditions, width):
    """Return the URL of the smallest rendition at least ``width`` wide, else of the largest, else of the file."""
    return file.storage.url(rendition_name(file, renditions, width))


def srcset(file, renditions):
    """Return the value of an ``srcset`` attribute: each rendition's URL and width, narrowest first."""
    sizes = sorted(int(size) for size in renditions)
    return ", ".join(f"{file.storage.url(renditions[str(size)])} {size}w" for size in sizes)
