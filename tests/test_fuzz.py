"""
Property tests over every public form and URL parameter: whatever text a
visitor sends, the answer is a page, a form error or a refusal (4xx), never a
server error.

Each test draws a bounded number of examples with Hypothesis. Every example
runs in a world of its own (``fresh_client``): a new browser, an empty cache
(so no rate limit left by the previous example turns the next into a 429 that
would hide a 500) and its writes rolled back in a savepoint of the test's
transaction: what ``hypothesis.extra.django.TestCase`` does per example, kept
in plain pytest functions with the suite's fixtures. Pages are reached by
their URL paths, not through their views, so these tests do not depend on
which module holds a view.
"""

import os
import re
from contextlib import contextmanager
from types import SimpleNamespace
from urllib.parse import quote, quote_from_bytes

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from community.models import Board
from community.services import start_topic
from tests.factories import PASSWORD as READER_PASSWORD
from tests.factories import (
    make_article,
    make_editor,
    make_partner,
    make_relation_article,
    make_scrap,
    make_section,
    make_tag,
    make_trade_figure,
    make_user,
)

pytestmark = [
    pytest.mark.django_db,
    # Rate-limit keys made of any address may be longer than memcached takes; the site uses Redis.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
]
# What Django warns of when a date filter of the admin names a day without its time zone.
NAIVE_DATES = pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime:RuntimeWarning")

# Bounded: the whole module takes well under a minute of CPU on SQLite; FUZZ_EXAMPLES=500
# searches deeper, by hand. Failing examples are not kept between runs (no example
# database): each run draws afresh, and a failure prints how to replay it.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
# For the tests whose examples cost the most.
FEW = hypothesis_settings(FUZZ, max_examples=max(1, EXAMPLES // 2))

# What a page, a form error or a refusal may answer; a 500 (or an exception) never is.
ACCEPTED = {200, 301, 302, 400, 403, 404, 405, 429}

# Any text HTTP can carry: every code point but the surrogates, which UTF-8 cannot encode.
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=120)
HOSTILE = [
    "",
    " ",
    "%",
    "_",
    "%_%",
    "\\",
    "'",
    '"',
    "' OR '1'='1' --",
    "<script>alert(1)</script>",
    "{{ request }}{% debug %}",
    "!?.,;:()[]{}-–—…",
    "\u202ekimchi\u200f",
    "\u200b\ufeff",
    "a\r\nBcc: victim@example.org",
    "\n",
    "\x00",
    "kim\x00chi",
    "%00",
    "../../etc/passwd",
    "😀" * 50,
    "x" * 1001,
    "한국" * 600,
    "٣",
    "1e9",
    "-1",
    "0",
    "99999999999999999999999",
    "last",
    "a@b",
    "a@example.org",
    # Lower case is longer: "İ" becomes "i̇", which is no longer an address, and past 254 characters.
    "İ@example.org",
    "İ" * 130 + "@example.org",
    "http://[",
    "//evil.example/",
    "javascript:alert(1)",
    "\t",
    "\u2028",
    "A@EXAMPLE.ORG, b@example.org;c@example.org",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), ANY_TEXT)
# A path segment: a slug a route accepts, or any text (percent-encoded into the path).
SLUG = st.from_regex(r"\A[-a-zA-Z0-9_]{1,60}\Z")
SEGMENT = st.one_of(SLUG, TEXT).map(lambda text: quote(text, safe=""))
# A page number: one that exists, the word Django's lists take for the last page, or any text.
PAGE = st.one_of(st.sampled_from(["1", "2", "last"]), TEXT)
# Raw bytes in a query string, percent-encoded: also what is not UTF-8 at all.
RAW = st.binary(max_size=60).map(lambda data: quote_from_bytes(data, safe=""))
# Ids in <int:pk> routes, up to far past what a database column holds.
IDS = st.one_of(st.integers(min_value=0, max_value=2**70), st.sampled_from([2**31, 2**63, 2**64, 10**23]))
# An address a form takes, often enough to reach what a valid form does.
EMAIL = st.one_of(st.emails(), TEXT)
# The reader's own address and password, so that some examples log in, change the password, delete the account.
READER_EMAIL = "minji@example.org"
PASSWORD = st.one_of(st.just(READER_PASSWORD), TEXT)
LANGUAGES = st.sampled_from([code for code, _name in settings.LANGUAGES])


