"""
Writes that span several models or send mail: signing up, deleting an
account, e-mailing an article and the newsletter choice of the profile
(the subscription itself is the ``newsletter`` app's).

Every mail is built from templates in its reader's language and leaves after
the transaction commits (``core.mail``).
"""

import secrets

from axes.models import AccessLog
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language

from core.mail import absolute_url, build_mail, localized_url, send_after_commit
from newsletter import services as newsletter

from .models import ArticleEmail, User
from .tokens import email_verification_token

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
        user.full_clean(validate_unique=False, validate_constraints=False)
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
        newsletter.delete_subscription(user.email)
        return None
    return newsletter.subscribe_verified_address(email=user.email, language=user.preferred_language)


def delete_account(*, user):
    """Delete the account with everything it holds: scraps, e-mail log, newsletter subscription, login records."""
    with transaction.atomic():
        newsletter.delete_subscription(user.email)
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
