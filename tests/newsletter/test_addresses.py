"""One address, one subscription, whatever the case of its letters."""

import pytest
from django.contrib import admin
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from newsletter.models import Subscription
from tests.factories import make_subscription, make_user
from tests.newsletter.test_newsletter import SUBSCRIBE, links_in

pytestmark = pytest.mark.django_db

REFUSED = "This e-mail address is already subscribed."


def test_a_subscription_form_refuses_an_address_subscribed_in_other_letter_cases():
    make_subscription(email="a@example.org")
    request = RequestFactory().get("/admin/")
    request.user = make_user(is_staff=True, is_superuser=True)
    form_class = admin.site.get_model_admin(Subscription).get_form(request)
    form = form_class({"email": "A@Example.org", "language": "en"})
    assert not form.is_valid()
    assert form.non_field_errors() == [REFUSED]
    assert REFUSED in form.as_div()
    assert Subscription.objects.count() == 1
    # Another address is valid, so the refusal is the address's.
    assert form_class({"email": "b@example.org", "language": "en"}).is_valid()


def test_the_database_refuses_a_second_subscription_in_other_letter_cases():
    make_subscription(email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(email="A@EXAMPLE.org")
    assert Subscription.objects.count() == 1


def test_an_address_stored_in_capitals_is_found_by_subscribing_confirming_and_unsubscribing(
    client, committed, mailoutbox
):
    """A subscription kept from before addresses were lowered is the same address's, not a second one."""
    subscription = make_subscription(email="Legacy@Example.org", language="en")
    committed(client.post, SUBSCRIBE, {"email": "legacy@example.org", "language": "ko"})
    assert list(Subscription.objects.all()) == [subscription]
    confirm_path, unsubscribe_path = links_in(mailoutbox[0])
    client.post(confirm_path)
    assert list(Subscription.objects.all()) == [subscription]
    subscription.refresh_from_db()
    assert subscription.language == "ko"
    client.post(unsubscribe_path)
    assert not Subscription.objects.exists()


def test_the_profile_checkbox_finds_the_subscription_of_its_address_in_other_letter_cases(client):
    subscription = make_subscription(email="Member@Example.org")
    client.force_login(make_user(email="member@example.org", display_name="Member"))
    profile = client.get("/en/accounts/profile/")
    assert profile.context["form"]["newsletter"].value() is True
    client.post("/en/accounts/profile/", {"display_name": "Member", "preferred_language": "ja", "newsletter": "on"})
    assert list(Subscription.objects.all()) == [subscription]
    client.post("/en/accounts/profile/", {"display_name": "Member", "preferred_language": "ja"})
    assert not Subscription.objects.exists()