def accepted(response):
    """Assert the answer is a page, a form error or a refusal; return it for further checks."""
    request = response.request
    # Which answers the examples reached (pytest --hypothesis-show-statistics): a test whose
    # examples are all form errors has not reached what a valid form does.
    event(f"{request['REQUEST_METHOD']} {response.status_code}")
    assert response.status_code in ACCEPTED, f"{response.status_code} for {request['PATH_INFO']}"
    return response


@contextmanager
def fresh_client(user=None):
    """One example's world: no cached page or rate-limit count, a new browser (as ``user``), no write kept."""
    cache.clear()
    with transaction.atomic():
        client = Client()
        if user is not None:
            client.force_login(user)
        yield client
        transaction.set_rollback(True)


@pytest.fixture
def site():
    """A little of every kind of content, and the people who act on it."""
    section = make_section(slug="culture")
    tag = make_tag(slug="hallyu")
    article = make_article(section=section, slug="kimchi")
    article.tags.add(tag)
    partner = make_partner(slug="japan")
    relation = make_relation_article(partner=partner, slug="summit-talks")
    make_trade_figure(partner=partner, year=2023, total=80_000_000_000, source="KITA")
    board = Board.objects.create(slug="general", name_en="General")
    reader = make_user(email=READER_EMAIL, display_name="Minji")
    topic = start_topic(board=board, author=reader, title="Hello", body="The first post.")
    moderator = make_user()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return SimpleNamespace(
        article=article,
        relation=relation,
        topic=topic,
        post=topic.posts.get(),
        reader=reader,
        moderator=moderator,
        editor=make_editor(),
        superuser=make_user(is_staff=True, is_superuser=True),
        scrap=make_scrap(reader, article, note="Read again"),
    )


# Public pages and their URL parameters


@FUZZ
@given(language=LANGUAGES, query=TEXT, page=PAGE)
def test_any_search_text_gives_a_page_never_a_500(site, language, query, page):
    with fresh_client() as client:
        accepted(client.get(f"/{language}/search/", {"q": query, "page": page}))


@FUZZ
@given(query=RAW, page=RAW)
def test_any_bytes_in_a_query_string_give_a_page_never_a_500(site, query, page):
    with fresh_client() as client:
        accepted(client.get(f"/en/search/?q={query}&page={page}"))
        accepted(client.get(f"/en/news/?page={page}"))
        accepted(client.get(f"/en/accounts/login/?next={query}"))


LISTS = [
    "/{language}/news/",
    "/{language}/news/culture/",
    "/{language}/news/tags/hallyu/",
    "/{language}/forum/general/",
    "/{language}/forum/general/{topic}/",
]


@FUZZ
@given(language=LANGUAGES, path=st.sampled_from(LISTS), page=PAGE)
def test_any_page_number_gives_a_page_or_a_404(site, language, path, page):
    with fresh_client() as client:
        accepted(client.get(path.format(language=language, topic=site.topic.pk), {"page": page}))


# The slugs of the content in ``site``, so that some examples reach a real page.
SLUGS = ["culture", "hallyu", "kimchi", "japan", "summit-talks", "general", "en"]
# Every route with a slug or a free-text segment ({}), and the article tools below the article's URL.
ROUTES = [
    "/{language}/news/{}/",
    "/{language}/news/tags/{}/",
    "/{language}/news/culture/{}/",
    "/{language}/news/{}/kimchi/",
    "/{language}/news/culture/{}/print/",
    "/{language}/news/culture/{}/email/",
    "/{language}/news/culture/{}/scrap/",
    "/{language}/world/{}/",
    "/{language}/world/{}/trade.csv",
    "/{language}/world/{}/trade.json",
    "/{language}/world/japan/{}/",
    "/{language}/world/japan/{}/print/",
    "/{language}/forum/{}/",
    "/{language}/forum/{}/new/",
    "/{language}/forum/general/{}/",
    "/{}/",
    "/{}/news/",
    "/{language}/{}/",
]


