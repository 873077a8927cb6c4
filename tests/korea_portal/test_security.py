"""
Security headers and cookies in production: the Observatory's A+, a strict
Content-Security-Policy, __Host- cookies, Cross-Origin-Resource-Policy, static
files without CORS, and no NUL character reaching a view.
"""

import re
import runpy
from pathlib import Path

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from korea_portal.cache import is_storable
from korea_portal.storage import StaticFilesStorage
from tests.factories import PASSWORD, make_article, make_editor, make_user
from tests.observatory import parse_csp, scan

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# The settings that differ in production and shape the headers and cookies.
PRODUCTION_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_", "WHITENOISE_")
PRODUCTION_NAMES = ("CONTENT_SECURITY_POLICY", "X_FRAME_OPTIONS", "CROSS_ORIGIN_RESOURCE_POLICY")
STRICT_POLICY = {
    "default-src": {"'none'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "form-action": {"'self'"},
    "base-uri": {"'none'"},
    "object-src": {"'none'"},
    "frame-ancestors": {"'none'"},
}


@pytest.fixture
def production_values(monkeypatch):
    """Every setting korea_portal/settings.py gives with DJANGO_SECURE=1 (and what production needs to start)."""
    monkeypatch.setenv("DJANGO_SECURE", "1")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-long-random-secret-key-for-the-test-0123456789-abcdefghijklmnop")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    return runpy.run_path(str(ROOT / "korea_portal" / "settings.py"))


@pytest.fixture
def production(settings, production_values):
    """This test's settings, with production's headers and cookies."""
    for name, value in production_values.items():
        if name.startswith(PRODUCTION_PREFIXES) or name in PRODUCTION_NAMES:
            setattr(settings, name, value)
    return settings


@pytest.mark.parametrize("kind", ["home", "home in French", "article", "admin login"])
def test_pages_score_an_a_plus_on_the_observatory(client, production, kind):
    article = make_article()
    path = {
        "home": "/en/",
        "home in French": "/fr/",
        "article": article.get_absolute_url(),
        "admin login": "/admin/login/",
    }[kind]
    score, results = scan(client, path)
    assert score >= 100, results
    assert results["content-security-policy"][0] == "csp-implemented-with-no-unsafe-default-src-none"


def test_the_scan_sees_cookies_on_the_pages_that_set_them(client, production):
    """The French home sets the language cookie, the admin login the CSRF cookie: both pass every cookie rule."""
    _score, french = scan(client, "/fr/")
    _score, admin = scan(client, "/admin/login/")
    assert french["cookies"] == ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    assert admin["cookies"] == ("cookies-secure-with-httponly-sessions-and-samesite", 5)


def test_the_language_cookie_is_secure_http_only_and_same_site(client, production):
    cookie = client.get("/fr/", secure=True).cookies["portal_language"]
    assert cookie.value == "fr"
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_session_and_csrf_cookies_are_host_prefixed(client, production):
    """__Host- cookies: Secure, path /, no domain, so no other host under ours can set or read them."""
    make_user(email="reader@example.org")
    csrf = client.get("/en/accounts/login/", secure=True).cookies["__Host-csrftoken"]
    response = client.post("/en/accounts/login/", {"username": "reader@example.org", "password": PASSWORD}, secure=True)
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
        assert cookie["samesite"] == "Lax"
    assert session["httponly"]
    # The reader stays logged in under the new name.
    assert client.get("/en/accounts/profile/", secure=True).status_code == 200


def test_every_page_has_the_strict_policy_without_a_nonce(client):
    article = make_article()
    for path in ("/en/", article.get_absolute_url(), "/en/search/?q=korea", "/en/accounts/login/", "/en/no-such/"):
        response = client.get(path)
        assert parse_csp(response["Content-Security-Policy"]) == STRICT_POLICY, path


def test_a_page_from_the_page_cache_carries_the_same_policy(client):
    first = client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/")
    assert len(queries) == 0, "the second answer should come from the page cache"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "'nonce-" not in second["Content-Security-Policy"]


def test_a_page_whose_policy_has_a_nonce_is_never_cached():
    """A nonce must be new for every answer: a cached copy would hand the same one to everyone."""
    response = HttpResponse("<p>page</p>")
    response["Content-Security-Policy"] = "default-src 'none'; script-src 'self' 'nonce-abc123'"
    assert not is_storable(response)
    response["Content-Security-Policy"] = "default-src 'none'; script-src 'self'"
    assert is_storable(response)


def test_the_admin_pages_have_the_strict_policy_too(client):
    client.force_login(make_editor())
    for path in ("/admin/", "/admin/news/article/", "/admin/news/article/add/"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = parse_csp(response["Content-Security-Policy"])
        assert policy.keys() == STRICT_POLICY.keys(), path
        assert "'unsafe-inline'" not in policy["script-src"] | policy["style-src"]
        assert "'unsafe-eval'" not in policy["script-src"]


# The public templates hold no inline script, style or event handler: the policy would block them.
INLINE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_public_templates_have_no_inline_script_or_style():
    templates = [path for path in (ROOT / "templates").rglob("*.html") if "admin" not in path.parts]
    assert len(templates) > 20
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        if "mail" not in path.parts  # mail is read by mail programs, not under our policy
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []


def test_pages_and_static_files_forbid_other_sites_to_embed_them(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    (settings.STATIC_ROOT / "css").mkdir(parents=True)
    (settings.STATIC_ROOT / "css" / "site.css").write_text("body { color: black; }")
    for path in ("/en/", "/static/css/site.css"):
        response = client.get(path, HTTP_ORIGIN="https://elsewhere.example")
        assert response.status_code == 200, path
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
        assert "Access-Control-Allow-Origin" not in response


def test_the_static_files_manifest_is_not_served(client, settings, tmp_path):
    """collectstatic's manifest lists every file: it is written beside STATIC_ROOT, not in it."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_MANIFEST_ROOT = tmp_path / "manifest"
    settings.STATIC_ROOT.mkdir()
    storage = StaticFilesStorage()
    storage.hashed_files = {"css/site.css": "css/site.0123456789ab.css"}
    storage.save_manifest()
    assert (tmp_path / "manifest" / "staticfiles.json").exists()
    assert not (settings.STATIC_ROOT / "staticfiles.json").exists()
    assert StaticFilesStorage().hashed_files == {"css/site.css": "css/site.0123456789ab.css"}
    assert client.get("/static/staticfiles.json").status_code == 404


def test_static_files_are_stored_with_the_manifest_beside_them(production_values):
    assert production_values["STORAGES"]["staticfiles"]["BACKEND"] == "korea_portal.storage.StaticFilesStorage"


# NUL characters: PostgreSQL refuses them in any query; every request carrying one is a 400.


def test_a_nul_in_an_admin_filter_is_a_bad_request(client):
    client.force_login(make_editor())
    response = client.get("/admin/news/article/?status__exact=%00")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/search/?q=%00", "/en/search/?q=korea%00", "/en/search/?q%00=korea", "/en/news/%00/"],
)
def test_a_nul_in_a_public_address_is_a_bad_request_in_its_language(client, path):
    response = client.get(path.replace("/en/", "/fr/"))
    assert response.status_code == 400
    assert '<html lang="fr"' in response.content.decode()


def test_a_nul_in_a_form_is_a_bad_request(client):
    response = client.post("/en/accounts/login/", {"username": "reader\x00@example.org", "password": "x"})
    assert response.status_code == 400


def test_a_nul_in_a_cookie_is_a_bad_request(client):
    client.cookies["portal_language"] = "fr\x00"
    assert client.get("/en/").status_code == 400


def test_text_without_nul_is_answered_as_usual(client):
    assert client.get("/en/search/?q=korea").status_code == 200
