"""
Browser tests: Playwright for Python driving the system Chromium.

Without /usr/bin/chromium they skip with the reason; CI sets
PORTAL_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

import os
import shutil

import pytest

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


@pytest.fixture
def page(browser, live_server):
    """A fresh page (its own cookies and storage) that fails the test on any console error."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()


def run_axe(page):
    """
    Run axe-core (our vendored copy) on the page; return its violations.

    Evaluated by the browser's tools, not added as a <script>: the page's
    Content-Security-Policy refuses inline scripts, as it should.
    """
    with open(AXE, encoding="utf-8") as source:
        page.evaluate(source.read())
    return page.evaluate("async () => (await axe.run(document)).violations")
