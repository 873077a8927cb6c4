"""Uploaded files served by Django where no front proxy does: pictures as pictures, nothing else as a page."""

import io

import pytest
from PIL import Image as PILImage

SANDBOX = "default-src 'none'; sandbox"


@pytest.fixture
def media(settings):
    """Write a file into MEDIA_ROOT and return its URL."""

    def put(name, content):
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return f"/media/{name}"

    return put


def png():
    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), "red").save(out, "PNG")
    return out.getvalue()


def test_a_picture_is_served_as_its_image_type(client, media):
    picture = png()
    response = client.get(media("images/2026/05/pixel.PNG", picture))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX
    assert b"".join(response.streaming_content) == picture


@pytest.mark.parametrize(
    "name, content",
    [
        ("images/drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("images/page.html", b"<script>alert(1)</script>"),
        ("images/no-extension", b"<script>alert(1)</script>"),
    ],
)
def test_any_other_file_is_a_download_that_cannot_run(client, media, name, content):
    response = client.get(media(name, content))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX


@pytest.mark.django_db
def test_a_missing_file_is_not_found_and_a_path_outside_media_is_refused(client, media):
    media("images/pixel.png", png())
    assert client.get("/media/images/missing.png").status_code == 404
    assert client.get("/media/../korea_portal/settings.py").status_code == 400
