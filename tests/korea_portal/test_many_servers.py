"""
Two app servers behind one load balancer: nothing a request needs lives in
one server's memory or on its disk.

Two gunicorn servers, each with its own var/ folder (as on two machines),
share one PostgreSQL database and one Redis, as in production. A visitor
logged in on one is logged in on the other; a rate limit and the login
lockout count the attempts made through both; an article published through
one server's admin is on the other's next page, though that server had the
page in its cache. One Celery worker, on a var/ folder of its own too,
sends the mail either server queues.

It uses the machine's PostgreSQL (the PostgreSQL run's server, else
``PORTAL_TEST_POSTGRESQL_URL``) and Redis (``PORTAL_TEST_REDIS_URL``) on
either run: without them it is skipped, and under ``CI=true`` it fails. The
task broker is that Redis's database ``PORTAL_TEST_BROKER_DB`` (8), which the
test empties when it ends.
"""

import os
import signal
import subprocess  # nosec B404  # our own worker
import sys
from pathlib import Path

import pytest

from tests.factories import PASSWORD
from tests.servers import (
    ROOT,
    WebClient,
    gunicorn,
    machine_databases,
    machine_redis,
    manage,
    run_python,
    site_environment,
    wait_until,
)

EMAILS_PER_HOUR = 2
LOGIN_FAILURES = 3

SEED = """
import json
from django.utils import translation
from news.models import Article
from tests.factories import make_article, make_publisher, make_user
with translation.override("en"):
    article = make_article(title_en="Hallyu reaches every continent")
    draft = make_article(title_en="A new bridge over the Han", status=Article.Status.DRAFT)
    print(json.dumps({
        "article": article.get_absolute_url(),
        "article_title": article.title,
        "draft": draft.pk,
        "draft_title": draft.title,
        "reader": make_user().email,
        "sender": make_user().email,
        "mailer": make_user().email,
        "guessed": make_user().email,
        "publisher": make_publisher().email,
    }))
"""


@pytest.fixture(scope="module")
def shared_services():
    """One PostgreSQL database and one Redis, as every app server of a site shares them."""
    with machine_databases() as databases, machine_redis() as (redis_url, prefix, redis_client):
        broker = redis_client.connection_pool.connection_kwargs
        broker_url = f"redis://{broker['host']}:{broker['port']}/{os.environ.get('PORTAL_TEST_BROKER_DB', '8')}"
        services = {"DATABASE_URL": databases.create("many_servers"), "REDIS_URL": redis_url, "prefix": prefix}
        try:
            yield {**services, "CELERY_BROKER_URL": broker_url}, redis_client
        finally:
            redis_client.from_url(broker_url).flushdb()


@pytest.fixture(scope="module")
def site_variables(shared_services):
    """What every process of the site is started with."""
    services, _redis_client = shared_services
    return {
        "DATABASE_URL": services["DATABASE_URL"],
        "REDIS_URL": services["REDIS_URL"],
        "CELERY_BROKER_URL": services["CELERY_BROKER_URL"],
        "DJANGO_CACHE_PREFIX": services["prefix"],
        "EMAIL_ARTICLE_LIMIT_PER_HOUR": str(EMAILS_PER_HOUR),
        "AXES_FAILURE_LIMIT": str(LOGIN_FAILURES),
    }


@pytest.fixture(scope="module")
def content(site_variables, tmp_path_factory):
    """The schema (migrate runs once, from one machine) and the test's users and articles."""
    environment = site_environment(tmp_path_factory.mktemp("migrate"), **site_variables)
    manage(environment, "migrate", "--no-input", "-v", "0")
    return run_python(environment, SEED)


