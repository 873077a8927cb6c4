"""
The Mozilla HTTP Observatory's score, computed from a page's headers and cookies.

These are the rules of the MDN HTTP Observatory (its scoring table, "Tests &
Scoring", and the analyzer tests behind it), for what can be seen from one
site through Django's test client. Every scan starts at 100; each test below
adds its modifier; bonuses (positive modifiers) count only when the score
without them is at least 90. 100 or more is an A+.

- **content-security-policy** (from the header): csp-not-implemented -25;
  csp-implemented-with-unsafe-inline -20 (``'unsafe-inline'`` or ``data:`` in
  ``script-src``, a broad source such as ``https:`` or ``*`` in ``script-src`` or
  ``object-src``, or either missing with no ``default-src``; a nonce or hash
  cancels ``'unsafe-inline'``); csp-implemented-with-insecure-scheme -20
  (``http:``/``ftp:`` in an active directive); csp-implemented-with-unsafe-eval
  -10; csp-implemented-with-insecure-scheme-in-passive-content-only -10 (in
  ``img-src``/``media-src``);
  csp-implemented-with-unsafe-inline-in-style-src-only 0;
  csp-implemented-with-no-unsafe-default-src-none +10 (``default-src 'none'``
  alone); csp-implemented-with-no-unsafe +5 otherwise. The first that applies,
  in that order.
- **cookies** (every Set-Cookie of the scan): the worst of
  cookies-without-secure-flag-but-protected-by-hsts -5,
  cookies-without-secure-flag -20,
  cookies-session-without-secure-flag-but-protected-by-hsts -10,
  cookies-samesite-flag-invalid -20 (a value other than Lax/Strict/None, or
  None without Secure), cookies-anticsrf-without-samesite-flag -20 (a name
  with "csrf"), cookies-session-without-httponly-flag -30,
  cookies-session-without-secure-flag -40 (a session cookie is one whose name
  holds "login" or "sess"); with none of them,
  cookies-secure-with-httponly-sessions-and-samesite +5 when every cookie has
  SameSite, else cookies-secure-with-httponly-sessions 0; cookies-not-found 0.
- **cross-origin-resource-sharing** (the page asked with a foreign ``Origin``):
  cross-origin-resource-sharing-implemented-with-universal-access -50 when the
  foreign origin is echoed with credentials allowed; public (``*``),
  restricted or not implemented 0. (The crossdomain.xml and
  clientaccesspolicy.xml files are not served: a 404 each.)
- **redirection** (the same URL over http): redirection-to-https 0 (to https
  on the same host); redirection-off-host-from-http -5;
  redirection-not-to-https -20; redirection-missing -20.
- **referrer-policy**: referrer-policy-private +5 (``no-referrer``,
  ``same-origin``, ``strict-origin``, ``strict-origin-when-cross-origin``);
  referrer-policy-not-implemented 0; referrer-policy-unsafe -5;
  referrer-policy-header-invalid -5.
- **strict-transport-security**: hsts-implemented-max-age-at-least-six-months
  0 (15768000 s); hsts-implemented-max-age-less-than-six-months -10;
  hsts-not-implemented -20; hsts-header-invalid -20. (hsts-preloaded +5 needs
  the host on the browsers' preload list: never given here.)
- **subresource-integrity** (the HTML's ``<script src>``):
  sri-not-implemented-response-not-html 0; sri-not-implemented-but-no-scripts-loaded
  0; sri-implemented-and-all-scripts-loaded-securely +5 (same origin, every one
  with ``integrity``); sri-not-implemented-but-all-scripts-loaded-from-secure-origin
  0; sri-implemented-and-external-scripts-loaded-securely +5;
  sri-not-implemented-but-external-scripts-loaded-securely -5;
  sri-implemented-but-external-scripts-not-loaded-securely -20;
  sri-not-implemented-and-external-scripts-not-loaded-securely -50.
- **x-content-type-options**: x-content-type-options-nosniff 0; not
  implemented or invalid -5.
- **x-frame-options**: x-frame-options-implemented-via-csp +5 (the CSP has
  ``frame-ancestors``); x-frame-options-sameorigin-or-deny 0;
  x-frame-options-allow-from-origin 0; not implemented or invalid -20.
- **cross-origin-resource-policy**: implemented-with-same-origin or
  -same-site +10; -cross-origin 0; not implemented 0; header-invalid -5.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
FOREIGN_ORIGIN = "https://observatory.example"
SIX_MONTHS = 15768000
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
PRIVATE_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
# Worst last, as the cookies test ranks its results.
COOKIE_FAILURES = [
    ("cookies-without-secure-flag-but-protected-by-hsts", -5),
    ("cookies-without-secure-flag", -20),
    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
    ("cookies-samesite-flag-invalid", -20),
    ("cookies-anticsrf-without-samesite-flag", -20),
    ("cookies-session-without-httponly-flag", -30),
    ("cookies-session-without-secure-flag", -40),
]


def parse_csp(header):
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.strip().split()
        policy.setdefault(name.lower(), set(sources))
    return policy


def csp_result(response):
    header = response.get("Content-Security-Policy")
    if not header:
        return "csp-not-implemented", -25
    csp = parse_csp(header)
    default = csp.get("default-src", {"*"})
    script_src = set(csp.get("script-src", default))
    style_src = set(csp.get("style-src", default))
    object_src = csp.get("object-src", default)
    for sources in (script_src, style_src):
        if any(source.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for source in sources):
            sources.discard("'unsafe-inline'")
    active = [source for name, sources in csp.items() if name not in {"img-src", "media-src"} for source in sources]
    active += [source for source in script_src if source not in active]
    passive = csp.get("img-src", csp.get("default-src", set())) | csp.get("media-src", csp.get("default-src", set()))
    if script_src & (BROAD | UNSAFE_INLINE) or object_src & BROAD:
        return "csp-implemented-with-unsafe-inline", -20
    if any(source.startswith(("http:", "ftp:")) for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script_src | style_src:
        return "csp-implemented-with-unsafe-eval", -10
    if any(source.startswith(("http:", "ftp:")) for source in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style_src & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def hsts_passes(response):
    return hsts_result(response)[1] == 0


def hsts_result(response):
    header = response.get("Strict-Transport-Security")
    if not header:
        return "hsts-not-implemented", -20
    max_age = None
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip('"').isdigit():
            max_age = int(value.strip('"'))
    if max_age is None:
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def cookies_result(cookies, hsts):
    if not cookies:
        return "cookies-not-found", 0
    failures = set()
    for name, morsel in cookies.items():
        secure, httponly = bool(morsel["secure"]), bool(morsel["httponly"])
        samesite = str(morsel["samesite"]).lower()
        session = "login" in name.lower() or "sess" in name.lower()
        if samesite and samesite not in {"lax", "strict", "none"} or (samesite == "none" and not secure):
            failures.add("cookies-samesite-flag-invalid")
        if not secure:
            failures.add("cookies-without-secure-flag-but-protected-by-hsts" if hsts else "cookies-without-secure-flag")
        if "csrf" in name.lower() and not samesite:
            failures.add("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            failures.add(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts
                else "cookies-session-without-secure-flag"
            )
        if session and not httponly:
            failures.add("cookies-session-without-httponly-flag")
    for result in reversed(COOKIE_FAILURES):
        if result[0] in failures:
            return result
    if all(morsel["samesite"] for morsel in cookies.values()):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_result(response):
    allowed = response.get("Access-Control-Allow-Origin")
    if not allowed:
        return "cross-origin-resource-sharing-not-implemented", 0
    if allowed.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    if allowed.strip() == FOREIGN_ORIGIN and response.get("Access-Control-Allow-Credentials", "").lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection_result(plain_response, host):
    location = plain_response.get("Location", "") if plain_response.status_code in (301, 302, 303, 307, 308) else ""
    if not location:
        return "redirection-missing", -20
    target = urlsplit(location)
    if target.scheme != "https":
        return "redirection-not-to-https", -20
    if target.netloc != host:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_result(response):
    header = response.get("Referrer-Policy")
    if not header:
        return "referrer-policy-not-implemented", 0
    values = [value.strip().lower() for value in header.split(",")]
    known = [value for value in values if value in PRIVATE_REFERRERS | UNSAFE_REFERRERS]
    if not known:
        return "referrer-policy-header-invalid", -5
    if known[-1] in PRIVATE_REFERRERS:
        return "referrer-policy-private", 5
    return "referrer-policy-unsafe", -5


class ScriptFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes)


def sri_result(response, host):
    if not response.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html", 0
    finder = ScriptFinder()
    finder.feed(response.content.decode())
    if not finder.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = [script for script in finder.scripts if urlsplit(script["src"]).netloc not in ("", host)]
    with_integrity = all(script.get("integrity") for script in finder.scripts)
    insecure = any(not script["src"].startswith("https://") for script in external)
    if not external:
        if with_integrity:
            return "sri-implemented-and-all-scripts-loaded-securely", 5
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    if with_integrity:
        if insecure:
            return "sri-implemented-but-external-scripts-not-loaded-securely", -20
        return "sri-implemented-and-external-scripts-loaded-securely", 5
    if insecure:
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def nosniff_result(response):
    header = response.get("X-Content-Type-Options")
    if not header:
        return "x-content-type-options-not-implemented", -5
    if header.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def frame_options_result(response):
    if "frame-ancestors" in parse_csp(response.get("Content-Security-Policy", "")):
        return "x-frame-options-implemented-via-csp", 5
    header = response.get("X-Frame-Options", "").strip().lower()
    if header in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if header.startswith("allow-from"):
        return "x-frame-options-allow-from-origin", 0
    if not header:
        return "x-frame-options-not-implemented", -20
    return "x-frame-options-header-invalid", -20


def corp_result(response):
    header = response.get("Cross-Origin-Resource-Policy", "").strip().lower()
    results = {
        "": ("cross-origin-resource-policy-not-implemented", 0),
        "same-origin": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
        "same-site": ("cross-origin-resource-policy-implemented-with-same-site", 10),
        "cross-origin": ("cross-origin-resource-policy-implemented-with-cross-origin", 0),
    }
    return results.get(header, ("cross-origin-resource-policy-header-invalid", -5))


def scan(client, path, host="testserver"):
    """
    Scan ``path`` as the Observatory would: over http first (the redirection),
    then over https with a foreign Origin. Return the score and each test's result.
    """
    plain = client.get(path)
    response = client.get(path, secure=True, HTTP_ORIGIN=FOREIGN_ORIGIN)
    assert 200 <= response.status_code < 300, f"{path} answered {response.status_code}"
    cookies = {**plain.cookies, **response.cookies}
    results = {
        "content-security-policy": csp_result(response),
        "cookies": cookies_result(cookies, hsts_passes(response)),
        "cross-origin-resource-sharing": cors_result(response),
        "redirection": redirection_result(plain, host),
        "referrer-policy": referrer_result(response),
        "strict-transport-security": hsts_result(response),
        "subresource-integrity": sri_result(response, host),
        "x-content-type-options": nosniff_result(response),
        "x-frame-options": frame_options_result(response),
        "cross-origin-resource-policy": corp_result(response),
    }
    modifiers = [modifier for _result, modifier in results.values()]
    uncurved = 100 + sum(modifier for modifier in modifiers if modifier < 0)
    score = 100 + sum(modifiers) if uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else uncurved
    return max(score, 0), results
