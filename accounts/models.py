"""
Registered readers and what they keep: scraps (bookmarks of any kind of
article) and the log of articles they e-mailed. A newsletter subscription
belongs to an address, not an account: it is the ``newsletter`` app's.

Scraps and the e-mail log point at articles through a generic relation
(content type and id), so every model built on ``news.models.ArticleBase``
works without this app naming it.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from news.articles import article_models


class User(AbstractUser):
    """A registered reader or editor; the e-mail address is verified, and unique whatever the case of its letters."""

    email = models.EmailField(_("e-mail address"))
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_verified = models.BooleanField(_("e-mail verified"), default=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A@example.org and a@example.org are one mailbox: one account between them.
            models.UniqueConstraint(
                Lower("email"),
                name="one_user_per_address",
                violation_error_message=_("An account with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.display_name or self.username


class ScrapQuerySet(models.QuerySet):
    def with_articles(self):
        """
        Load each scrap's article in one query per kind of article.

        Only published articles are loaded: the ``article`` of a scrap whose
        article was unpublished or deleted is None, and the page says so.
        """
        querysets = [model.objects.published().select_related(*model.list_related) for model in article_models()]
        return self.select_related("content_type").prefetch_related(GenericPrefetch("article", querysets))


class Scrap(models.Model):
    """An article a user keeps in their scrapbook, with a private note."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="scraps"
    )
    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of article"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("article id"))
    article = GenericForeignKey("content_type", "object_id")
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created = models.DateTimeField(_("scrapped"), auto_now_add=True)

    objects = ScrapQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("scrap")
        verbose_name_plural = _("scraps")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="one_scrap_per_article"),
        ]

    def __str__(self):
        return f"{self.user} · {self.content_type.model} {self.object_id}"


class ArticleEmail(models.Model):
    """One sending of an article by a user: who, which article, how many recipients, when."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sender"), on_delete=models.CASCADE, related_name="article_emails"
    )
    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of article"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("article id"))
    article = GenericForeignKey("content_type", "object_id")
    # The title as sent, so that the log still reads well if the article goes.
    article_title = models.CharField(_("article title"), max_length=250)
    recipient_count = models.PositiveSmallIntegerField(_("recipients"))
    sent = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent", "-pk"]
        verbose_name = _("e-mailed article")
        verbose_name_plural = _("e-mailed articles")

    def __str__(self):
        return self.article_title
