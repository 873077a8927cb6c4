"""Each request is one transaction (ATOMIC_REQUESTS): a view that fails half-way saves nothing."""

import pytest
from django.db import DatabaseError

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_failure_in_the_profiles_second_write_leaves_the_first_unsaved(client, monkeypatch):
    """The profile saves the user, then the newsletter subscription: both, or neither."""
    user = make_user(display_name="Before", preferred_language="en")
    client.force_login(user)

    def fail_to_subscribe(**kwargs):
        raise DatabaseError("the subscription could not be written")

    monkeypatch.setattr("accounts.views.services.set_newsletter", fail_to_subscribe)
    with pytest.raises(DatabaseError):
        client.post("/en/accounts/profile/", {"display_name": "After", "preferred_language": "fr", "newsletter": "on"})
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Before", "en")
