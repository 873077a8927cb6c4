"""
Writes that send mail or span several models: subscribing (double opt-in),
confirming, unsubscribing, and the subscription of a verified account's
address (the profile's checkbox, deleting the account).

An address has one subscription whatever the case of its letters; the
database holds it to that (``Lower("email")`` is unique). Every mail is built
from templates in its reader's language and leaves after the transaction
commits (``core.mail``).
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from core.mail import build_mail, localized_url, normalise_email, send_after_commit
from news.models import Section

from .models import Subscription

# The salts of links already mailed: changing them would break every link in readers' mailboxes.
NEWSLETTER_CONFIRM_SALT = "accounts.newsletter.confirm"
NEWSLETTER_UNSUBSCRIBE_SALT = "accounts.newsletter.unsubscribe"
# How long a newsletter confirmation link works; unconfirmed subscriptions are removed after it.
NEWSLETTER_CONFIRM_MAX_AGE = 7 * 24 * 3600


def unsubscribe_url(email, language, request=None):
    token = signing.dumps(email, salt=NEWSLETTER_UNSUBSCRIBE_SALT)
    return localized_url("newsletter:unsubscribe", language, request, token=token)


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
    subscription, _created = Subscription.objects.get_or_create(
        email__iexact=email, defaults={"email": email, "language": language}
    )
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
        "confirm_url": localized_url("newsletter:confirm", language, request, token=token),
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
            email__iexact=wanted["email"],
            defaults={"language": wanted["language"]},
            create_defaults={"email": wanted["email"], "language": wanted["language"]},
        )
        if subscription.confirmed is None:
            subscription.confirmed = timezone.now()
            subscription.save(update_fields=["confirmed"])
        subscription.sections.set(wanted["sections"])
    return subscription


def read_unsubscribe(token):
    """Return the address a signed unsubscribe link names, or None if the link is bad."""
    try:
        return signing.loads(token, salt=NEWSLETTER_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe(token):
    """Delete the subscription of the address a signed link names; return the address, or None if the link is bad."""
    email = read_unsubscribe(token)
    if email is not None:
        Subscription.objects.of_address(email).delete()
    return email


def is_subscribed(email):
    """Whether ``email`` has a confirmed subscription."""
    return Subscription.objects.confirmed().of_address(email).exists()


def subscribe_verified_address(*, email, language):
    """
    Subscribe an address already verified (a user's), in ``language``; return the subscription.

    No confirmation mail: the verification confirmed the address. A
    subscription made from the newsletter form keeps its sections.
    """
    subscription, _created = Subscription.objects.get_or_create(
        email__iexact=email, defaults={"email": normalise_email(email)}
    )
    subscription.language = language
    subscription.confirmed = subscription.confirmed or timezone.now()
    subscription.save(update_fields=["confirmed", "language"])
    return subscription


def delete_subscription(email):
    """Delete the subscription of ``email``, if it has one (unsubscribing from the profile, deleting an account)."""
    Subscription.objects.of_address(email).delete()
