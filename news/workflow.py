"""
The review workflow of every kind of article: draft → in review → published (→ unpublished).

Editors ("Editors" group) write articles and submit them for review;
publishers ("Publishers" group, who hold ``<app>.publish_article``) approve
them (publish now or at a date), send them back to their author with a
comment, and unpublish them. Both groups are made by korea_portal's
migrations. The admin (``news.admin.ArticleAdminBase``) enforces who may do
what; the functions here make each move and tell the people it concerns, by
mail in their own language once the transaction commits.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from core.mail import absolute_url, build_mail, send_after_commit

from .models import ArticleBase

Status = ArticleBase.Status
PUBLISHERS_GROUP = "Publishers"
PUBLISH_PERMISSION = "publish_article"
# Where an article may be submitted for review from.
SUBMITTABLE = (Status.DRAFT, Status.UNPUBLISHED)


def publish_permission(model):
    """The permission that lets a user publish articles of ``model``: ``news.publish_article``."""
    return f"{model._meta.app_label}.{PUBLISH_PERMISSION}"


def can_publish(user, model):
    return user.has_perm(publish_permission(model))


def admin_change_url(article):
    opts = article._meta
    return absolute_url(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk]))


def publishers():
    """The active publishers who have an address to be told at."""
    return (
        get_user_model()
        .objects.filter(groups__name=PUBLISHERS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def article_links(articles, language):
    """Each article with its admin page and its preview page (in ``language``), for a mail."""
    with translation.override(language):
        return [
            {
                "title": article.title,
                "admin_url": admin_change_url(article),
                "preview_url": absolute_url(article.get_absolute_url()),
            }
            for article in articles
        ]


def notify_publishers(articles, *, submitter):
    """Mail every publisher but the submitter, in their own language, that ``articles`` await review."""
    articles = list(articles)
    if not articles:
        return
    for publisher in publishers().exclude(pk=submitter.pk):
        language = publisher.preferred_language
        context = {
            "publisher": publisher,
            "submitter": str(submitter),
            "articles": article_links(articles, language),
            "count": len(articles),
        }
        send_after_commit(build_mail("news/mail/review_requested", context, to=[publisher.email], language=language))


def submit_for_review(article, *, user, notify=True):
    """
    Put a draft (or an unpublished article) in review and, by default, tell
    the publishers; return whether it moved. An article already in review,
    published or scheduled is left as it is. The caller saves the article.
    """
    if article.status not in SUBMITTABLE:
        return False
    article.status = Status.REVIEW
    if notify:
        notify_publishers([article], submitter=user)
    return True


def approve(article, *, user, publish_date=None):
    """Publish ``article`` now, or at ``publish_date`` (scheduled); save it and return it."""
    article.status = Status.PUBLISHED
    article.publish_date = publish_date or timezone.now()
    article.review_comment = ""
    article.save()
    return article


def send_back(article, *, user, comment):
    """
    Return an article in review to its author as a draft, with what to
    change; save it, mail the author (unless it is the publisher
    themselves) and return it.
    """
    article.status = Status.DRAFT
    article.review_comment = comment
    article.save()
    author = article.author
    if author is not None and author.pk != user.pk and author.email and author.is_active:
        language = author.preferred_language
        context = {
            "author": author,
            "publisher": str(user),
            "comment": comment,
            "article": article_links([article], language)[0],
        }
        send_after_commit(build_mail("news/mail/sent_back", context, to=[author.email], language=language))
    return article
