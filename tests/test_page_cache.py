"""
The anonymous page cache: anonymous visitors share cached pages, nobody else does.

A page served from the cache costs no query at all, which is how these tests
tell a cached answer from a rendered one; a page that holds a CSRF token is
told by its token, which is new at every rendering.
"""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from korea_portal.cache import is_cacheable_request
from news.models import Section
from tests.factories import make_article, make_section, make_tag, make_user
from tests.test_query_counts import Content

pytestmark = pytest.mark.django_db


def fetch(client, url, **extra):
    """Return the response to a GET and the number of queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def csrf_token_of(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert match, "the page holds no CSRF token"
    return match.group(1)


def test_a_second_anonymous_visit_is_served_from_the_cache(client):
    make_article(title_en="Harbour opens")
    first, first_queries = fetch(client, "/en/news/")
    second, second_queries = fetch(client, "/en/news/")
    assert first_queries > 0
    assert second_queries == 0
    assert second.status_code == 200
    assert second.content == first.content
    assert "Harbour opens" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_every_public_page_is_cached_for_anonymous_visitors_and_holds_no_csrf_token(client):
    """Article tools and other controls give anonymous visitors links, never a form with a token."""
    content = Content()
    pages = {
        **content.urls(),
        "about": "/en/about/",
        "help": "/en/help/",
        "privacy": "/en/privacy/",
        "robots.txt": "/robots.txt",
        "french home": "/fr/",
    }
    for page, url in pages.items():
        first, _queries = fetch(client, url)
        assert first.status_code == 200, page
        assert "csrfmiddlewaretoken" not in first.content.decode(), f"{page} holds a CSRF token"
        assert set(first.cookies) <= {"portal_language"}, f"{page} sets a cookie: {list(first.cookies)}"
        second, queries = fetch(client, url)
        assert queries == 0, f"{page} was not served from the cache"
        assert second.content == first.content, page


def test_a_head_request_is_answered_from_the_cache(client):
    fetch(client, "/en/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/en/")
    assert response.status_code == 200
    assert len(queries) == 0


def test_visitors_with_a_language_or_csrf_cookie_share_the_cached_page(client):
    fetch(client, "/en/about/")
    client.cookies["portal_language"] = "en"
    client.cookies["csrftoken"] = "a" * 32
    _response, queries = fetch(client, "/en/about/")
    assert queries == 0


def test_the_language_cookie_is_set_on_a_cached_page_too(client):
    """The page is shared; the remembered language stays each visitor's own."""
    french, _queries = fetch(client, "/fr/about/")
    assert french.cookies["portal_language"].value == "fr"
    del client.cookies["portal_language"]
    again, queries = fetch(client, "/fr/about/")
    assert queries == 0
    assert again.cookies["portal_language"].value == "fr"
    # A visitor who already chose French gets no new cookie.
    again, queries = fetch(client, "/fr/about/")
    assert queries == 0
    assert "portal_language" not in again.cookies


def test_a_logged_in_reader_is_never_served_the_anonymous_page(client):
    user = make_user(username="minji")
    anonymous, _queries = fetch(client, "/en/")
    assert "minji" not in anonymous.content.decode()
    client.force_login(user)
    for _visit in range(2):
        page, queries = fetch(client, "/en/")
        assert queries > 0
        assert "minji" in page.content.decode()


def test_an_anonymous_visitor_is_never_served_a_logged_in_page(client):
    client.force_login(make_user(username="minji"))
    fetch(client, "/en/")
    client.logout()
    page, queries = fetch(client, "/en/")
    assert queries > 0
    assert "minji" not in page.content.decode()
    assert "csrfmiddlewaretoken" not in page.content.decode()


def test_the_language_is_part_of_the_key(client):
    section = make_section(name_en="Culture", name_fr="Culture FR")
    make_article(section=section, title_en="Harbour opens", title_fr="Le port ouvre")
    english, _queries = fetch(client, "/en/")
    french, queries = fetch(client, "/fr/")
    assert queries > 0
    assert 'lang="fr"' in french.content.decode()
    assert "Le port ouvre" in french.content.decode()
    assert "Le port ouvre" not in english.content.decode()
    english_again, queries = fetch(client, "/en/")
    assert queries == 0
    assert "Harbour opens" in english_again.content.decode()


def test_the_query_string_is_part_of_the_key(client):
    make_article(title_en="Harbour opens")
    make_article(title_en="Bridge closes")
    harbour, _queries = fetch(client, "/en/search/?q=Harbour")
    bridge, queries = fetch(client, "/en/search/?q=Bridge")
    assert queries > 0
    assert "Bridge closes" in bridge.content.decode()
    assert "Bridge closes" not in harbour.content.decode()


