"""Sign-up, verification, login, logout, password change and reset, profile, deletion."""

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import ArticleEmail, Scrap
from newsletter.models import Subscription
from tests.factories import PASSWORD, make_article, make_scrap, make_subscription, make_user

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "another-Long-passw0rd"
LOGIN = "/en/accounts/login/"
SIGNUP = "/en/accounts/signup/"


def link_in(mail):
    """The site path of the first link in a mail's plain-text part."""
    url = re.search(r"https?://\S+", mail.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def html_part(mail):
    (content, mimetype), *_rest = mail.alternatives
    assert mimetype == "text/html"
    return content


def signup_data(**values):
    return {
        "email": "Reader@Example.org",
        "display_name": "Kim Min",
        "preferred_language": "fr",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **values,
    }


def test_signup_verify_then_login(client, committed, mailoutbox):
    """A new account is usable once the mailed link is followed, and not before."""
    response = committed(client.post, SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup-done")
    assert "Check your mail" in client.get(response["Location"]).content.decode()

    user = User.objects.get(email="reader@example.org")
    assert user.email_verified is False
    assert user.display_name == "Kim Min"
    (mail,) = mailoutbox
    assert mail.to == ["reader@example.org"]
    # In the reader's language, with a plain-text part and an HTML one.
    verify_path = link_in(mail)
    assert verify_path.startswith("/fr/accounts/verify/")
    assert 'lang="fr"' in html_part(mail)
    assert verify_path in html_part(mail)

    # A correct login of an unverified account leads only to the page that resends the link.
    response = client.post(LOGIN, {"username": "reader@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:verification-pending")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("accounts:profile"))["Location"].startswith(reverse("accounts:login"))
    page = client.get(reverse("accounts:verification-pending")).content.decode()
    assert "reader@example.org" in page
    committed(client.post, reverse("accounts:verification-pending"))
    assert len(mailoutbox) == 2
    assert link_in(mailoutbox[1]).startswith("/fr/accounts/verify/")

    # Following the link shows a button; the button's POST verifies.
    page = client.get(verify_path)
    assert page.status_code == 200
    with translation.override("fr"):
        assert gettext("Verify my e-mail address") in page.content.decode()
    response = client.post(verify_path)
    assert response["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.email_verified is True
    # The link works once.
    assert client.get(verify_path).status_code == 400
    assert client.post(verify_path).status_code == 400

    response = client.post(LOGIN, {"username": "READER@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:profile")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert "Kim Min" in client.get(reverse("accounts:profile")).content.decode()


def test_signup_with_a_taken_address_answers_the_same_and_mails_the_owner(client, committed, mailoutbox):
    owner = make_user(email="taken@example.org", preferred_language="ko")
    response = committed(client.post, SIGNUP, signup_data(email="Taken@example.org"))
    assert response["Location"] == reverse("accounts:signup-done")
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    (mail,) = mailoutbox
    assert mail.to == [owner.email]
    assert "/ko/accounts/login/" in mail.body
    assert "/ko/accounts/password/reset/" in mail.body
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_two_sign_ups_of_one_address_at_the_same_moment_answer_alike(client, committed, mailoutbox, monkeypatch):
    """The later of two simultaneous sign-ups finds the address taken only when saving: same page, no error."""
    real_full_clean = User.full_clean

    def rival_signs_up_meanwhile(user, *args, **kwargs):
        # Another request saves the same address between this one's look-up and its save.
        monkeypatch.setattr(User, "full_clean", real_full_clean)
        make_user(email="race@example.org", preferred_language="ko")
        return real_full_clean(user, *args, **kwargs)

    monkeypatch.setattr(User, "full_clean", rival_signs_up_meanwhile)
    response = committed(client.post, SIGNUP, signup_data(email="race@example.org"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup-done")
    assert User.objects.filter(email__iexact="race@example.org").count() == 1
    (mail,) = mailoutbox
    assert mail.to == ["race@example.org"]
    assert "/ko/accounts/password/reset/" in mail.body


def test_signup_refuses_weak_or_mismatched_passwords_and_bad_input(client, mailoutbox):
    response = client.post(SIGNUP, signup_data(password1="12345678", password2="12345678"))
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    response = client.post(SIGNUP, signup_data(password2="a-different-Passw0rd"))
    assert "didn’t match" in response.content.decode()
    response = client.post(SIGNUP, signup_data(email="not an address", display_name="Two\nlines"))
    errors = response.context["form"].errors
    assert set(errors) >= {"email", "display_name"}
    assert not User.objects.exists()
    assert mailoutbox == []


def test_signup_mail_requests_are_limited(client, committed, mailoutbox):
    """Three sign-ups for one address send three mails; a fourth gets "Please try again later." and no mail."""
    for number in range(3):
        committed(client.post, SIGNUP, signup_data(email="flood@example.org", display_name=f"N{number}"))
    response = committed(client.post, SIGNUP, signup_data(email="flood@example.org"))
    assert response.status_code == 429
    assert "Please try again later." in response.content.decode()
    assert len(mailoutbox) == 3


def test_a_bad_verification_link_is_refused(client):
    user = make_user(email_verified=False)
    for path in ("/en/accounts/verify/MQ/wrong-token/", "/en/accounts/verify/%%%/abc-def/"):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 400
            assert "The verification link is wrong, has expired, or was already used." in response.content.decode()
    user.refresh_from_db()
    assert user.email_verified is False


def test_opening_the_verification_link_verifies_nothing_until_its_button_is_pressed(client, committed, mailoutbox):
    """Mail scanners open links: only the POST of the page's button verifies, and it needs the page's CSRF token."""
    committed(client.post, SIGNUP, signup_data(preferred_language="en"))
    verify_path = link_in(mailoutbox[0])
    user = User.objects.get(email="reader@example.org")

    page = Client().get(verify_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "reader@example.org" in html
    assert '<form method="post" class="form">' in html and 'name="csrfmiddlewaretoken"' in html
    assert "Verify my e-mail address</button>" in html
    user.refresh_from_db()
    assert user.email_verified is False

    assert Client(enforce_csrf_checks=True).post(verify_path).status_code == 403
    user.refresh_from_db()
    assert user.email_verified is False

    response = Client().post(verify_path, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "Thank you: your e-mail address is verified." in response.content.decode()
    user.refresh_from_db()
    assert user.email_verified is True


def test_an_unverified_user_cannot_use_the_account_pages(client):
    user = make_user(email_verified=False)
    client.force_login(user)
    for name in ("accounts:profile", "accounts:scrapbook", "accounts:delete", "accounts:password-change"):
        assert client.get(reverse(name))["Location"] == reverse("accounts:verification-pending"), name


def test_login_answers_the_same_whether_the_account_exists_or_not(client):
    make_user(email="known@example.org")
    known = client.post(LOGIN, {"username": "known@example.org", "password": "wrong"})
    unknown = client.post(LOGIN, {"username": "nobody@example.org", "password": "wrong"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors
    assert "do not match an account" in known.content.decode()


def test_editors_log_in_with_their_username(client):
    editor = make_user(username="editor")
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(editor.pk)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/en/about/", "/en/about/"),
        ("https://evil.example/", "/en/accounts/profile/"),
        ("//evil.example/path", "/en/accounts/profile/"),
        ("http:evil.example", "/en/accounts/profile/"),
        ("javascript:alert(1)", "/en/accounts/profile/"),
    ],
)
def test_next_only_redirects_within_the_site(client, next_url, expected):
    make_user(email="next@example.org")
    response = client.post(LOGIN, {"username": "next@example.org", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_login_page_keeps_only_a_safe_next(client):
    assert 'value="/en/about/"' in client.get(LOGIN + "?next=/en/about/").content.decode()
    assert 'name="next" value=""' in client.get(LOGIN + "?next=https://evil.example/").content.decode()


def test_a_next_back_to_the_login_page_leads_to_the_profile(client):
    user = make_user(email="loop@example.org")
    response = client.post(LOGIN, {"username": "loop@example.org", "password": PASSWORD, "next": LOGIN})
    assert response["Location"] == "/en/accounts/profile/"
    client.force_login(user)
    assert client.get(f"{LOGIN}?next={LOGIN}")["Location"] == "/en/accounts/profile/"


def test_logout_is_post_only(client):
    user = make_user()
    client.force_login(user)
    assert client.get("/en/accounts/logout/").status_code == 405
    assert client.session[SESSION_KEY] == str(user.pk)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_header_links_to_the_profile(client):
    user = make_user(display_name="Lee Ha-na")
    client.force_login(user)
    html = client.get("/en/").content.decode()
    assert '<a class="user-name" href="/en/accounts/profile/">Lee Ha-na</a>' in html


def test_password_change(client):
    """A wrong current password is refused; the right one changes the password, and the reader stays logged in."""
    user = make_user()
    client.force_login(user)
    url = reverse("accounts:password-change")
    wrong = client.post(url, {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert wrong.status_code == 200 and wrong.context["form"].errors["old_password"]
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Your password is changed." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Still logged in.
    assert client.session[SESSION_KEY] == str(user.pk)


def test_password_reset_by_mail(client, committed, mailoutbox):
    """The reset mail is in the reader's language, however the address is typed; its link sets a new password once."""
    user = make_user(email="forgot@example.org", preferred_language="ko", email_verified=False)
    url = reverse("accounts:password-reset")
    response = committed(client.post, url, {"email": "Forgot@example.org"})
    assert response["Location"] == reverse("accounts:password-reset-done")
    (mail,) = mailoutbox
    assert mail.to == ["forgot@example.org"]
    reset_path = link_in(mail)
    assert reset_path.startswith("/ko/accounts/password/reset/")
    assert reset_path in html_part(mail)

    form_page = client.get(reset_path, follow=True)
    assert form_page.context["validlink"] is True
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Following the link proved the address.
    assert user.email_verified is True
    # The link works once.
    assert client.get(reset_path, follow=True).context["validlink"] is False


def test_password_reset_answers_the_same_for_an_unknown_address(client, committed, mailoutbox):
    make_user(email="someone@example.org")
    url = reverse("accounts:password-reset")
    unknown = committed(client.post, url, {"email": "nobody@example.org"})
    known = committed(client.post, url, {"email": "someone@example.org"})
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert [mail.to for mail in mailoutbox] == [["someone@example.org"]]


def test_password_reset_mails_are_limited(client, committed, mailoutbox):
    """Three reset requests for one address send three mails; a fourth gets "Please try again later." and no mail."""
    make_user(email="target@example.org")
    url = reverse("accounts:password-reset")
    for _attempt in range(3):
        committed(client.post, url, {"email": "target@example.org"})
    response = committed(client.post, url, {"email": "target@example.org"})
    assert response.status_code == 429
    assert "Please try again later." in response.content.decode()
    assert len(mailoutbox) == 3


def test_profile_changes_name_language_and_newsletter(client):
    user = make_user(email="Profile@Example.org")
    client.force_login(user)
    url = reverse("accounts:profile")
    page = client.get(url).content.decode()
    assert "Profile@example.org" in page
    response = client.post(url, {"display_name": "Park", "preferred_language": "ja", "newsletter": "on"}, follow=True)
    assert "Your profile is saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Park", "ja")
    subscription = Subscription.objects.get(email="profile@example.org")
    assert subscription.confirmed is not None
    assert subscription.language == "ja"
    assert client.get(url).context["form"]["newsletter"].value() is True
    # The newsletter follows the preferred language.
    client.post(url, {"display_name": "Park", "preferred_language": "ko", "newsletter": "on"})
    assert Subscription.objects.get().language == "ko"

    client.post(url, {"display_name": "Park", "preferred_language": "ja"})
    assert not Subscription.objects.exists()


def test_profile_refuses_a_bad_name_or_language(client):
    user = make_user(display_name="Before")
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {"display_name": "Two\r\nlines", "preferred_language": "xx"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"display_name", "preferred_language"}
    user.refresh_from_db()
    assert user.display_name == "Before"


def test_deleting_the_account_removes_all_its_data(client):
    user = make_user(email="leaving@example.org")
    other = make_user()
    article = make_article()
    make_scrap(user, article, note="mine")
    make_scrap(other, article)
    make_subscription(email="leaving@example.org")
    ArticleEmail.objects.create(sender=user, article=article, article_title=article.title, recipient_count=1)
    client.force_login(user)
    url = reverse("accounts:delete")
    page = client.get(url).content.decode()
    assert "cannot be undone" in page
    assert "Your posts in the Open Forum stay, shown as by “a deleted user”, without your name." in page

    wrong = client.post(url, {"password": "wrong"})
    assert wrong.status_code == 200
    assert "This is not your password." in wrong.content.decode()
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post(url, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/"
    assert "Your account and everything it held are deleted." in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert list(Scrap.objects.values_list("user", flat=True)) == [other.pk]
    assert not Subscription.objects.exists()
    assert not ArticleEmail.objects.exists()
    assert SESSION_KEY not in client.session


def test_account_pages_need_a_login(client):
    for name in ("accounts:profile", "accounts:scrapbook", "accounts:delete", "accounts:password-change"):
        response = client.get(reverse(name))
        assert response["Location"] == f"{reverse('accounts:login')}?next={reverse(name)}", name


def test_a_long_email_address_fits_the_login_form(client):
    address = f"{'a' * 60}@{'b' * 60}.{'c' * 60}.example.org"
    make_user(email=address)
    assert 'maxlength="254"' in client.get(LOGIN).content.decode()
    response = client.post(LOGIN, {"username": address, "password": PASSWORD})
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_a_mistyped_address_can_be_started_over(client, committed, mailoutbox):
    """The owner of an unverified account (who knows its password) can discard it and sign up again."""
    committed(client.post, SIGNUP, signup_data(email="reader@exmaple.org"))
    newsletter = Subscription.objects.create(email="reader@exmaple.org", language="en")
    client.post(LOGIN, {"username": "reader@exmaple.org", "password": PASSWORD})
    response = client.post(reverse("accounts:verification-pending"), {"action": "start-over"}, follow=True)
    assert response.redirect_chain[-1][0] == SIGNUP
    assert not User.objects.filter(email="reader@exmaple.org").exists()
    assert Subscription.objects.filter(pk=newsletter.pk).exists()  # not the account's to delete
    assert committed(client.post, SIGNUP, signup_data(email="reader@example.org")).status_code == 302
    assert User.objects.filter(email="reader@example.org", email_verified=False).exists()


def test_a_verified_account_cannot_be_discarded_that_way(client):
    from accounts.services import discard_unverified_account

    user = make_user()
    with pytest.raises(ValueError):
        discard_unverified_account(user=user)
    assert User.objects.filter(pk=user.pk).exists()


def answer_of(method, *args, **kwargs):
    """What a visitor is shown: each status and address along the way, and the final page (its CSRF token left out)."""
    response = method(*args, follow=True, **kwargs)
    steps = [(status, url) for url, status in response.redirect_chain]
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return steps, response.status_code, body


def test_sign_up_shows_the_same_answer_whether_the_address_has_an_account_or_not(committed, mailoutbox):
    """Same statuses, same redirect, same page, byte for byte; only the mail sent differs (the timing: make bench)."""
    make_user(email="taken@example.org")
    known = committed(answer_of, Client().post, SIGNUP, signup_data(email="taken@example.org"))
    unknown = committed(answer_of, Client().post, SIGNUP, signup_data(email="free@example.org"))
    assert known == unknown
    assert known[0] == [(302, reverse("accounts:signup-done"))]
    assert [mail.to for mail in mailoutbox] == [["taken@example.org"], ["free@example.org"]]


def test_password_reset_shows_the_same_answer_whether_the_address_has_an_account_or_not(committed, mailoutbox):
    make_user(email="someone@example.org")
    url = reverse("accounts:password-reset")
    known = committed(answer_of, Client().post, url, {"email": "someone@example.org"})
    unknown = committed(answer_of, Client().post, url, {"email": "nobody@example.org"})
    assert known == unknown
    assert known[0] == [(302, reverse("accounts:password-reset-done"))]
    assert [mail.to for mail in mailoutbox] == [["someone@example.org"]]