@FUZZ
@given(language=LANGUAGES, route=st.sampled_from(ROUTES), segment=st.one_of(st.sampled_from(SLUGS), SEGMENT))
def test_any_slug_in_a_path_gives_a_page_or_a_404(site, language, route, segment):
    with fresh_client() as client:
        accepted(client.get(route.format(segment, language=language)))


@FUZZ
@given(language=st.one_of(LANGUAGES, SEGMENT), section=SEGMENT)
def test_any_feed_language_or_section_gives_a_feed_or_a_404(site, language, section):
    with fresh_client() as client:
        accepted(client.get(f"/feeds/{language}/latest/"))
        accepted(client.get(f"/feeds/{language}/sections/{section}/"))
        accepted(client.get(f"/feeds/{language}/sections/culture/"))
        accepted(client.get(f"/feeds/{language}/latest/rss/"))
        accepted(client.get(f"/feeds/{language}/tags/{section}/rss/"))
        accepted(client.get(f"/feeds/{language}/partners/{section}/"))


@FUZZ
@given(
    section=st.one_of(st.sampled_from(["pages", "sections", "articles", "partners", "relation-articles"]), SEGMENT),
    page=TEXT,
)
def test_any_sitemap_section_or_page_gives_a_sitemap_or_a_404(site, section, page):
    with fresh_client() as client:
        accepted(client.get(f"/sitemap-{section}.xml", {"p": page}))
        accepted(client.get("/sitemap.xml", {"p": page}))


# Public forms


@FUZZ
@given(language=LANGUAGES, name=TEXT, email=EMAIL, subject=TEXT, message=TEXT)
def test_any_contact_message_gives_a_form_error_or_a_redirect(site, language, name, email, subject, message):
    with fresh_client() as client:
        data = {"name": name, "email": email, "subject": subject, "message": message}
        accepted(client.post(f"/{language}/contact/", data))


@FUZZ
@given(email=EMAIL, display_name=TEXT, preferred_language=st.one_of(LANGUAGES, TEXT), password=PASSWORD)
def test_any_signup_gives_a_form_error_or_a_redirect(site, email, display_name, preferred_language, password):
    data = {
        "email": email,
        "display_name": display_name,
        "preferred_language": preferred_language,
        "password1": password,
        "password2": password,
    }
    with fresh_client() as client:
        accepted(client.post("/en/accounts/signup/", data))


@FUZZ
@given(username=st.one_of(st.just(READER_EMAIL), TEXT), password=PASSWORD, next_url=TEXT)
def test_any_login_gives_a_form_error_or_a_redirect(site, username, password, next_url):
    with fresh_client() as client:
        accepted(client.get("/en/accounts/login/", {"next": next_url}))
        accepted(client.post("/en/accounts/login/", {"username": username, "password": password, "next": next_url}))
        accepted(client.post("/admin/login/", {"username": username, "password": password, "next": next_url}))


@FUZZ
@given(email=st.one_of(st.just(READER_EMAIL), EMAIL))
def test_any_password_reset_request_gives_a_form_error_or_a_redirect(site, email):
    with fresh_client() as client:
        accepted(client.post("/en/accounts/password/reset/", {"email": email}))


MAILED_LINKS = [
    "/en/accounts/verify/{}/{}/",
    "/en/accounts/password/reset/{}/{}/",
    "/en/newsletter/confirm/{}{}/",
    "/en/newsletter/unsubscribe/{}{}/",
]


@FUZZ
@given(link=st.sampled_from(MAILED_LINKS), first=SEGMENT, second=SEGMENT, password=TEXT)
def test_any_token_in_a_mailed_link_gives_a_page_or_a_400(site, link, first, second, password):
    url = link.format(first, second)
    with fresh_client() as client:
        accepted(client.get(url))
        accepted(client.post(url, {"new_password1": password, "new_password2": password}))


@FUZZ
@given(email=EMAIL, language=st.one_of(LANGUAGES, TEXT), sections=st.lists(st.one_of(IDS.map(str), TEXT), max_size=3))
def test_any_newsletter_subscription_gives_a_form_error_or_a_redirect(site, email, language, sections):
    with fresh_client() as client:
        accepted(client.post("/en/newsletter/", {"email": email, "language": language, "sections": sections}))


# Forms of logged-in readers