def test_a_post_is_neither_answered_from_nor_stored_in_the_cache(client):
    fetch(client, "/en/search/?q=Harbour")
    # The search answers GET only: a cached page would have answered 200.
    assert client.post("/en/search/?q=Harbour").status_code == 405
    response = client.post("/en/contact/", {"name": "", "email": "not an address", "subject": "", "message": ""})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    page, _queries = fetch(client, "/en/contact/")
    assert 'aria-invalid="true"' not in page.content.decode()


def test_a_page_with_a_csrf_token_is_never_cached(client):
    first, _queries = fetch(client, "/en/contact/")
    second, _queries = fetch(client, "/en/contact/")
    assert csrf_token_of(first) != csrf_token_of(second)


def test_django_still_flags_a_request_whose_page_used_a_csrf_token():
    """
    The page cache reads this private flag of django.middleware.csrf (there is
    no public API for it): this test fails the day Django renames or drops it.
    """
    request = RequestFactory().get("/en/contact/")
    assert not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    get_token(request)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/accounts/signup/", "/admin/login/"])
def test_the_accounts_and_admin_pages_are_never_cached(client, url):
    first, _queries = fetch(client, url)
    second, _queries = fetch(client, url)
    assert first.status_code == second.status_code == 200
    assert csrf_token_of(first) != csrf_token_of(second)


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/news/article/", "/en/accounts/profile/", "/zh-hans/accounts/scrapbook/"]
)
def test_no_admin_or_accounts_address_is_cacheable(path):
    assert is_cacheable_request(RequestFactory().get(path)) is False


def test_a_public_address_is_cacheable_only_without_a_session_or_message_cookie():
    factory = RequestFactory()
    assert is_cacheable_request(factory.get("/en/news/")) is True
    with_session = factory.get("/en/news/")
    with_session.COOKIES["sessionid"] = "anything"
    assert is_cacheable_request(with_session) is False
    with_message = factory.get("/en/news/")
    with_message.COOKIES["messages"] = "anything"
    assert is_cacheable_request(with_message) is False
    assert is_cacheable_request(factory.post("/en/news/")) is False


def test_an_error_page_is_not_cached(client):
    response, _queries = fetch(client, "/en/news/harbour/")
    assert response.status_code == 404
    # bulk_create sends no signal: only a fresh rendering can see the new section.
    Section.objects.bulk_create([Section(slug="harbour", name_en="Harbour")])
    response, _queries = fetch(client, "/en/news/harbour/")
    assert response.status_code == 200


