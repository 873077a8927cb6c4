"""
Previews of articles that readers cannot see yet (drafts, in review, scheduled, unpublished).

**Staff preview.** A user who may change a kind of article sees any article
of that kind at its own public URL (``/fr/news/<section>/<slug>/``): the
admin's "View on site" and the change form's "Preview" lead there. The page
says "Preview — not published" in the page's language, is never cached
(``Cache-Control: no-store``: the anonymous page cache never keeps it either,
and its visitors are logged in) and asks search engines to leave it out
(``X-Robots-Tag`` and ``<meta name="robots">``). Everyone else gets the 404
of an address with no article. The lists, feeds, search and sitemaps show
``published()`` articles alone, so a preview appears in none of them.

**Shared preview.** ``share_url(article)`` is a link, ``/<lang>/preview/<token>/``,
that shows one article's current state to anyone holding it, without an
account (a reviewer, a translator), for ``MAX_AGE`` (48 hours). The token is
signed (``TimestampSigner``, salted): it names the kind and the key of the
article and a fingerprint of its last save (``updated``), so saving the
article again revokes every link made before. An expired link, a link made
before the last edit and a link that is not ours each show a page that says
so (410, 410 and 404), never the article.
"""

import hashlib
from datetime import timedelta

from django.apps import apps
from django.core import signing
from django.shortcuts import render
from django.urls import resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from .models import ArticleBase

SALT = "news.preview.shared"
MAX_AGE = timedelta(hours=48)
ROBOTS = "noindex, nofollow"


class OutdatedPreview(Exception):
    """The article was saved again after the link was made."""


def mark_private(response):
    """Keep a preview out of every cache and every search engine."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = ROBOTS
    return response


def signer():
    return signing.TimestampSigner(salt=SALT)


def version(article):
    """A fingerprint of the article's last save: any save changes it."""
    return hashlib.sha256(f"{article._meta.label}:{article.pk}:{article.updated.isoformat()}".encode()).hexdigest()[:16]


def share_token(article, using=None):
    """The signed token of a shared preview of ``article`` (``using``: another ``TimestampSigner``, for tests)."""
    return (using or signer()).sign_object({"kind": article._meta.label, "pk": article.pk, "version": version(article)})


def share_url(article, using=None):
    """The path of a shared preview of ``article``, in the active language."""
    return reverse("shared-preview", kwargs={"token": share_token(article, using)})


def shared_article(token):
    """
    Return the article a token shows.

    Raise ``signing.SignatureExpired`` after ``MAX_AGE``, ``signing.BadSignature``
    for a token that is not ours, ``LookupError`` for an article that is gone,
    and ``OutdatedPreview`` when it was saved since the link was made.
    """
    value = signer().unsign_object(token, max_age=MAX_AGE)
    try:
        model = apps.get_model(value["kind"])
        pk = value["pk"]
    except (KeyError, TypeError, ValueError, LookupError) as error:
        raise signing.BadSignature("Not a preview token.") from error
    if not issubclass(model, ArticleBase):
        raise signing.BadSignature("Not a preview token.")
    article = model.objects.filter(pk=pk).select_related(*model.list_related).prefetch_related("tags").first()
    if article is None:
        raise LookupError("The article is gone.")
    if version(article) != value.get("version"):
        raise OutdatedPreview
    return article


def unavailable(request, reason, status):
    response = render(request, "news/preview_unavailable.html", {"reason": reason}, status=status)
    return mark_private(response)


@never_cache
def shared_preview(request, token):
    """Show the article of a shared-preview token through its own kind's article page, marked as a preview."""
    try:
        article = shared_article(token)
    except signing.SignatureExpired:
        return unavailable(request, "expired", 410)
    except OutdatedPreview:
        return unavailable(request, "edited", 410)
    except (signing.BadSignature, LookupError):
        return unavailable(request, "invalid", 404)
    # The page of its own kind (a relation article's shows its summits), as the public URL would.
    match = resolve(article.get_absolute_url())
    view = match.func.view_class.as_view(shared_preview=article)
    return mark_private(view(request, **match.kwargs))