@FUZZ
@given(display_name=TEXT, preferred_language=st.one_of(LANGUAGES, TEXT), newsletter=TEXT)
def test_any_profile_change_gives_a_form_error_or_a_redirect(site, display_name, preferred_language, newsletter):
    data = {"display_name": display_name, "preferred_language": preferred_language, "newsletter": newsletter}
    with fresh_client(site.reader) as client:
        accepted(client.post("/en/accounts/profile/", data))


@FEW
@given(old_password=PASSWORD, new_password=TEXT)
def test_any_password_change_or_deletion_gives_a_form_error(site, old_password, new_password):
    data = {"old_password": old_password, "new_password1": new_password, "new_password2": new_password}
    with fresh_client(site.reader) as client:
        accepted(client.post("/en/accounts/password/", data))
        accepted(client.post("/en/accounts/delete/", {"password": old_password}))


@FUZZ
@given(
    kind=st.sampled_from(["article", "relation"]),
    recipients=st.one_of(EMAIL, st.lists(EMAIL, max_size=6).map(", ".join)),
    message=TEXT,
)
def test_any_article_email_gives_a_form_error_or_a_redirect(site, kind, recipients, message):
    url = f"{getattr(site, kind).get_absolute_url()}email/"
    with fresh_client(site.reader) as client:
        accepted(client.post(url, {"recipients": recipients, "message": message}))


@FUZZ
@given(note=TEXT, page=PAGE)
def test_any_scrap_note_is_saved_or_refused_and_the_scrapbook_still_opens(site, note, page):
    with fresh_client(site.reader) as client:
        accepted(client.post(f"{site.relation.get_absolute_url()}scrap/"))
        accepted(client.post(f"/en/accounts/scrapbook/{site.scrap.pk}/note/", {"note": note}))
        accepted(client.get("/en/accounts/scrapbook/", {"page": page}))
        export = accepted(client.get("/en/accounts/scrapbook/scrapbook.csv"))
        assert export.status_code == 200


@FUZZ
@given(pk=IDS, note=TEXT)
def test_any_scrap_id_gives_a_redirect_or_a_404(site, pk, note):
    with fresh_client(site.reader) as client:
        accepted(client.post(f"/en/accounts/scrapbook/{pk}/note/", {"note": note}))
        accepted(client.post(f"/en/accounts/scrapbook/{pk}/remove/"))


@FUZZ
@given(title=TEXT, body=TEXT, page=PAGE)
def test_any_forum_topic_or_reply_gives_a_form_error_or_a_redirect(site, title, body, page):
    with fresh_client(site.reader) as client:
        accepted(client.post("/en/forum/general/new/", {"title": title, "body": body}))
        accepted(client.post(f"/en/forum/general/{site.topic.pk}/", {"body": body}))
        accepted(client.get(f"/en/forum/general/{site.topic.pk}/", {"page": page}))


@FUZZ
@given(
    pk=st.one_of(st.just(None), IDS),
    action=st.one_of(st.sampled_from(["hide", "show", "lock", "unlock"]), TEXT),
    reason=TEXT,
)
def test_any_moderation_post_gives_a_redirect_or_a_400(site, pk, action, reason):
    with fresh_client(site.moderator) as client:
        accepted(client.post(f"/en/forum/posts/{pk or site.post.pk}/hide/", {"action": action, "reason": reason}))
        accepted(client.post(f"/en/forum/topics/{pk or site.topic.pk}/lock/", {"action": action}))


# The admin, as staff


@FUZZ
@given(language=st.one_of(LANGUAGES, TEXT), state=TEXT, page=PAGE)
def test_any_translation_status_filter_gives_a_page(site, language, state, page):
    with fresh_client(site.editor) as client:
        accepted(client.get("/admin/news/article/translations/", {"language": language, "state": state, "page": page}))


# A lookup of each kind on the editors' lists: choices, foreign keys, many-to-many, dates, search, order, page.
ADMIN_LISTS = {
    "/admin/news/article/": ["status__exact", "section__id__exact", "tags__id__exact", "publish_date__year"],
    "/admin/relations/article/": ["partner__id__exact", "topics__id__exact", "publish_date__gte"],
    "/admin/relations/tradefigure/": ["partner__id__exact", "year__exact", "bound__exact"],
}


