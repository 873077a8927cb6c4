"""
Media on S3-compatible object storage, against a real S3 API: moto's server
in a process of its own on loopback. An editor uploads a picture through
the admin; the picture and its renditions are objects in the bucket, nothing
is written to the media folder, the admin's preview and the public article
page point at the store's URLs, and those URLs serve the pictures' bytes.
"""

import contextlib
import json
import re
import socket
import subprocess
import sys
import urllib.request
import uuid
from html import unescape
from io import StringIO

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from korea_portal.settings import media_origin, object_storage
from news.models import Image
from tests.factories import image_bytes, make_article, make_editor
from tests.servers import ROOT, free_port, wait_until

pytestmark = pytest.mark.django_db

CREDENTIALS = {"aws_access_key_id": "portal-test", "aws_secret_access_key": "portal-test-secret"}  # noqa: S105


def port_open(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
        return True
    return False


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """moto's S3-compatible server on a free loopback port, for this module's tests."""
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - moto's own server
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            cwd=ROOT,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: process.poll() is not None or port_open(port), 30, "moto's server")
        assert process.poll() is None, f"moto's server stopped: {log.read_text()}"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket, and the site's media stored in it as the settings would store them with its variables."""
    name = f"portal-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)
    client.create_bucket(Bucket=name)
    # Readers fetch media by plain URL: the bucket lets anyone read its objects (README), nothing more.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            bucket_name=name,
            endpoint_url=s3_endpoint,
            region_name="us-east-1",
            custom_domain=None,
            access_key=CREDENTIALS["aws_access_key_id"],
            secret_key=CREDENTIALS["aws_secret_access_key"],
            querystring_auth=False,
        ),
    }
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], media_origin(None, s3_endpoint)]},
    }
    return client, name


def public_read_policy(name):
    """The bucket policy README gives: anyone may read an object, nobody else may list or write."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
            }
        ],
    }


def objects(client, name):
    listing = client.list_objects_v2(Bucket=name)
    return sorted(entry["Key"] for entry in listing.get("Contents", []))


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own loopback store
        return response.status, response.headers, response.read()


def img_sources(html):
    return [unescape(source) for source in re.findall(r'<img[^>]* src="([^"]+)"', html)]


@pytest.fixture
def uploaded(client, bucket, settings, django_capture_on_commit_callbacks):
    """An image uploaded by an editor through the admin, with the S3 storage active; renditions made after commit."""
    client.force_login(make_editor())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:news_image_add"),
            {
                "file": SimpleUploadedFile("harbour.png", image_bytes(width=900, height=600), content_type="image/png"),
                "alt_text_en": "Busan harbour",
                "credit": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.get()


def test_the_upload_and_its_renditions_are_objects_in_the_bucket(uploaded, bucket, settings):
    client, name = bucket

    assert sorted(uploaded.renditions) == ["320", "640"]
    assert objects(client, name) == sorted([uploaded.file.name, *uploaded.renditions.values()])
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.*")), "nothing on local disk"
    stored = client.get_object(Bucket=name, Key=uploaded.renditions["640"])
    assert stored["ContentType"] == "image/webp"
    assert stored["CacheControl"] == "public, max-age=2592000"


def test_the_admin_preview_shows_the_picture_from_the_store(client, uploaded, s3_endpoint):
    response = client.get(reverse("admin:news_image_change", args=[uploaded.pk]))

    assert response.status_code == 200
    preview = [source for source in img_sources(response.content.decode()) if source.startswith(s3_endpoint)]
    assert preview == [f"{s3_endpoint}/{uploaded.file.storage.bucket_name}/{uploaded.renditions['640']}"]
    status, headers, body = fetch(preview[0])
    assert status == 200 and headers["Content-Type"] == "image/webp"
    assert body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    assert s3_endpoint in response["Content-Security-Policy"], "the policy lets the admin show it"


def test_the_public_article_page_shows_the_picture_from_the_store(client, uploaded, s3_endpoint):
    article = make_article(lead_image=uploaded)
    client.logout()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    sources = [source for source in img_sources(html) if source.startswith(s3_endpoint)]
    assert sources, "the lead image comes from the store"
    for source in sources:
        status, _headers, body = fetch(source)
        assert status == 200 and body[8:12] == b"WEBP"
    assert f"{s3_endpoint}/" in html.split("srcset=", 1)[1].split(">", 1)[0], "the srcset names the store too"
    img_src = response["Content-Security-Policy"].split("img-src", 1)[1].split(";", 1)[0]
    assert s3_endpoint in img_src


def test_a_second_upload_of_the_same_name_keeps_the_first(client, uploaded, bucket):
    """file_overwrite is off: two editors' harbour.png are two objects."""
    client_s3, name = bucket
    response = client.post(
        reverse("admin:news_image_add"),
        {
            "file": SimpleUploadedFile("harbour.png", image_bytes(width=400, height=300), content_type="image/png"),
            "alt_text_en": "Another harbour",
            "credit": "",
        },
    )
    assert response.status_code == 302
    first, second = Image.objects.order_by("pk")
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= set(objects(client_s3, name))


@pytest.mark.django_db(transaction=True)
def test_a_backup_with_media_on_object_storage_holds_the_database_and_says_the_bucket_keeps_the_media(
    uploaded, bucket, settings, tmp_path
):
    """`make backup` and `make restore` work with the S3 storage: the media stay in the bucket, said clearly."""
    client, name = bucket
    settings.BACKUP_DIR = tmp_path / "backups"
    stored = objects(client, name)

    out = StringIO()
    call_command("backup", stdout=out)

    assert "Media are on object storage (AWS_STORAGE_BUCKET_NAME) and not in this backup" in out.getvalue()
    [backup] = settings.BACKUP_DIR.iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["media"] == "object storage" and manifest["media_files"] is None
    assert not (backup / "media.tar.gz").exists()
    assert sorted(manifest["files"]) == [next(backup.glob("db.*")).name]

    Image.objects.all().delete()
    out = StringIO()
    call_command("restore", "--no-input", stdout=out)

    assert "Media were left as they are: they are on object storage" in out.getvalue()
    assert Image.objects.get().file.name == uploaded.file.name
    assert objects(client, name) == stored