@pytest.fixture(scope="module")
def workers(site_variables, content, tmp_path_factory):
    """
    One Celery worker (``make worker``) beside the app servers, with a var/
    folder of its own (as on a machine of its own): every mail the servers
    queue is sent from there, so its mail folder is where the site's mail is.
    """
    var = tmp_path_factory.mktemp("worker")
    environment = site_environment(var, **site_variables)
    log = (var / "worker.log").open("w")
    worker = subprocess.Popen(  # noqa: S603 - our own worker
        [str(Path(sys.executable).parent / "celery"), "-A", "korea_portal", "worker", "--pool", "solo", "-l", "INFO"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=log,
    )
    try:
        wait_until(lambda: "ready." in (var / "worker.log").read_text(), 60, "the worker's 'ready'")
        yield var
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        log.close()


@pytest.fixture(scope="module")
def servers(site_variables, content, workers, tmp_path_factory):
    """Two app servers, A and B, each with its own var/ folder: they share nothing but the services."""
    environments = [site_environment(tmp_path_factory.mktemp(name), **site_variables) for name in "ab"]
    with gunicorn(environments[0]) as (server_a, _process_a), gunicorn(environments[1]) as (server_b, _process_b):
        yield server_a, server_b


def test_a_visitor_logged_in_on_one_server_is_logged_in_on_the_other(servers, content):
    server_a, server_b = servers
    reader = WebClient(server_a)
    reader.log_in(content["reader"], PASSWORD)
    on_b = reader.through(server_b)

    scrap_url = f"{content['article']}scrap/"
    answer = on_b.post(scrap_url, {"csrfmiddlewaretoken": on_b.csrf_token(scrap_url)})
    assert answer.status == 302
    assert answer.headers["Location"] == content["article"]

    # The message left by B is shown by A, and A's scrapbook has what was scrapped on B.
    assert f"“{content['article_title']}” is added to your scrapbook." in reader.get(content["article"]).body
    scrapbook = reader.get("/en/accounts/scrapbook/")
    assert scrapbook.status == 200
    assert content["article_title"] in scrapbook.body


def test_the_mail_queued_by_either_server_is_sent_by_the_worker(servers, content, workers):
    """E-mailed articles from A and from B leave through the one worker: its mail folder holds both."""
    server_a, server_b = servers
    sender = WebClient(server_a)
    sender.log_in(content["mailer"], PASSWORD)
    email_url = f"{content['article']}email/"
    for server, friend in ((server_a, "friend.a@example.org"), (server_b, "friend.b@example.org")):
        through = sender.through(server)
        form = {"recipients": friend, "csrfmiddlewaretoken": through.csrf_token(email_url)}
        assert through.post(email_url, form).status == 302

    def sent_to():
        folder = workers / "mail"
        return {
            line for path in folder.glob("*.log") for line in path.read_text().splitlines() if line.startswith("To:")
        }

    wait_until(lambda: len(sent_to()) == 2, 60, "both mails from the worker")
    assert sent_to() == {"To: friend.a@example.org", "To: friend.b@example.org"}


def test_a_rate_limit_counts_the_requests_made_through_both_servers(servers, content):
    server_a, server_b = servers
    sender = WebClient(server_a)
    sender.log_in(content["sender"], PASSWORD)
    email_url = f"{content['article']}email/"

    statuses = []
    for server in (server_a, server_b, server_a, server_b):
        through = sender.through(server)
        form = {"recipients": "friend@example.org", "csrfmiddlewaretoken": through.csrf_token(email_url)}
        statuses.append(through.post(email_url, form).status)

    assert statuses == [302] * EMAILS_PER_HOUR + [429, 429]


def test_the_login_lockout_counts_the_failures_made_through_both_servers(servers, content):
    server_a, server_b = servers
    guesser = WebClient(server_a)
    alternating = ([server_a, server_b] * LOGIN_FAILURES)[:LOGIN_FAILURES]
    failures = [guesser.through(server).try_to_log_in(content["guessed"], "wrong") for server in alternating]
    # Each server alone saw fewer failures than the limit, yet the last one locked the account.
    assert [answer.status for answer in failures] == [200] * (LOGIN_FAILURES - 1) + [429]

    # Locked out everywhere: the right password is refused, on either server.
    for server in servers:
        answer = guesser.through(server).try_to_log_in(content["guessed"], PASSWORD)
        assert answer.status == 429
        assert "too many failed login attempts for this account" in answer.body


def test_an_article_published_through_one_server_is_on_the_others_next_page(servers, content, shared_services):
    server_a, server_b = servers
    services, redis_client = shared_services
    visitor = WebClient(server_b)
    home = visitor.get("/en/")
    assert home.status == 200
    assert content["draft_title"] not in home.body
    # B keeps its copy of the home page in the shared cache.
    assert list(redis_client.scan_iter(match=f"{services['prefix']}:*portal:page:*"))

    publisher = WebClient(server_a)
    publisher.log_in(content["publisher"], PASSWORD)
    changelist = "/admin/news/article/"
    action = {
        "action": "publish",
        "_selected_action": content["draft"],
        "index": "0",
        "csrfmiddlewaretoken": publisher.csrf_token(changelist),
    }
    assert publisher.post(changelist, action).status == 302

    assert content["draft_title"] in visitor.get("/en/").body