@FUZZ
@given(path=st.sampled_from(sorted(ADMIN_LISTS)), value=TEXT, search=TEXT, order=TEXT, page=TEXT, data=st.data())
def test_any_admin_list_filter_gives_a_page_or_a_redirect(site, path, value, search, order, page, data):
    lookup = data.draw(st.sampled_from(ADMIN_LISTS[path]))
    with fresh_client(site.editor) as client:
        accepted(client.get(path, {lookup: value, "q": search, "o": order, "p": page}))


# The date hierarchy and the date filters of the lists that have them.
DATED_LISTS = {
    "/admin/news/article/": "publish_date",
    "/admin/relations/article/": "publish_date",
    "/admin/relations/summit/": "date",
    "/admin/accounts/scrap/": "created",
}
# Years, months and days in range, at its edges and far past it.
DATE_PART = st.one_of(st.integers(min_value=-1, max_value=10_000), st.integers(), st.sampled_from([1, 12, 31, 9999]))
DATE = st.one_of(st.dates().map(str), st.datetimes().map(str), TEXT)


@NAIVE_DATES
@FUZZ
@given(
    path=st.sampled_from(sorted(DATED_LISTS)), year=DATE_PART, month=DATE_PART, day=DATE_PART, since=DATE, until=DATE
)
def test_any_date_in_an_admin_list_gives_a_page_or_a_redirect(site, path, year, month, day, since, until):
    field = DATED_LISTS[path]
    with fresh_client(site.superuser) as client:
        hierarchy = {f"{field}__year": year, f"{field}__month": month, f"{field}__day": day}
        accepted(client.get(path, hierarchy))
        accepted(client.get(path, {f"{field}__gte": since, f"{field}__lt": until}))


# Cookies: the session key reaches the database; the others are read by Django and the page cache.
COOKIES = ["sessionid", "csrftoken", "messages", settings.LANGUAGE_COOKIE_NAME]


# A header carries bytes, which WSGI hands over as Latin-1 text: a cookie's text is sent as its UTF-8 bytes.
COOKIE_VALUE = TEXT.map(lambda text: text.encode().decode("latin-1"))


@FUZZ
@given(name=st.sampled_from(COOKIES), value=COOKIE_VALUE, language=LANGUAGES)
def test_any_cookie_gives_a_page_never_a_500(site, name, value, language):
    with fresh_client() as client:
        client.cookies[name] = value
        accepted(client.get("/"))
        accepted(client.get(f"/{language}/about/"))
        accepted(client.post(f"/{language}/contact/", {"name": "Minji", "email": READER_EMAIL}))


# A header carries what gunicorn lets through: no control character but the tab.
HEADER_VALUE = COOKIE_VALUE.map(lambda text: re.sub(r"[\x00-\x08\x0a-\x1f\x7f]", "", text))


@FUZZ
@given(
    accept_language=HEADER_VALUE,
    user_agent=HEADER_VALUE,
    host=st.one_of(st.just("testserver"), HEADER_VALUE),
    password=PASSWORD,
)
def test_any_header_gives_a_page_never_a_500(site, accept_language, user_agent, host, password):
    headers = {"accept-language": accept_language, "user-agent": user_agent}
    with fresh_client() as client:
        accepted(client.get("/", headers=headers))
        accepted(client.get("/en/about/", headers={**headers, "host": host}))
        # A failed login is recorded with the browser's name.
        accepted(client.post("/en/accounts/login/", {"username": READER_EMAIL, "password": password}, headers=headers))


# Every way a page may be asked for, on the pages that take forms or act.
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
ACTING_PAGES = [
    "/en/contact/",
    "/en/search/",
    "/en/accounts/signup/",
    "/en/accounts/login/",
    "/en/accounts/logout/",
    "/en/accounts/profile/",
    "/en/accounts/password/",
    "/en/accounts/password/reset/",
    "/en/accounts/delete/",
    "/en/accounts/verify/",
    "/en/accounts/scrapbook/",
    "/en/accounts/scrapbook/scrapbook.csv",
    "/en/accounts/scrapbook/{scrap}/note/",
    "/en/accounts/scrapbook/{scrap}/remove/",
    "/en/news/culture/kimchi/email/",
    "/en/news/culture/kimchi/scrap/",
    "/en/world/japan/trade.csv",
    "/en/newsletter/",
    "/en/newsletter/unsubscribe/x/",
    "/en/forum/general/new/",
    "/en/forum/general/{topic}/",
    "/en/forum/posts/{post}/hide/",
    "/en/forum/topics/{topic}/lock/",
    "/feeds/en/latest/",
    "/robots.txt",
    "/admin/news/article/translations/",
]


