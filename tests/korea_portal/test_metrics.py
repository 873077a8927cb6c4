"""
/metrics as Prometheus and an outsider see it: the counts by view, of the
database and of the cache, for loopback or a configured network only (a 404
for anyone else, a proxied request included), and under gunicorn the sum of
every worker's counts.
"""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from core.metrics import TASKS_FAILED, TASKS_RUN
from tests.factories import make_article
from tests.servers import WebClient, gunicorn, site_environment

BY_VIEW = "django_http_requests_total_by_view_transport_method_total"


def samples(text):
    """{(sample name, sorted labels): value} of a metrics page."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(found, name, **labels):
    return sum(
        number
        for (sample_name, sample_labels), number in found.items()
        if sample_name == name and labels.items() <= dict(sample_labels).items()
    )


def scrape(client, **extra):
    response = client.get("/metrics", **extra)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return samples(response.content.decode())


def test_loopback_reads_the_metrics(client):
    response = client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "# TYPE django_http_requests_latency_seconds_by_view_method histogram" in response.content.decode()


@pytest.mark.parametrize(
    "request_from",
    [
        {"REMOTE_ADDR": "203.0.113.9"},
        {"REMOTE_ADDR": "10.0.0.5"},
        # Through a proxy that is not trusted: its own loopback address is no proof.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"},
    ],
)
def test_any_other_address_gets_a_404(client, request_from):
    response = client.get("/metrics", **request_from)

    assert response.status_code == 404
    assert b"django_http" not in response.content


def test_behind_the_trusted_proxy_the_client_address_decides(client, settings):
    settings.TRUST_X_FORWARDED_FOR = True

    outsider = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    local = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="127.0.0.1")

    assert (outsider.status_code, local.status_code) == (404, 200)


def test_a_configured_network_reads_them_and_loopback_no_longer_does(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["10.20.0.0/16", "2001:db8::/32"]

    assert client.get("/metrics", REMOTE_ADDR="10.20.3.4").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="2001:db8::7").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


@pytest.mark.django_db
def test_requests_are_counted_by_view_with_their_database_and_cache_calls(client, database_vendor, settings):
    """Each request reaches its view here: a page served from the page cache never does (README)."""
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article()
    before = scrape(client)

    client.get("/en/")
    client.get("/en/")
    client.get(article.get_absolute_url())

    after = scrape(client)
    assert value(after, BY_VIEW, view="home") - value(before, BY_VIEW, view="home") == 2
    assert value(after, BY_VIEW, view="news:article") - value(before, BY_VIEW, view="news:article") == 1
    latency = "django_http_requests_latency_seconds_by_view_method_count"
    assert value(after, latency, view="home") - value(before, latency, view="home") == 2
    queries = "django_db_execute_total"
    assert value(after, queries, vendor=database_vendor) > value(before, queries, vendor=database_vendor)
    reads = "django_cache_get_total"
    assert value(after, reads, backend="locmem") > value(before, reads, backend="locmem")


def test_task_counters_are_exported_by_task_name(client):
    TASKS_RUN.labels(task="news.tasks.make_renditions").inc()
    TASKS_FAILED.labels(task="news.tasks.make_renditions").inc()

    found = scrape(client)

    assert value(found, "portal_tasks_run_total", task="news.tasks.make_renditions") >= 1
    assert value(found, "portal_tasks_failed_total", task="news.tasks.make_renditions") >= 1


def test_under_gunicorn_the_counts_of_every_worker_are_added_up(tmp_path):
    """Two workers answer forty requests between them; whichever answers /metrics, it counts all forty."""
    stale = tmp_path / "prometheus" / "counter_1.db"
    stale.parent.mkdir()
    stale.write_bytes(b"counts of an earlier run")
    environment = site_environment(tmp_path)
    with gunicorn(environment, workers=2, threads=1) as (base_url, _process):
        assert not stale.exists(), "the counts of an earlier run are removed at start"
        client = WebClient(base_url)
        for _ in range(40):
            assert client.get("/healthz").status == 200
        scrapes = []
        for _ in range(6):
            answer = client.get("/metrics")
            assert answer.status == 200
            scrapes.append(samples(answer.body))
        outsider = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        workers = {path.stem.rsplit("_", 1)[-1] for path in (tmp_path / "prometheus").glob("counter_*.db")}

    assert len(workers) == 2, "both workers served requests and wrote their counts"
    assert [value(found, BY_VIEW, view="healthz") for found in scrapes] == [40] * 6
    assert outsider.status == 404
