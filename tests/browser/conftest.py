"""
Browser tests: Playwright for Python driving the system Chromium.

Without /usr/bin/chromium they skip with the reason; CI sets
PORTAL_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

import os
import shutil
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; the test's own
# database calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")


def chromium_missing():
    return not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM))


@pytest.fixture(scope="session")
def browser():
    if chromium_missing():
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required (PORTAL_REQUIRE_BROWSER=1) but {CHROMIUM} does not exist.")
        pytest.skip(f"No Chromium at {CHROMIUM}: install the Debian package 'chromium' to run browser tests.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@contextmanager
def open_page(browser, base_url):
    """A fresh page (its own cookies and storage) that records every console error in ``page.console_errors``."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page on the test's own live server (its database is emptied after the test)."""
    with open_page(browser, live_server.url) as page:
        yield page


def empty_project_tables():
    """Empty the tables of the project's own apps, as ``flush`` would but leaving Django's (groups, permissions)."""
    project = {"core", "news", "relations", "accounts", "newsletter", "community", "korea_portal"}
    tables = [
        model._meta.db_table
        for config in apps.get_app_configs()
        if config.label in project
        for model in config.get_models(include_auto_created=True)
    ]
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, allow_cascade=True))


@contextmanager
def shared_site(django_db_blocker, media_root, build):
    """
    A live server over content made once by ``build()`` for a module of tests that only read it.

    Loading the demo for every test was most of the browser suite's time. The
    content is committed outside any test's transaction, its media written to
    ``media_root``; when the module ends the project's own tables are emptied
    (not Django's: the groups the migrations made stay, as the other tests
    expect). Tests using it must write nothing, and are marked plain
    ``django_db`` (the server thread reads the committed rows).
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        content = build()
        server = LiveServer("localhost")
        try:
            yield SimpleNamespace(url=server.url, media_root=media_root, content=content)
        finally:
            server.stop()
            empty_project_tables()


def run_axe(page):
    """
    Run axe-core (our vendored copy) on the page; return its violations.

    Evaluated by the browser's tools, not added as a <script>: the page's
    Content-Security-Policy refuses inline scripts, as it should.
    """
    with open(AXE, encoding="utf-8") as source:
        page.evaluate(source.read())
    return page.evaluate("async () => (await axe.run(document)).violations")
