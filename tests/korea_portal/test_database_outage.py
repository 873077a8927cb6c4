"""
A real database outage: a PostgreSQL of the test's own is stopped at once
(as a crash would) under the site running in gunicorn while a reader keeps
opening forum topics, then started again.

During the outage every page that needs the database answers 503 with the
"back soon" page, Retry-After and no-store; a page in the anonymous cache is
still served and "/" still sends the visitor to their language. Nothing is
half written: every topic has its first post, and every topic answered as
opened is there. Once the database is back the same server process answers
again, without a restart.

It needs PostgreSQL's server programs (``/usr/lib/postgresql/15/bin``, or
``PORTAL_POSTGRESQL_BIN``): without them it fails in CI (``CI=true``) and is
skipped elsewhere. It starts its own PostgreSQL whatever the suite's database
is, so it runs once, on the SQLite run.
"""

import os
import threading

import psycopg
import pytest
from django.db import connection

from tests.factories import PASSWORD
from tests.servers import (
    POSTGRESQL_BIN,
    WebClient,
    gunicorn,
    manage,
    postgresql_cluster,
    run_python,
    site_environment,
    wait_until,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="it brings its own PostgreSQL whatever the suite's database: it runs once, on the SQLite run",
)

SEED = """
import json
from community.models import Board
from tests.factories import make_user
board = Board.objects.create(slug="general", name_en="General discussion")
print(json.dumps({"writer": make_user().email, "reader": make_user().email}))
"""


@pytest.fixture
def cluster():
    if not (POSTGRESQL_BIN / "pg_ctl").exists():
        reason = f"PostgreSQL's server programs are not in {POSTGRESQL_BIN} (set PORTAL_POSTGRESQL_BIN)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs this test: {reason}")
        pytest.skip(reason)
    with postgresql_cluster() as cluster:
        yield cluster


@pytest.fixture
def site(cluster, tmp_path):
    environment = site_environment(tmp_path, DATABASE_URL=cluster.url)
    manage(environment, "migrate", "--no-input", "-v", "0")
    accounts = run_python(environment, SEED)
    with gunicorn(environment, workers=1, threads=4) as (base_url, process):
        yield base_url, process, accounts


def assert_back_soon(answer, language="en", direction="ltr"):
    assert answer.status == 503
    assert answer.headers["Retry-After"] == "30"
    assert answer.headers["Cache-Control"] == "no-store"
    assert f'<html lang="{language}" dir="{direction}">' in answer.body


def test_an_outage_is_answered_503_writes_nothing_half_and_ends_without_a_restart(cluster, site):
    base_url, process, accounts = site
    assert WebClient(base_url).get("/en/about/").status == 200  # now in the anonymous page cache
    reader = WebClient(base_url)
    reader.log_in(accounts["reader"], PASSWORD)
    writer = WebClient(base_url)
    writer.log_in(accounts["writer"], PASSWORD)
    token = {"csrfmiddlewaretoken": writer.csrf_token("/en/forum/general/new/")}

    answers, opened, done = [], [], threading.Event()

    def keep_opening_topics():
        while not done.is_set():
            title = f"Topic {len(answers) + 1}"
            answer = writer.post("/en/forum/general/new/", {"title": title, "body": "The first post.", **token})
            answers.append(answer.status)
            if answer.status == 302:
                opened.append(title)
            done.wait(0.05)

    writing = threading.Thread(target=keep_opening_topics)
    writing.start()
    try:
        wait_until(lambda: len(opened) >= 3, 20, "three topics")
        cluster.stop()
        wait_until(lambda: answers[-1] == 503, 10, "a 503 to the writer")

        assert_back_soon(reader.get("/en/"))
        assert "Back soon" in reader.get("/en/forum/").body
        assert_back_soon(reader.get("/ar/about/"), "ar", "rtl")
        assert_back_soon(WebClient(base_url).get("/en/news/"))
        assert WebClient(base_url).get("/en/about/").status == 200
        root = WebClient(base_url).get("/", headers={"Accept-Language": "ko"})
        assert (root.status, root.headers["Location"]) == (302, "/ko/")

        cluster.start()
        wait_until(lambda: reader.get("/en/forum/").status == 200, 20, "the forum again")
        opened_before = len(opened)
        wait_until(lambda: len(opened) > opened_before, 10, "a topic opened after the outage")
    finally:
        done.set()
        writing.join()

    assert process.poll() is None
    assert set(answers) == {302, 503}
    with psycopg.connect(cluster.url) as database:
        titles = {title for (title,) in database.execute("SELECT title FROM community_topic")}
        without_post = database.execute(
            "SELECT count(*) FROM community_topic t WHERE NOT EXISTS "
            "(SELECT 1 FROM community_post p WHERE p.topic_id = t.id)"
        ).fetchone()
    assert set(opened) <= titles
    assert without_post == (0,)
