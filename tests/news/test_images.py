"""
The image pipeline (``news.images``): damaged uploads refused as an editor
meets them in the admin, renditions made only when the file changes, and no
file left behind by a save that fails.
"""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageFile

from news.models import Image
from news.tasks import make_image_renditions
from tests.factories import image_bytes, image_upload, make_article, make_editor, make_image

pytestmark = pytest.mark.django_db

DAMAGED = "The file is damaged: upload it again or choose another picture."
NOT_A_PICTURE = "Upload a valid image: the file is not a picture or is damaged."


def truncated_png():
    """A PNG cut in the middle of its pixel data: its header opens, its pixels end early."""
    data = image_bytes(width=600, height=400)
    return data[: len(data) // 2]


def corrupt_idat_png():
    """
    A PNG whose pixel data (its IDAT chunk) is no valid deflate stream, under a
    checksum recomputed to match: ``verify()`` passes it, decoding fails.
    """
    data = image_bytes(width=600, height=400)
    position = 8  # after the PNG signature
    while True:
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            break
        position += 12 + length
    body = bytearray(data[position + 8 : position + 8 + length])
    body[2] = 0xFF  # after the zlib header: a deflate block of the reserved type 3
    crc = struct.pack(">I", zlib.crc32(kind + body))
    return data[: position + 8] + bytes(body) + crc + data[position + 12 + length :]


def media_files():
    """Every file in the media folder, by its path inside it."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def storage_opens(monkeypatch):
    """The names the images' storage opens, recorded by a spy around its real ``open()``."""
    storage = storages["default"]
    opened = []
    real_open = storage.open

    def open_and_record(name, mode="rb"):
        opened.append(name)
        return real_open(name, mode)

    monkeypatch.setattr(storage, "open", open_and_record)
    return opened


def add_image(client, data, name="photo.png"):
    return client.post(
        reverse("admin:news_image_add"),
        {"file": SimpleUploadedFile(name, data, content_type="image/png"), "alt_text_en": "Harbour", "credit": ""},
    )


class TestDamagedUploads:
    def test_the_damaged_files_open_and_one_even_passes_verify(self):
        """The files of the tests below are the hard cases: Pillow opens both, and verify() passes one."""
        for data in (truncated_png(), corrupt_idat_png()):
            with PILImage.open(io.BytesIO(data)) as picture:
                assert picture.size == (600, 400)
        with PILImage.open(io.BytesIO(corrupt_idat_png())) as picture:
            picture.verify()

    @pytest.mark.parametrize("damaged", [truncated_png, corrupt_idat_png], ids=["truncated", "corrupt-idat"])
    def test_the_admin_shows_a_damaged_file_as_an_error_and_keeps_nothing(self, editor_client, damaged):
        response = add_image(editor_client, damaged())
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["file"] == [DAMAGED]
        assert DAMAGED in response.content.decode()
        assert not Image.objects.exists()
        assert media_files() == []

    def test_the_admin_tells_a_file_that_is_not_a_picture(self, editor_client):
        response = add_image(editor_client, b"GIF89a, or so it says", name="fake.gif")
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["file"] == [NOT_A_PICTURE]
        assert not Image.objects.exists()
        assert media_files() == []

    def test_a_sound_file_is_added_with_its_size_and_renditions(self, editor_client, committed):
        response = committed(add_image, editor_client, image_bytes(width=700, height=350))
        assert response.status_code == 302
        image = Image.objects.get()
        assert (image.width, image.height) == (700, 350)
        assert sorted(image.renditions) == ["320", "640"]
        assert media_files() == sorted([image.file.name, *image.renditions.values()])

    def test_the_pixels_are_counted_before_anything_is_decoded(self, settings, monkeypatch):
        settings.IMAGE_MAX_PIXELS = 100 * 100
        decoded = []
        monkeypatch.setattr(ImageFile.ImageFile, "load", lambda picture: decoded.append(picture))
        image = Image(file=image_upload(width=101, height=100), alt_text_en="x")
        with pytest.raises(ValidationError) as caught:
            image.full_clean()
        assert caught.value.error_dict["file"][0].code == "too_many_pixels"
        assert decoded == []


class TestRenditionsFollowTheFile:
    def test_editing_the_texts_reads_nothing_from_storage(self, storage_opens):
        image = make_image(file=image_upload(width=700, height=350))
        before = dict(image.renditions)
        storage_opens.clear()
        image = Image.objects.get(pk=image.pk)
        image.alt_text_en = "The harbour at dawn"
        image.caption_en = "Busan"
        image.full_clean()
        image.save()
        assert storage_opens == []
        image = Image.objects.get(pk=image.pk)
        assert (image.alt_text_en, image.renditions, image.width, image.height) == (
            "The harbour at dawn",
            before,
            700,
            350,
        )

    def test_editing_the_alt_text_in_the_admin_reads_nothing_from_storage(self, editor_client, storage_opens):
        image = make_image(file=image_upload(width=700, height=350))
        storage_opens.clear()
        response = editor_client.post(
            reverse("admin:news_image_change", args=[image.pk]), {"alt_text_en": "The harbour at dawn", "credit": ""}
        )
        assert response.status_code == 302
        assert storage_opens == []
        assert Image.objects.get(pk=image.pk).alt_text_en == "The harbour at dawn"

    def test_a_replaced_file_gets_new_renditions_and_the_old_ones_go(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        image = make_image(file=image_upload(width=1500, height=1000))
        old = set(image.renditions.values())
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                reverse("admin:news_image_change", args=[image.pk]),
                {"file": image_upload(name="new.png", width=500, height=250), "alt_text_en": "New", "credit": ""},
            )
        assert response.status_code == 302
        image = Image.objects.get(pk=image.pk)
        assert (image.width, image.height) == (500, 250)
        assert list(image.renditions) == ["320"]
        assert old.isdisjoint(image.renditions.values())
        storage = image.file.storage
        assert not any(storage.exists(name) for name in old)
        with storage.open(image.renditions["320"]) as handle:
            assert PILImage.open(handle).size == (320, 160)


class TestTheRenditionsTask:
    """``news.tasks.make_image_renditions``, queued when an image's new file is committed."""

    def test_until_the_task_has_run_the_article_shows_the_file_itself(self, client, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=False) as pending:
            image = Image.objects.create(file=image_upload(width=1500, height=1000), alt_text_en="The harbour")
        article = make_article(lead_image=image)
        html = client.get(article.get_absolute_url()).content.decode()
        assert f'src="{image.file.url}"' in html and "srcset=" not in html
        for callback in pending:
            callback()
        image.refresh_from_db()
        assert sorted(image.renditions) == ["1024", "320", "640"]
        # The page cached with the file itself is made again with the renditions.
        html = client.get(article.get_absolute_url()).content.decode()
        assert f'src="{image.rendition_url_large}"' in html and "srcset=" in html

    def test_a_redelivered_task_changes_nothing_and_leaves_no_file(self):
        image = make_image(file=image_upload(width=700, height=350))
        files = media_files()
        assert make_image_renditions.apply(args=(image.pk, image.file.name)).get() == "not needed"
        assert media_files() == files
        image.refresh_from_db()
        assert sorted(image.renditions) == ["320", "640"]

    def test_a_task_for_a_file_since_replaced_does_nothing(self, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=False):
            image = Image.objects.create(file=image_upload(width=700, height=350), alt_text_en="x")
        first_name = image.file.name
        image.file = image_upload(name="other.png", width=500, height=250)
        image.save()
        assert make_image_renditions.apply(args=(image.pk, first_name)).get() == "not needed"
        image.refresh_from_db()
        assert image.renditions == {}
        assert not any(name.startswith("renditions/") for name in media_files())


class TestAFailedRenditionLeavesTheFileShown:
    """The renditions are made by a task after the commit: when it fails, the image shows its file itself."""

    def test_a_picture_that_fails_to_decode_in_the_task_keeps_its_file_and_no_rendition(self, caplog):
        """Saved without validation (a script, say), the damaged file fails when the task decodes it; it is logged."""
        image = make_image(file=SimpleUploadedFile("photo.png", corrupt_idat_png()))
        assert image.renditions == {}
        assert media_files() == [image.file.name]
        assert image.rendition_url_large == image.file.url
        assert "news.tasks.make_image_renditions" in caplog.text

    def test_a_rendition_that_fails_to_be_written_takes_the_others_with_it(self, monkeypatch, caplog):
        storage = storages["default"]
        real_save = storage.save

        def save_but_the_second_rendition(name, content, max_length=None):
            if name.endswith("-640.webp"):
                raise OSError("No space left on device")
            return real_save(name, content, max_length=max_length)

        monkeypatch.setattr(storage, "save", save_but_the_second_rendition)
        image = make_image(file=image_upload(width=1500, height=1000))
        assert image.renditions == {}
        assert media_files() == [image.file.name]
        assert "No space left on device" in caplog.text

    def test_a_save_that_fails_after_the_file_is_stored_leaves_no_file(self, monkeypatch):
        # The file is written to storage before the row; the row's insert fails. (An internal
        # of Django's, patched for want of a real failure between the two.)
        def refuse(*args, **kwargs):
            raise OSError("The database went away")

        monkeypatch.setattr("django.db.models.Model._do_insert", refuse)
        with pytest.raises(OSError, match="went away"), transaction.atomic():
            make_image(file=image_upload(width=1500, height=1000))
        assert media_files() == []