def test_a_visitor_with_a_message_sees_it_not_the_cached_page(client, rf):
    fetch(client, "/en/")
    storage = CookieStorage(rf.get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Your account is deleted.")])
    page, queries = fetch(client, "/en/")
    assert queries > 0
    assert "Your account is deleted." in page.content.decode()
    # The message is shown once; the cached page does not keep it.
    assert "messages" not in client.cookies or not client.cookies["messages"].value
    page, _queries = fetch(client, "/en/")
    assert "Your account is deleted." not in page.content.decode()


def test_a_page_that_disallows_caching_is_not_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    fetch(client, "/en/about/")
    _response, queries = fetch(client, "/en/about/")
    assert queries > 0


def test_publishing_an_article_shows_at_once(client):
    section = make_section()
    fetch(client, "/en/")
    fetch(client, section.get_absolute_url())
    make_article(section=section, title_en="Harbour opens")
    for url in ("/en/", section.get_absolute_url()):
        page, queries = fetch(client, url)
        assert queries > 0
        assert "Harbour opens" in page.content.decode()


def test_editing_and_deleting_an_article_show_at_once(client):
    article = make_article(title_en="Harbour opens")
    fetch(client, article.get_absolute_url())
    article.title_en = "Harbour opens early"
    article.save()
    page, _queries = fetch(client, article.get_absolute_url())
    assert "Harbour opens early" in page.content.decode()
    fetch(client, "/en/news/")
    article.delete()
    page, _queries = fetch(client, "/en/news/")
    assert "Harbour opens early" not in page.content.decode()


def test_tagging_an_article_shows_on_the_tag_page_at_once(client):
    tag = make_tag()
    article = make_article(title_en="Harbour opens")
    page, _queries = fetch(client, tag.get_absolute_url())
    assert "Harbour opens" not in page.content.decode()
    article.tags.add(tag)
    page, _queries = fetch(client, tag.get_absolute_url())
    assert "Harbour opens" in page.content.decode()


def test_changing_a_relation_shows_at_once(client):
    content = Content()
    url = content.partner.get_absolute_url()
    fetch(client, url)
    content.partner.name_en = "Atlantis"
    content.partner.save()
    page, _queries = fetch(client, url)
    assert "Atlantis" in page.content.decode()


def test_the_header_reads_sections_and_keywords_once(client):
    """A logged-in reader bypasses the page cache, but not the cached header."""
    make_section(name_en="Harbour news", name_fr="Nouvelles du port")
    make_tag(name_en="Lighthouse")
    client.force_login(make_user())
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/about/")
    assert "Harbour news" in page.content.decode()
    assert "Lighthouse" in page.content.decode()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "news_section" not in tables
    assert "news_tag" not in tables
    # One cached header serves every language.
    french = client.get("/fr/about/")
    assert "Nouvelles du port" in french.content.decode()


def test_renaming_a_section_shows_in_the_header_at_once(client):
    section = make_section(name_en="Harbour news")
    fetch(client, "/en/about/")
    section.name_en = "Port news"
    section.save()
    page, _queries = fetch(client, "/en/about/")
    assert "Port news" in page.content.decode()
    assert "Harbour news" not in page.content.decode()


def test_a_change_outside_the_content_apps_keeps_the_cache(client):
    fetch(client, "/en/about/")
    make_user()
    _response, queries = fetch(client, "/en/about/")
    assert queries == 0


def test_an_emptied_cache_is_filled_again(client):
    fetch(client, "/en/about/")
    cache.clear()
    _response, queries = fetch(client, "/en/about/")
    assert queries > 0
    _response, queries = fetch(client, "/en/about/")
    assert queries == 0


# The fragments (korea_portal.cache, Fragments): what every reader of a page is shown alike is
# rendered once per language and edit, for logged-in readers too; what is theirs is rendered for each.


def logged_in_visits(client, url, username="minji"):
    """A reader's first and second visit to ``url``: (response, queries) of each."""
    client.force_login(make_user(username=username))
    return fetch(client, url), fetch(client, url)


def two_visits(client, url):
    return fetch(client, url), fetch(client, url)


def test_a_logged_in_readers_second_visit_reuses_the_pages_fragments(client):
    content = Content()
    client.force_login(make_user())
    for url in (
        "/en/",
        content.article.get_absolute_url(),
        content.relation_article.get_absolute_url(),
        content.partner.get_absolute_url(),
    ):
        (first, first_queries), (second, second_queries) = two_visits(client, url)
        assert second_queries < first_queries, url
        # The same page, but for the CSRF tokens that are new on every rendering.
        tokens = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
        assert tokens.sub("", second.content.decode()) == tokens.sub("", first.content.decode()), url


def test_a_shared_fragment_holds_nothing_of_the_reader_who_filled_it(client):
    content = Content()
    url = content.article.get_absolute_url()
    (first, _queries), _second = logged_in_visits(client, url, username="minji")
    client.logout()
    (page, queries), _again = logged_in_visits(client, url, username="junho")
    assert "junho" in page.content.decode()
    assert "minji" not in page.content.decode()
    assert csrf_token_of(page) != csrf_token_of(first)


def test_an_edit_shows_to_logged_in_readers_at_once(client):
    content = Content()
    url = content.article.get_absolute_url()
    logged_in_visits(client, url)
    article = content.article
    article.body_en = "<p>The harbour opens at dawn.</p>"
    article.save()
    content.tag.name_en = "Lighthouse keepers"
    content.tag.save()
    page, _queries = fetch(client, url)
    assert "The harbour opens at dawn." in page.content.decode()
    assert "Lighthouse keepers" in page.content.decode()


def test_each_language_and_each_address_has_its_own_fragments(client):
    section = make_section(name_en="Harbour news", name_fr="Nouvelles du port")
    client.force_login(make_user())
    english, _queries = fetch(client, section.get_absolute_url())
    french, _queries = fetch(client, f"/fr/news/{section.slug}/")
    assert 'lang="fr"' in french.content.decode()
    assert "Nouvelles du port" in french.content.decode()
    # The header marks the page's own section, whichever page filled the fragment first.
    assert re.search(r'aria-current="page">Harbour news<', english.content.decode())
    about, _queries = fetch(client, "/en/about/")
    assert not re.search(r'aria-current="page">Harbour news<', about.content.decode())
    # The language bar leads to this page in each language.
    assert f'href="/fr/news/{section.slug}/"' in english.content.decode()
    assert 'href="/fr/about/"' in about.content.decode()


def test_an_unpublished_article_is_gone_at_once_though_its_lookup_was_kept(client):
    from core.signals import content_updated

    article = make_article(title_en="Harbour opens")
    client.force_login(make_user())
    url = article.get_absolute_url()
    two_visits(client, url)
    # As the admin's Unpublish action does: update() and the signal.
    type(article).objects.filter(pk=article.pk).update(status=type(article).Status.DRAFT)
    content_updated.send(sender=type(article))
    assert client.get(url).status_code == 404


def test_an_article_not_found_is_looked_for_again(client):
    section = make_section()
    url = f"/en/news/{section.slug}/harbour-opens/"
    assert client.get(url).status_code == 404
    make_article(section=section, slug="harbour-opens", title_en="Harbour opens")
    assert "Harbour opens" in client.get(url).content.decode()
