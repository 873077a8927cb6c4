"""Rate limits count the real client: a forged X-Forwarded-For does not reset them."""

from django.test import RequestFactory

from core.ratelimit import client_address


def test_a_forwarded_header_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_address(request) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_hop_it_added_counts(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"


def test_a_forwarded_hop_that_is_no_address_counts_as_the_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, not-an-address")
    assert client_address(request) == "10.0.0.2"


def test_a_request_without_an_address_has_none():
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_address(request) is None
