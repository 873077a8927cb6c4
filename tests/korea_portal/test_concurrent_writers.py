"""
SQLite under concurrent writers: twenty readers logged in at once, each opening
a topic, replying to one shared topic and scrapping articles, all at the same
moment, against the real site under gunicorn (several processes and threads,
each with its own connection to one database file). Not one answer is a 500
("database is locked"), and every write is there afterwards.

The test suite's own SQLite database lives in memory behind one connection,
which would prove nothing: the site here gets a file database of its own.
"""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.factories import PASSWORD
from tests.servers import WebClient, gunicorn, manage, run_python, site_environment

WRITERS = 20
ARTICLES = 3

SEED = f"""
import json
from django.utils import translation
from community.models import Board
from community.services import start_topic
from tests.factories import make_article, make_user
users = [make_user(username=f"writer{{number}}") for number in range({WRITERS})]
board = Board.objects.create(slug="general", name_en="General discussion")
topic = start_topic(board=board, author=users[0], title="Shared topic", body="Reply here.")
with translation.override("en"):
    articles = [make_article().get_absolute_url() for _ in range({ARTICLES})]
    print(json.dumps({{
        "users": [user.email for user in users], "topic": topic.get_absolute_url(), "articles": articles
    }}))
"""


@pytest.fixture
def site(tmp_path):
    environment = site_environment(tmp_path)
    manage(environment, "migrate", "--no-input", "-v", "0")
    content = run_python(environment, SEED)
    with gunicorn(environment, workers=2, threads=8) as (base_url, _process):
        yield base_url, content, tmp_path / "db.sqlite3"


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite's own locking is tested on the SQLite run; PostgreSQL does not lock a whole database",
)
def test_twenty_users_posting_and_scrapping_at_once_get_no_error(site):
    base_url, content, database = site
    start = threading.Barrier(WRITERS)

    def write(email):
        client = WebClient(base_url)
        client.log_in(email, PASSWORD)
        token = {"csrfmiddlewaretoken": client.csrf_token("/en/forum/general/new/")}
        start.wait(timeout=30)
        answers = [
            client.post("/en/forum/general/new/", {"title": f"Hello from {email}", "body": "Annyeong!", **token}),
            client.post(content["topic"], {"body": f"A reply from {email}", **token}),
        ]
        answers += [client.post(f"{url}scrap/", token) for url in content["articles"]]
        return [answer.status for answer in answers]

    with ThreadPoolExecutor(WRITERS) as pool:
        statuses = [status for answers in pool.map(write, content["users"]) for status in answers]

    # Every write is answered with its redirect: no 500 "database is locked", no 503 either.
    assert statuses == [302] * (WRITERS * (2 + ARTICLES))
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT count(*) FROM community_topic").fetchone() == (WRITERS + 1,)
        assert db.execute("SELECT count(*) FROM community_post").fetchone() == (2 * WRITERS + 1,)
        assert db.execute("SELECT count(*) FROM accounts_scrap").fetchone() == (WRITERS * ARTICLES,)