@FUZZ
@given(
    method=st.sampled_from(METHODS),
    page=st.sampled_from(ACTING_PAGES),
    who=st.sampled_from(["visitor", "reader", "moderator", "editor"]),
    body=RAW,
)
def test_any_method_on_a_page_gives_an_answer_never_a_500(site, method, page, who, body):
    url = page.format(scrap=site.scrap.pk, topic=site.topic.pk, post=site.post.pk)
    with fresh_client(getattr(site, who, None)) as client:
        accepted(client.generic(method, url, f"note={body}&body={body}", "application/x-www-form-urlencoded"))


@FEW
@given(fields=st.lists(st.tuples(RAW, RAW), max_size=6), boundary=st.sampled_from(["", "x", "--"]), body=st.binary())
def test_any_form_body_gives_a_form_error_or_a_400(site, fields, boundary, body):
    urlencoded = "&".join(f"{name}={value}" for name, value in fields)
    with fresh_client(site.reader) as client:
        for url in ("/en/contact/", "/en/forum/general/new/", "/en/accounts/profile/"):
            accepted(client.post(url, urlencoded, "application/x-www-form-urlencoded"))
            accepted(client.post(url, body, f"multipart/form-data; boundary={boundary}"))


@FEW
@given(action=st.one_of(st.just("start-over"), TEXT))
def test_any_action_on_the_verification_page_gives_a_page_or_a_redirect(site, action):
    with fresh_client() as client:
        unverified = make_user(email="new@example.org", email_verified=False)
        client.post("/en/accounts/login/", {"username": unverified.email, "password": READER_PASSWORD})
        accepted(client.post("/en/accounts/verify/", {"action": action}))


# Content: what editors save in the admin (whose fields refuse NUL) is shown on every kind of page.
EDITOR_TEXT = TEXT.map(lambda text: text.replace("\x00", ""))
# A title or a name: the admin strips it and requires one.
EDITOR_NAME = EDITOR_TEXT.map(lambda text: text.strip() or "Kimchi")


@FEW
@given(
    title=EDITOR_NAME,
    summary=EDITOR_TEXT,
    body=st.one_of(EDITOR_TEXT, EDITOR_TEXT.map("<p>{0}</p><script>{0}</script><a href='{0}'>{0}</a>".format)),
    name=EDITOR_NAME,
    note=EDITOR_TEXT,
)
def test_any_text_an_editor_saves_gives_pages_never_a_500(site, title, summary, body, name, note):
    with fresh_client() as client:
        section = make_section(name_en=name[:100])
        tag = make_tag(name_en=name[:100])
        article = make_article(section=section, title_en=title[:250], summary_en=summary, body_en=body)
        article.tags.add(tag)
        partner = make_partner(name_en=name[:100])
        relation = make_relation_article(partner=partner, title_en=title[:250], summary_en=summary, body_en=body)
        make_trade_figure(partner=partner, year=2024, total=1, source=name[:200], note=note[:250])
        make_trade_figure(partner=partner, total=2, note=note[:250])
        for url in (
            "/en/",
            "/ar/",
            article.get_absolute_url(),
            f"{article.get_absolute_url()}print/",
            section.get_absolute_url(),
            tag.get_absolute_url(),
            relation.get_absolute_url(),
            partner.get_absolute_url(),
            f"{partner.get_absolute_url()}trade.csv",
            f"{partner.get_absolute_url()}trade.json",
            "/en/world/",
            "/en/sitemap/",
            "/feeds/en/latest/",
            f"/feeds/en/sections/{section.slug}/",
            f"/feeds/en/sections/{section.slug}/rss/",
            f"/feeds/en/tags/{tag.slug}/",
            f"/feeds/en/partners/{partner.slug}/rss/",
            "/sitemap-articles.xml",
        ):
            assert accepted(client.get(url)).status_code == 200


