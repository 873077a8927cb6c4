from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.checks import check_article_interface, missing_members
from news.models import Article, ArticleBase, Image
from relations.models import Article as RelationArticle
from tests.factories import image_upload, make_article, make_image, make_relation_article

pytestmark = pytest.mark.django_db


class TestPublished:
    def test_published_article_is_listed(self):
        article = make_article()
        assert list(Article.objects.published()) == [article]

    def test_draft_is_not_published(self):
        make_article(status=Article.Status.DRAFT)
        assert Article.objects.published().exists() is False

    def test_future_article_is_scheduled_not_published(self):
        make_article(publish_date=timezone.now() + timedelta(days=1))
        assert Article.objects.published().exists() is False

    def test_relation_articles_follow_the_same_rule(self):
        make_relation_article(status=RelationArticle.Status.DRAFT)
        make_relation_article(publish_date=timezone.now() + timedelta(minutes=5))
        visible = make_relation_article()
        assert list(RelationArticle.objects.published()) == [visible]

    def test_slug_is_unique(self):
        make_article(slug="same")
        duplicate = Article(section=make_article().section, slug="same", title_en="Other", body_en="x")
        with pytest.raises(ValidationError) as caught:
            duplicate.full_clean()
        assert "slug" in caught.value.message_dict


class TestImages:
    def test_renditions_are_made_once_in_each_width(self):
        image = make_image(file=image_upload(width=1500, height=1000))
        assert sorted(image.renditions) == ["1024", "320", "640"]
        assert (image.width, image.height) == (1500, 1000)
        storage = image.file.storage
        for name in image.renditions.values():
            assert storage.exists(name)
        before = dict(image.renditions)
        image.caption_en = "Changed caption"
        image.save()
        image.refresh_from_db()
        assert image.renditions == before

    def test_small_image_is_not_enlarged(self):
        image = make_image(file=image_upload(width=200, height=100))
        assert list(image.renditions) == ["320"]
        from PIL import Image as PILImage

        with image.file.storage.open(image.renditions["320"]) as handle:
            assert PILImage.open(handle).size == (200, 100)

    def test_a_file_that_is_not_an_image_is_refused(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        image = Image(file=SimpleUploadedFile("fake.png", b"not an image"), alt_text_en="x")
        with pytest.raises(ValidationError) as caught:
            image.full_clean()
        assert caught.value.message_dict["file"][-1] == "Upload a valid image: the file is not a picture or is damaged."


def test_the_lead_is_not_repeated_when_the_body_opens_with_the_summary():
    article = make_article(summary_en="Seoul hosts a summit.", body_en="<p>Seoul hosts a summit. Leaders met.</p>")
    assert article.lead == ""
    article.summary_en = "Leaders of two nations met."
    assert article.lead == "Leaders of two nations met."


def test_every_kind_of_article_provides_the_article_interface():
    """The system check finds nothing missing in the news and relation articles."""
    assert check_article_interface() == []


def test_a_kind_of_article_without_its_interface_is_reported_member_by_member():
    class Incomplete(ArticleBase):
        class Meta:
            abstract = True
            app_label = "news"

    class Partial(ArticleBase):
        url_namespace = "partial"
        listed_section_slug = "culture"

        class Meta:
            abstract = True
            app_label = "news"

        def url_kwargs(self):
            return {}

    assert missing_members(Incomplete) == list(ArticleBase.INTERFACE)
    assert missing_members(Partial) == ["url_lookup", "list_label"]
