"""
The request log: one line per request with its id, user, path, status and
duration; the id taken from a sane X-Request-ID or made up, and sent back.
The JSON form is read as an operator reads it: from the log of the site
running under gunicorn with DJANGO_LOG_FORMAT=json.
"""

import json
import logging
import re

import pytest

from core.logging import JsonFormatter, RequestIdFilter, request_id
from tests.factories import make_user
from tests.servers import WebClient, gunicorn, site_environment

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


def request_lines(caplog):
    return [record for record in caplog.records if record.name == "core.requests"]


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="core.requests")
    return caplog


def test_a_request_is_logged_once_with_its_fields(client, request_log):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-4f1c.2026:01")

    assert response["X-Request-ID"] == "edge-4f1c.2026:01"
    [record] = request_lines(request_log)
    assert (record.method, record.path, record.status, record.user) == ("GET", "/healthz", 200, "anonymous")
    assert isinstance(record.duration_ms, float) and record.duration_ms >= 0
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["request_id"] == "edge-4f1c.2026:01"
    assert entry["level"] == "INFO"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])
    assert {"path": "/healthz", "status": 200, "user": "anonymous"}.items() <= entry.items()
    assert "duration_ms" in entry


@pytest.mark.parametrize(
    "sent",
    ["x" * 65, "two words", "<script>alert(1)</script>", "line\nbreak", '{"forged": 1}', "", "é"],
)
def test_an_unsafe_request_id_is_replaced_by_a_new_one(client, request_log, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert GENERATED_ID.fullmatch(response["X-Request-ID"])
    [record] = request_lines(request_log)
    RequestIdFilter().filter(record)
    assert record.request_id == response["X-Request-ID"]


def test_each_request_without_an_id_gets_a_new_one(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]

    assert GENERATED_ID.fullmatch(first) and GENERATED_ID.fullmatch(second) and first != second
    assert request_id.get() == "-", "the id is forgotten once the request is answered"


@pytest.mark.django_db
def test_a_logged_in_reader_is_logged_by_user_id(client, request_log):
    user = make_user()
    client.force_login(user)

    client.get("/en/")

    [record] = request_lines(request_log)
    assert record.user == str(user.pk)
    assert record.status == 200


def test_a_record_made_during_a_request_carries_its_id(client, request_log):
    """What any code logs while a request is served carries the request's id (the filter reads the contextvar)."""
    seen = []

    class Capture(logging.Handler):
        def emit(self, record):
            seen.append(record.request_id)

    handler = Capture()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("core.requests")
    logger.addHandler(handler)
    try:
        client.get("/healthz", HTTP_X_REQUEST_ID="trace-77")
    finally:
        logger.removeHandler(handler)

    assert seen == ["trace-77"]


@pytest.fixture
def json_site(tmp_path):
    environment = site_environment(tmp_path, DJANGO_LOG_FORMAT="json")
    with gunicorn(environment, workers=2, ready_path="/healthz") as (base_url, _process):
        yield base_url, tmp_path / "gunicorn.log"


def json_lines(log):
    entries = []
    for line in log.read_text().splitlines():
        if line.startswith("{"):
            entries.append(json.loads(line))
    return entries


def test_under_gunicorn_each_request_is_one_json_line(json_site):
    base_url, log = json_site
    client = WebClient(base_url)

    answers = [
        client.get("/healthz", headers={"X-Request-ID": "probe-1"}),
        client.get("/robots.txt", headers={"X-Request-ID": "bad id!"}),
        client.get("/no-such-page/", headers={"X-Request-ID": "probe-3"}),
    ]

    assert [answer.status for answer in answers] == [200, 200, 404]
    ids = [answer.headers["X-Request-ID"] for answer in answers]
    assert ids[0] == "probe-1" and GENERATED_ID.fullmatch(ids[1]) and ids[2] == "probe-3"
    requests = [entry for entry in json_lines(log) if entry["logger"] == "core.requests"]
    # The readiness probe of tests/servers.py made requests too: only these ids count.
    by_id = {entry["request_id"]: entry for entry in requests if entry["request_id"] in ids}
    assert len([entry for entry in requests if entry["request_id"] in ids]) == 3, "one line per request"
    assert [(by_id[i]["path"], by_id[i]["status"]) for i in ids] == [
        ("/healthz", 200),
        ("/robots.txt", 200),
        ("/no-such-page/", 404),
    ]
    for entry in by_id.values():
        assert {"time", "level", "request_id", "user", "path", "status", "duration_ms"} <= entry.keys()
        assert (entry["user"], entry["client"]) == ("anonymous", "127.0.0.1")
