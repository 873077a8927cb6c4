"""
Newsletter subscriptions, the issues sent and each issue's delivery to each subscriber.

A subscription belongs to an e-mail address, not to an account: readers
subscribe without one, and ``accounts`` ties a verified user's address to its
subscription (the profile's checkbox, deleting the account).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from news.models import Section


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        """Keep the subscriptions whose address followed the confirmation link: the only ones sent issues."""
        return self.filter(confirmed__isnull=False)

    def of_address(self, email):
        """Keep the subscription of ``email``, whatever the case of its letters (one address, one subscription)."""
        return self.filter(email__iexact=email)


class Subscription(models.Model):
    """A newsletter subscription; nothing but the confirmation is sent until ``confirmed`` is set."""

    email = models.EmailField(_("e-mail address"))
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
        constraints = [
            # A@example.org and a@example.org are one mailbox: one subscription between them.
            models.UniqueConstraint(
                Lower("email"),
                name="one_subscription_per_address",
                violation_error_message=_("This e-mail address is already subscribed."),
            ),
        ]

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
