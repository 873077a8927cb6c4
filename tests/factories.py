"""Small helpers that make the objects tests need, with sensible defaults."""

import importlib
import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from PIL import Image as PILImage

from news.models import Article, ArticleBase, Image, Section, Tag
from relations.models import Article as RelationArticle
from relations.models import Partner, Summit, TradeFigure

_counter = itertools.count(1)
PASSWORD = "a-long-Test-passw0rd"


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def make_section(**values):
    slug = values.pop("slug", unique("section"))
    return Section.objects.create(slug=slug, name_en=values.pop("name_en", slug.title()), **values)


def make_tag(**values):
    slug = values.pop("slug", unique("tag"))
    return Tag.objects.create(slug=slug, name_en=values.pop("name_en", slug.title()), **values)


def published_values(values):
    values.setdefault("status", ArticleBase.Status.PUBLISHED)
    values.setdefault("publish_date", timezone.now() - timedelta(hours=1))
    slug = values.setdefault("slug", unique("article"))
    values.setdefault("title_en", f"Title of {slug}")
    values.setdefault("summary_en", f"Summary of {slug}")
    values.setdefault("body_en", f"<p>Body of {slug}</p>")
    return values


def make_article(**values):
    values.setdefault("section", values.get("section") or make_section())
    return Article.objects.create(**published_values(values))


def make_partner(**values):
    slug = values.pop("slug", unique("partner"))
    return Partner.objects.create(slug=slug, name_en=values.pop("name_en", slug.title()), **values)


def make_relation_article(**values):
    values.setdefault("partner", values.get("partner") or make_partner())
    return RelationArticle.objects.create(**published_values(values))


def make_summit(**values):
    values.setdefault("partner", values.get("partner") or make_partner())
    values.setdefault("date", timezone.now().date())
    values.setdefault("place_en", "Seoul")
    values.setdefault("leaders_en", "Two leaders")
    return Summit.objects.create(**values)


def make_trade_figure(**values):
    values.setdefault("partner", values.get("partner") or make_partner())
    return TradeFigure.objects.create(**values)


def image_bytes(width=1200, height=800, fmt="PNG", color=(0, 59, 128)):
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(out, fmt)
    return out.getvalue()


def image_upload(name="photo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def make_image(**values):
    """An image with its renditions: the task that makes them after the commit is run, as a commit would."""
    values.setdefault("alt_text_en", "A blue picture")
    with TestCase.captureOnCommitCallbacks(execute=True):
        image = Image.objects.create(file=values.pop("file", image_upload()), **values)
    image.refresh_from_db(fields=["renditions"])
    return image


def make_user(**values):
    username = values.pop("username", unique("user"))
    values.setdefault("email", f"{username}@example.org")
    values.setdefault("email_verified", True)
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **values)


def content_group(name):
    """
    The "Editors" or "Publishers" group that the migrations make; made again as
    they make it where a transactional test's flush emptied the tables after migrating.
    """
    from django.contrib.auth.models import Permission

    migration = importlib.import_module("korea_portal.migrations.0002_publishers_group")
    group, created = Group.objects.get_or_create(name=name)
    if created:
        permissions = Permission.objects.filter(content_type__app_label__in=migration.CONTENT_APPS)
        if name == migration.EDITORS:
            permissions = permissions.exclude(codename=migration.PUBLISH_CODENAME)
        group.permissions.set(permissions)
    return group


def editors_group():
    return content_group("Editors")


def publishers_group():
    return content_group("Publishers")


def make_editor(**values):
    user = make_user(is_staff=True, **values)
    user.groups.add(editors_group())
    return user


def make_publisher(**values):
    user = make_user(is_staff=True, **values)
    user.groups.add(publishers_group())
    return user


def make_scrap(user, article, **values):
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import Scrap

    content_type = ContentType.objects.get_for_model(article)
    return Scrap.objects.create(user=user, content_type=content_type, object_id=article.pk, **values)


def make_subscription(email=None, confirmed=True, sections=(), **values):
    from newsletter.models import Subscription

    subscription = Subscription.objects.create(
        email=email or f"{unique('reader')}@example.org",
        confirmed=timezone.now() - timedelta(days=1) if confirmed else None,
        **values,
    )
    subscription.sections.set(sections)
    return subscription
