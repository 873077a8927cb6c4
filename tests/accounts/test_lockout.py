"""Brute-force protection (django-axes): on the site's login, the admin's, and the account deletion form."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
LOCKED_TEXT = "too many failed login attempts for this account or from your address"


def fail(client, username, times, url=LOGIN, **extra):
    for _attempt in range(times):
        client.post(url, {"username": username, "password": "wrong-password"}, **extra)


def test_an_account_is_locked_after_repeated_failures_even_with_the_right_password(client):
    make_user(email="target@example.org")
    fail(client, "target@example.org", settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(LOGIN, {"username": "target@example.org", "password": "wrong-password"})
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert "Please try again in 15 minutes." in response.content.decode()

    response = client.post(LOGIN, {"username": "target@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_the_lock_is_for_the_account_from_that_address_only(client):
    """The account's owner, elsewhere, still logs in while a guesser's address is locked out of it."""
    make_user(email="target@example.org")
    fail(client, "target@example.org", settings.AXES_FAILURE_LIMIT, REMOTE_ADDR="10.9.9.9")
    response = client.post(LOGIN, {"username": "target@example.org", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    response = client.post(LOGIN, {"username": "target@example.org", "password": PASSWORD}, REMOTE_ADDR="10.9.9.8")
    assert response.status_code == 302


def test_failures_for_invented_accounts_do_not_lock_out_others_at_the_same_address(client):
    """Behind a proxy every visitor may share one address: five bad logins must not lock the site."""
    make_user(email="victim@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, f"guess{number}@example.org", 1, REMOTE_ADDR="10.9.9.9")
    response = client.post(LOGIN, {"username": "victim@example.org", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_behind_a_trusted_proxy_the_lock_is_for_the_forwarded_address(client, settings):
    """django-axes sees the address the rate limits see (core.ratelimit.client_address)."""
    settings.TRUST_X_FORWARDED_FOR = True
    make_user(email="target@example.org")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    fail(client, "target@example.org", settings.AXES_FAILURE_LIMIT, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    data = {"username": "target@example.org", "password": PASSWORD}
    assert client.post(LOGIN, data, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    assert client.post(LOGIN, data, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 302


def test_an_account_guessed_from_many_addresses_is_locked_everywhere_for_a_short_while(client):
    """Failures count against the account whether it was named by address or username, from any address."""
    user = make_user(email="target@example.org")
    limit, seconds = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    assert limit > settings.AXES_FAILURE_LIMIT
    for number in range(limit):
        name = user.username if number % 2 else "target@example.org"
        fail(client, name, 1, REMOTE_ADDR=f"10.0.{number // 200}.{number % 200 + 1}")
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429
    assert SESSION_KEY not in client.session
    assert f"Please try again in {seconds // 60} minutes." in response.content.decode()


def test_insisting_from_a_locked_out_address_does_not_lock_the_account_everywhere(client):
    """Refused attempts try no password: they do not count towards the per-account limit."""
    make_user(email="target@example.org")
    limit, _seconds = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    fail(client, "target@example.org", limit + settings.AXES_FAILURE_LIMIT, REMOTE_ADDR="10.9.9.9")
    response = client.post(LOGIN, {"username": "target@example.org", "password": PASSWORD}, REMOTE_ADDR="10.9.9.8")
    assert response.status_code == 302


def test_fewer_failures_for_an_account_from_many_addresses_do_not_lock_it(client):
    make_user(email="target@example.org")
    limit, _seconds = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    for number in range(limit - 1):
        fail(client, "target@example.org", 1, REMOTE_ADDR=f"10.0.0.{number + 1}")
    response = client.post(LOGIN, {"username": "target@example.org", "password": PASSWORD}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 302


def test_an_unknown_account_is_locked_the_same_way(client):
    """The lockout gives away nothing about which accounts exist."""
    fail(client, "nobody@example.org", settings.AXES_FAILURE_LIMIT - 1, REMOTE_ADDR="10.1.1.1")
    response = client.post(LOGIN, {"username": "nobody@example.org", "password": "x"}, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()


def test_fewer_failures_than_the_limit_do_not_lock(client):
    make_user(email="typo@example.org")
    fail(client, "typo@example.org", settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(LOGIN, {"username": "typo@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_the_admin_login_is_locked_too(client):
    make_user(username="staffer", is_staff=True, is_superuser=True)
    fail(client, "staffer", settings.AXES_FAILURE_LIMIT, url=ADMIN_LOGIN)
    response = client.post(ADMIN_LOGIN, {"username": "staffer", "password": PASSWORD})
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()


def test_wrong_passwords_on_the_deletion_form_count_too(client):
    user = make_user()
    client.force_login(user)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post("/en/accounts/delete/", {"password": "wrong"}).status_code == 200
    response = client.post("/en/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 429
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 429
    user.refresh_from_db()


def test_resetting_the_password_by_mail_lifts_the_lockout(client, committed, mailoutbox):
    user = make_user(email="locked@example.org")
    fail(client, "locked@example.org", settings.AXES_FAILURE_LIMIT)
    assert client.post(LOGIN, {"username": "locked@example.org", "password": PASSWORD}).status_code == 429

    committed(client.post, "/en/accounts/password/reset/", {"email": "locked@example.org"})
    reset_path = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    set_url = client.get(reset_path, follow=True).redirect_chain[-1][0]
    new_password = "a-fresh-Long-passw0rd"
    client.post(set_url, {"new_password1": new_password, "new_password2": new_password})

    response = client.post(LOGIN, {"username": "locked@example.org", "password": new_password})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_resetting_the_password_by_mail_lifts_the_lock_from_many_addresses(client, committed, mailoutbox):
    make_user(email="locked@example.org")
    limit, _seconds = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    for number in range(limit):
        fail(client, "locked@example.org", 1, REMOTE_ADDR=f"10.0.0.{number + 1}")
    assert client.post(LOGIN, {"username": "locked@example.org", "password": PASSWORD}).status_code == 429

    committed(client.post, "/en/accounts/password/reset/", {"email": "locked@example.org"})
    reset_path = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    set_url = client.get(reset_path, follow=True).redirect_chain[-1][0]
    new_password = "a-fresh-Long-passw0rd"
    client.post(set_url, {"new_password1": new_password, "new_password2": new_password})

    assert client.post(LOGIN, {"username": "locked@example.org", "password": new_password}).status_code == 302


def test_guessing_the_old_password_on_the_change_form_locks_out(client):
    """A stolen session cannot be used to try passwords one after another."""
    user = make_user()
    client.force_login(user)
    url = "/en/accounts/password/"
    data = {
        "old_password": "wrong-password",
        "new_password1": "An0ther-long-pass",
        "new_password2": "An0ther-long-pass",
    }
    first = client.post(url, data)
    assert first.status_code == 200
    assert "Your old password was entered incorrectly." in first.content.decode()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, data)
    assert response.status_code == 429
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
