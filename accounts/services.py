"""
Writes that span several models or send mail: signing up, deleting an
account, e-mailing an article and subscribing to the newsletter.

Every mail is built from templates in its reader's language and leaves after
the transaction commits (``accounts.mail``, ``news.mail``).
"""

import secrets

from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language

from core.mail import absolute_url, build_mail, send_after_commit
from news.models import Section

from .models import ArticleEmail, Subscription, User
from .tokens import email_verification_token

NEWSLETTER_CONFIRM_SALT = "accounts.newsletter.confirm"
NEWSLETTER_UNSUBSCRIBE_SALT = "accounts.newsletter.unsubscribe"
# How long a newsletter confirmation link works; unconfirmed subscriptions are removed after it.
NEWSLETTER_CONFIRM_MAX_AGE = 7 * 24 * 3600


def localized_url(name, language, request=None, **kwargs):
    """Return the full URL of the route ``name`` in ``language`` (``/ko/…``)."""
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs), request)


# Accounts


def send_verification_mail(user, request=None):
    """Mail ``user`` the one-use link that verifies their address."""
    url = localized_url(
        "accounts:verify",
        user.preferred_language,
        request,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=email_verification_token.make_token(user),
    )
    send_after_commit(
        build_mail(
            "accounts/mail/verify", {"user": user, "url": url}, to=[user.email], language=user.preferred_language
        )
    )


def register_user(*, email, display_name, preferred_language, password, request=None):
    """
    Create an unverified account and mail its verification link; return it.

    When the address already has an account nothing is created: its owner is
    mailed a reminder to log in or reset the password, and None is returned.
    The visitor sees the same page either way.
    """
    # Hashed whether or not it is used, so that both answers take as long.
    password_hash = make_password(password)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        user = User(
            # Readers log in with their address; the username is never shown.
            username=f"reader-{secrets.token_hex(6)}",
            email=email,
            display_name=display_name,
            preferred_language=preferred_language,
            password=password_hash,
        )
        # Uniqueness is left to the database: the same address may sign up twice at the
        # same moment, and the second request then gets the answer for a taken address.
        user.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            existing = User.objects.filter(email__iexact=email).first()
            if existing is None:
                raise
        else:
            send_verification_mail(user, request)
            return user
    context = {
        "user": existing,
        "login_url": localized_url("accounts:login", existing.preferred_language, request),
        "reset_url": localized_url("accounts:password-reset", existing.preferred_language, request),
    }
    send_after_commit(
        build_mail("accounts/mail/account_exists", context, to=[existing.email], language=existing.preferred_language)
    )
    return None


def verify_email(user):
    """Mark the address verified; the verification link stops working."""
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
    return user


def set_newsletter(*, user, wanted):
    """
    Subscribe the user's address in their preferred language, or unsubscribe it.

    No confirmation mail: the address is verified, which confirmed it already.
    A subscription made from the newsletter form keeps its sections.
    """
    if not wanted:
        Subscription.objects.filter(email__iexact=user.email).delete()
        return None
    subscription, _created = Subscription.objects.get_or_create(email=user.email.lower())
    subscription.language = user.preferred_language
    subscription.confirmed = subscription.confirmed or timezone.now()
    subscription.save(update_fields=["confirmed", "language"])
    return subscription


def delete_account(*, user):
    """Delete the account with everything it holds: scraps, e-mail log, newsletter subscription, login records."""
    with transaction.atomic():
        Subscription.objects.filter(email__iexact=user.email).delete()
        AccessLog.objects.filter(username=user.username).delete()
        # Scraps and the e-mail log go with the user (on_delete=CASCADE).
        user.delete()


def discard_unverified_account(*, user):
    """
    Delete an account whose address was never verified, so its owner can sign up again with the right one.

    It holds nothing (an unverified account cannot scrap, mail or subscribe);
    a newsletter subscription of the same address is not its to delete.
    """
    if user.email_verified:
        raise ValueError("Only an unverified account is discarded this way.")
    user.delete()


