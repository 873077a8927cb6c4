"""Writes to the forum that span several rows: a topic with its first post, a reply."""

from django.db import transaction
from django.utils import timezone

from .models import Post, Topic


@transaction.atomic
def start_topic(*, board, author, title, body):
    """Open a topic in ``board`` with ``body`` as its first post; return the topic."""
    now = timezone.now()
    topic = Topic(board=board, author=author, title=title, created=now, last_post_at=now)
    topic.full_clean()
    topic.save()
    post = Post(topic=topic, author=author, body=body, created=now)
    post.full_clean()
    post.save()
    return topic


@transaction.atomic
def reply(*, topic, author, body):
    """Add a reply to ``topic`` and move the topic up its board; return the post."""
    post = Post(topic=topic, author=author, body=body)
    post.full_clean()
    post.save()
    Topic.objects.filter(pk=topic.pk).update(last_post_at=post.created)
    return post
