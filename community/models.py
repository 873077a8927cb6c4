"""
The Open Forum: boards hold topics, topics hold posts.

Posts are plain text (escaped and linked when shown, never trusted as HTML).
Moderators hide posts and lock topics; a hidden post stays in the database,
so moderation can be undone, but only moderators see it. When an account is
deleted its topics and posts stay, shown as by a deleted user.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Board(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:board", kwargs={"board": self.slug})


class TopicQuerySet(models.QuerySet):
    def with_counts(self):
        """Add the number of visible posts to each topic."""
        return self.annotate(
            visible_posts=models.Count("posts", filter=models.Q(posts__is_hidden=False)),
        )


class Topic(models.Model):
    board = models.ForeignKey(Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("title"), max_length=150)
    # A deleted account's topics and posts stay, without its name: others replied to them.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_post_at = models.DateTimeField(_("last post"), default=timezone.now, db_index=True)
    is_locked = models.BooleanField(_("locked"), default=False, help_text=_("A locked topic takes no new replies."))
    is_pinned = models.BooleanField(_("pinned"), default=False, help_text=_("A pinned topic stays at the top."))

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        permissions = [("moderate_forum", _("Can moderate the Open Forum"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:topic", kwargs={"board": self.board.slug, "pk": self.pk})


class Post(models.Model):
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(_("message"), max_length=5000)
    created = models.DateTimeField(_("created"), default=timezone.now)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#post-{self.pk}"
