"""The home page's summits: the soonest upcoming ones and the latest past ones, however many there are."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_summit

pytestmark = pytest.mark.django_db


def test_many_upcoming_summits_still_show_the_soonest_and_the_recent_ones(client):
    today = timezone.localdate()
    for days in range(10, 80, 10):  # seven upcoming summits
        make_summit(date=today + timedelta(days=days), place_en=f"Upcoming {days}")
    make_summit(date=today - timedelta(days=5), place_en="Past summit")
    html = client.get("/en/").content.decode()
    upcoming = html.split("Upcoming summits", 1)[1].split("Recent summits", 1)[0]
    assert "Upcoming 10" in upcoming and "Upcoming 30" in upcoming and "Upcoming 40" not in upcoming
    assert "Past summit" in html.split("Recent summits", 1)[1]
