"""
A database outage, in the site's own process: every query fails as it would
with the server gone. Pages that need the database answer 503 with the "back
soon" page; what needs none (cached pages, "/") goes on working.

tests/korea_portal/test_database_outage.py stops a real PostgreSQL under a running server.
"""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests.factories import make_section, make_user

pytestmark = pytest.mark.django_db


class DatabaseGone:
    """Fail every query, as a connection to a stopped server does; count the attempts."""

    def __init__(self):
        self.attempts = 0

    def __call__(self, execute, sql, params, many, context):
        self.attempts += 1
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


@pytest.fixture
def outage():
    gone = DatabaseGone()
    with connection.execute_wrapper(gone):
        yield gone


def assert_back_soon(response, language="en", direction="ltr"):
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "/static/css/portal.css" in html
    assert f'<a href="/{language}/">' in html
    return html


def test_a_page_that_needs_the_database_answers_503_back_soon(client, outage):
    html = assert_back_soon(client.get("/en/news/"))
    assert "<h1>Back soon</h1>" in html
    assert outage.attempts >= 1


@pytest.mark.parametrize(
    ("path", "language", "direction"), [("/ar/sitemap/", "ar", "rtl"), ("/ko/forum/", "ko", "ltr")]
)
def test_the_back_soon_page_is_in_the_language_of_the_address(client, outage, path, language, direction):
    assert_back_soon(client.get(path), language, direction)


def test_a_logged_in_reader_and_a_form_post_are_answered_503(client):
    client.force_login(make_user())
    with connection.execute_wrapper(DatabaseGone()):
        assert_back_soon(client.get("/en/accounts/profile/"))
        assert_back_soon(client.post("/en/contact/", {"name": "Kim", "email": "kim@example.org"}))


def test_an_outage_outside_a_view_is_answered_503_by_the_error_handler(outage):
    """The 404 page reads the header's sections: its failure reaches the 500 handler, which answers 503."""
    response = Client(raise_request_exception=False).get("/fr/no-such-page/")
    assert_back_soon(response, "fr")


def test_the_retry_delay_is_a_setting(client, outage, settings):
    settings.DATABASE_OUTAGE_RETRY_AFTER = 120
    assert client.get("/en/news/")["Retry-After"] == "120"


def test_a_page_in_the_anonymous_cache_is_still_served(client):
    make_section(slug="culture", name_en="Culture")
    page = client.get("/en/about/")
    assert page.status_code == 200
    gone = DatabaseGone()
    with connection.execute_wrapper(gone):
        cached = Client().get("/en/about/")
    assert cached.status_code == 200 and cached.content == page.content
    assert gone.attempts == 0


def test_root_still_sends_the_visitor_to_their_language(client, outage):
    response = client.get("/", headers={"accept-language": "ko"})
    assert response.status_code == 302 and response["Location"] == "/ko/"
    assert outage.attempts == 0


def test_an_address_without_a_language_is_a_plain_404_that_needs_no_database(client, outage):
    response = client.get("/favicon.ico", headers={"accept-language": "de"})
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="de" dir="ltr">' in html
    assert 'action="/de/search/"' in html
    assert outage.attempts == 0