# What these tests found, each kept as a plain test


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("İ@example.org", "Enter a valid email address."),
        ("İ" * 130 + "@example.org", "Ensure this value has at most 254 characters (it has 272)."),
    ],
)
def test_an_address_no_longer_valid_in_lower_case_is_a_form_error_at_sign_up_and_subscription(address, error):
    """The forms keep addresses in lower case, and "İ" becomes two characters in it: once a 500 on save."""
    client = Client()
    signup = {
        "email": address,
        "display_name": "Minji",
        "preferred_language": "en",
        "password1": READER_PASSWORD,
        "password2": READER_PASSWORD,
    }
    response = client.post("/en/accounts/signup/", signup)
    assert response.status_code == 200 and error in response.content.decode()
    response = client.post("/en/newsletter/", {"email": address, "language": "en"})
    assert response.status_code == 200 and error in response.content.decode()
    assert not get_user_model().objects.filter(display_name="Minji").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/news/article/?status__exact=%00",
        "/admin/relations/tradefigure/?bound__exact=kim%00chi",
        "/en/search/?q=%00",
        "/en/search/?%00=kimchi",
        "/en/news/kimchi%00/",
    ],
)
def test_a_nul_character_in_a_url_is_refused_with_a_400(url):
    """On PostgreSQL a NUL that reached a query (the admin's list filters) was a 500."""
    client = Client()
    client.force_login(make_editor())
    assert client.get(url).status_code == 400


def test_a_nul_character_in_a_form_or_a_cookie_is_refused_with_a_400():
    """A session cookie holding a NUL (``"\\000"`` in a quoted value) reached the session query: a 500 on PostgreSQL."""
    client = Client()
    assert client.post("/en/contact/", {"name": "Min\x00ji"}).status_code == 400
    client.cookies["sessionid"] = "abcdefghijk\x00"
    assert client.get("/en/").status_code == 400
    assert "\\000" in client.cookies.output()


def test_a_control_character_in_an_article_is_left_out_of_the_feeds():
    """A vertical tab pasted into a title made Django refuse to write the feed: a 500 on every feed that listed it."""
    section = make_section(slug="culture", name_en="Cul\x0cture")
    make_article(section=section, title_en="Spring\x0bfestival", summary_en="Lanterns\x1b by the river")
    for url in ("/feeds/en/latest/", "/feeds/en/sections/culture/"):
        feed = Client().get(url)
        assert feed.status_code == 200
        assert "<title>Springfestival</title>" in feed.content.decode()
        assert "Lanterns by the river" in feed.content.decode()
    assert "<title>Korea Portal: Culture</title>" in Client().get("/feeds/en/sections/culture/").content.decode()


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/admin/login/"])
def test_a_login_with_a_name_longer_than_any_account_is_a_failed_login_and_counted(url):
    """django-axes stored the name as typed: past 255 characters, its column refused it (a 500 on PostgreSQL)."""
    response = Client().post(url, {"username": "x" * 300, "password": "not-the-password"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 255


@NAIVE_DATES
@pytest.mark.parametrize(
    "query",
    [
        "publish_date__year=99999999999999999999",
        "publish_date__year=9999&publish_date__month=12&publish_date__day=31",
        "publish_date__year=2026&publish_date__month=2&publish_date__day=99999999999999999",
    ],
)
def test_a_date_no_one_can_hold_in_an_admin_list_is_an_invalid_filter(query):
    """Django overflowed on these dates: a 500."""
    client = Client()
    client.force_login(make_editor())
    response = client.get(f"/admin/news/article/?{query}")
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


@NAIVE_DATES
def test_the_first_day_of_year_one_in_an_admin_list_is_a_list_or_an_invalid_filter(database_vendor):
    """SQLite is given times in UTC, where midnight on 1 January of year 1 in Seoul is still year 0: a 500."""
    client = Client()
    client.force_login(make_editor())
    response = client.get("/admin/news/article/?publish_date__gte=0001-01-01")
    assert response.status_code == (302 if database_vendor == "sqlite" else 200)
