"""
Registered readers and what they keep: scraps (bookmarks of any kind of
article), the log of articles they e-mailed, and newsletter subscriptions
with the issues sent to them.

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
from django.utils.translation import gettext_lazy as _

from news.articles import article_models
from news.models import Section


class User(AbstractUser):
    """A registered reader or editor; the e-mail address is unique and verified."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_verified = models.BooleanField(_("e-mail verified"), default=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

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


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        """Keep the subscriptions whose address followed the confirmation link: the only ones sent issues."""
        return self.filter(confirmed__isnull=False)


class Subscription(models.Model):
    """A newsletter subscription; nothing but the confirmation is sent until ``confirmed`` is set."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    sections = models.ManyToManyField(
        Section,
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_("None chosen means every section."),
    )
    confirmed = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")

    def __str__(self):
        return self.email


class NewsletterIssue(models.Model):
    """
    One newsletter: the articles published in its period, sent once to each confirmed subscriber.

    Issues are numbered 1, 2, 3…: a run makes issue n + 1 after issue n, so
    two runs started at once cannot both make one (the number is unique).
    """

    number = models.PositiveIntegerField(_("number"))
    period_start = models.DateTimeField(_("articles published after"))
    period_end = models.DateTimeField(_("articles published until"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    completed = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        get_latest_by = "period_end"
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        constraints = [
            models.UniqueConstraint(fields=["number"], name="one_issue_per_number"),
        ]

    def __str__(self):
        return _("Issue of %(date)s") % {"date": self.period_end.date().isoformat()}


class NewsletterDeliveryQuerySet(models.QuerySet):
    def to_retry(self, max_attempts):
        """Keep the deliveries whose mail failed, fewer than ``max_attempts`` times: the next run tries again."""
        return self.filter(sent__isnull=True, failed__isnull=False, attempts__lt=max_attempts)

    def given_up(self, max_attempts):
        """Keep the deliveries whose mail failed ``max_attempts`` times: that address misses the issue."""
        return self.filter(sent__isnull=True, failed__isnull=False, attempts__gte=max_attempts)


class NewsletterDelivery(models.Model):
    """
    An issue claimed for one subscriber; the claim is made before each attempt to mail it.

    The unique pair makes a rerun after a crash skip everyone already claimed,
    so nobody receives the same issue twice. ``sent`` stays empty if the
    process stopped between the claim and the sending, or if the subscriber's
    sections had nothing new (``article_count`` 0). A mail that failed with
    an error sets ``failed``; a later run claims it again (``attempts`` + 1)
    until NEWSLETTER_MAX_ATTEMPTS, then gives that address up for the issue.
    """

    issue = models.ForeignKey(
        NewsletterIssue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), on_delete=models.CASCADE, related_name="deliveries"
    )
    article_count = models.PositiveIntegerField(_("articles"), default=0)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    failed = models.DateTimeField(_("failed"), null=True, blank=True)

    objects = NewsletterDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscription"], name="one_delivery_per_issue"),
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscription}"