# E-mailing an article


def email_article(*, article, sender, recipients, message, request=None):
    """
    Log the sending and mail ``article`` to each recipient, once the transaction commits.

    The mail is built here from the published article, never from what the
    visitor posted: the subject is the title, the body the sender's name,
    their message, the summary and the URL. It comes from the site's address
    and replies go to the sender. Each recipient gets their own copy, so no
    one sees the others' addresses.
    """
    context = {
        "article": article,
        "sender_name": str(sender),
        "message": message,
        "url": absolute_url(article.get_absolute_url(), request),
    }
    language = get_language()
    with transaction.atomic():
        log = ArticleEmail.objects.create(
            sender=sender,
            content_type=ContentType.objects.get_for_model(article),
            object_id=article.pk,
            article_title=article.title[:250],
            recipient_count=len(recipients),
        )
        for recipient in recipients:
            send_after_commit(
                build_mail("accounts/mail/article", context, to=[recipient], language=language, reply_to=[sender.email])
            )
    return log


# The newsletter


def unsubscribe_url(email, language, request=None):
    token = signing.dumps(email, salt=NEWSLETTER_UNSUBSCRIBE_SALT)
    return localized_url("newsletter-unsubscribe", language, request, token=token)


def unsubscribe_headers(url):
    """Return the headers that let a mail program unsubscribe in one click (RFC 2369 and RFC 8058)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def request_subscription(*, email, language, sections, request=None):
    """
    Mail ``email`` a signed link that confirms the subscription; nothing else is sent before it.

    One address has one subscription: subscribing again keeps it. The link
    carries the language and sections asked for, so a confirmed subscription
    changes only when its address's owner follows it.
    """
    subscription, _created = Subscription.objects.get_or_create(email=email, defaults={"language": language})
    if subscription.confirmed is None:
        subscription.language = language
        subscription.save(update_fields=["language"])
        subscription.sections.set(sections)
    token = signing.dumps(
        {"email": email, "language": language, "sections": sorted(section.pk for section in sections)},
        salt=NEWSLETTER_CONFIRM_SALT,
        compress=True,
    )
    leave_url = unsubscribe_url(email, language, request)
    context = {
        "confirm_url": localized_url("newsletter-confirm", language, request, token=token),
        "unsubscribe_url": leave_url,
        "sections": sections,
        "confirm_days": NEWSLETTER_CONFIRM_MAX_AGE // (24 * 3600),
    }
    send_after_commit(
        build_mail(
            "newsletter/mail/confirm", context, to=[email], language=language, headers=unsubscribe_headers(leave_url)
        )
    )
    return subscription


def read_confirmation(token):
    """
    Return what a confirmation link asks for, without acting on it; None if the link is bad or expired.

    ``{"email": …, "language": …, "sections": <QuerySet of Section>}``; a
    language the site no longer offers becomes the default one.
    """
    try:
        wanted = signing.loads(token, salt=NEWSLETTER_CONFIRM_SALT, max_age=NEWSLETTER_CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    language = wanted["language"] if wanted["language"] in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    return {
        "email": wanted["email"],
        "language": language,
        "sections": Section.objects.filter(pk__in=wanted["sections"]),
    }


def confirm_subscription(token):
    """Confirm the subscription a signed link names, with its language and sections; None if the link is bad."""
    wanted = read_confirmation(token)
    if wanted is None:
        return None
    with transaction.atomic():
        subscription, _created = Subscription.objects.update_or_create(
            email=wanted["email"], defaults={"language": wanted["language"]}
        )
        if subscription.confirmed is None:
            subscription.confirmed = timezone.now()
            subscription.save(update_fields=["confirmed"])
        subscription.sections.set(wanted["sections"])
    return subscription


def unsubscribe(token):
    """Delete the subscription of the address a signed link names; return the address, or None if the link is bad."""
    try:
        email = signing.loads(token, salt=NEWSLETTER_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    Subscription.objects.filter(email=email).delete()
    return email
