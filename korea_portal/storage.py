"""Static files storage: whitenoise's, with its manifest kept out of what is served."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """
    Compressed, hashed static files whose manifest (``staticfiles.json``) lives
    in ``STATIC_MANIFEST_ROOT`` beside ``STATIC_ROOT``, not in it: whitenoise
    (or any web server) serves every file of ``STATIC_ROOT``, and the manifest
    would list the whole of it to anyone.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("manifest_storage", FileSystemStorage(location=settings.STATIC_MANIFEST_ROOT))
        super().__init__(*args, **kwargs)
