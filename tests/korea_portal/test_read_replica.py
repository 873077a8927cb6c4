"""
Read replicas (``DATABASE_REPLICA_URL``, korea_portal/db_router.py): anonymous
reads of public pages come from the replica, everything else from the primary.

The routing rules are checked on requests made by ``RequestFactory``; then
the site runs under gunicorn over two real PostgreSQL databases on the
machine's server, the "replica" a copy of the primary whose article has
another title: which title a page shows says which database it was read from.
That part uses the machine's PostgreSQL on either run: without it it is
skipped, and under ``CI=true`` it fails.
"""

import psycopg
import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.core.cache.backends.db import DatabaseCache
from django.http import HttpResponse
from django.test import RequestFactory

from korea_portal.db_router import PRIMARY, REPLICA, ReplicaReadMiddleware, ReplicaRouter
from news.models import Article
from tests.factories import PASSWORD
from tests.servers import WebClient, gunicorn, machine_databases, manage, run_python, site_environment

router = ReplicaRouter()


def read_database(request, model=Article, write_first=False):
    """The database the router picks for a read of ``model`` while ``request`` is served."""

    def view(request):
        if write_first:
            router.db_for_write(model)
        return HttpResponse(router.db_for_read(model))

    return ReplicaReadMiddleware(view)(request).content.decode()


factory = RequestFactory()


@pytest.mark.parametrize("method", ["get", "head"])
def test_an_anonymous_read_of_a_public_page_goes_to_the_replica(method):
    assert read_database(getattr(factory, method)("/en/news/")) == REPLICA
    assert read_database(factory.get("/ko/world/japan/")) == REPLICA


def test_a_logged_in_reader_or_one_who_just_posted_reads_the_primary():
    with_session = factory.get("/en/news/")
    with_session.COOKIES["sessionid"] = "a-session"
    with_message = factory.get("/en/news/")
    with_message.COOKIES[CookieStorage.cookie_name] = "a-message"
    assert read_database(with_session) == PRIMARY
    assert read_database(with_message) == PRIMARY


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_request_that_writes_reads_the_primary(method):
    assert read_database(getattr(factory, method)("/en/news/")) == PRIMARY


@pytest.mark.parametrize(
    "path", ["/admin/news/article/", "/en/accounts/verify/MQ/token/", "/fr/newsletter/confirm/a-token/"]
)
def test_pages_that_read_what_the_visitor_just_wrote_read_the_primary(path):
    """A verification link clicked as soon as the mail comes must find the account the replica may not have yet."""
    assert read_database(factory.get(path)) == PRIMARY


def test_after_its_first_write_a_request_reads_the_primary():
    """Inside the request's transaction (ATOMIC_REQUESTS), what it wrote is on the primary only."""
    assert read_database(factory.get("/en/news/"), write_first=True) == PRIMARY


@pytest.mark.parametrize("model", [DatabaseCache("core_shared_cache", {}).cache_model_class, Session])
def test_counts_and_sessions_are_read_from_the_primary_even_for_anonymous_visitors(model):
    """A lagging rate-limit count would let attempts through."""
    assert read_database(factory.get("/en/news/"), model=model) == PRIMARY


def test_outside_a_request_everything_reads_the_primary():
    """Management commands, tasks and the shell: nothing allowed the replica."""
    assert router.db_for_read(Article) == PRIMARY
    assert router.db_for_write(Article) == PRIMARY


def test_a_request_does_not_leave_the_replica_allowed_for_the_next_work_of_its_thread():
    read_database(factory.get("/en/news/"))
    assert router.db_for_read(Article) == PRIMARY


def test_only_the_primary_is_migrated():
    assert router.allow_migrate(PRIMARY, "news") is True
    assert router.allow_migrate(REPLICA, "news") is False


SEED = """
import json
from django.utils import translation
from tests.factories import make_article, make_user
with translation.override("en"):
    article = make_article(title_en="Read from the primary")
    print(json.dumps({"article": article.get_absolute_url(), "pk": article.pk, "reader": make_user().email}))
"""
REPLICA_TITLE = "Read from the replica"


@pytest.fixture
def primary_and_replica(tmp_path):
    """A migrated primary with one article, and its copy, the replica, where that article has another title."""
    with machine_databases() as databases:
        primary = databases.create("primary")
        environment = site_environment(tmp_path / "setup", DATABASE_URL=primary)
        manage(environment, "migrate", "--no-input", "-v", "0")
        content = run_python(environment, SEED)
        # Nobody is connected to the primary any more: it may be copied.
        replica = databases.create("replica", template=primary.rsplit("/", 1)[1])
        with psycopg.connect(replica, autocommit=True) as connection:
            connection.execute("UPDATE news_article SET title_en = %s WHERE id = %s", (REPLICA_TITLE, content["pk"]))
        yield primary, replica, content


@pytest.fixture
def site(primary_and_replica, tmp_path):
    primary, replica, content = primary_and_replica
    # No page cache: each page below is rendered, from whichever database the router chose.
    variables = {"DATABASE_URL": primary, "DATABASE_REPLICA_URL": replica, "DJANGO_PAGE_CACHE_SECONDS": "0"}
    with gunicorn(site_environment(tmp_path / "site", **variables)) as (base_url, _process):
        yield base_url, content


def test_anonymous_visitors_read_the_replica_and_logged_in_readers_the_primary(site):
    base_url, content = site
    anonymous = WebClient(base_url).get(content["article"])
    assert anonymous.status == 200
    assert REPLICA_TITLE in anonymous.body

    reader = WebClient(base_url)
    reader.log_in(content["reader"], PASSWORD)
    page = reader.get(content["article"])
    assert "Read from the primary" in page.body
    assert REPLICA_TITLE not in page.body

    # A POST reads the primary: the scrap's message names the primary's title.
    scrap_url = f"{content['article']}scrap/"
    assert reader.post(scrap_url, {"csrfmiddlewaretoken": reader.csrf_token(scrap_url)}).status == 302
    assert "“Read from the primary” is added to your scrapbook." in reader.get(content["article"]).body
