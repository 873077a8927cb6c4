"""
Settings for Korea Portal, read from the environment.

With no variable set the site runs locally and safely: DEBUG off, SQLite under
``var/``, mail written as files under ``var/mail/``, media under ``var/media/``
and a local-memory cache. Production is switched on by variables alone:

- ``DJANGO_SECRET_KEY``: required as soon as the site answers to any host
  but this machine's (``DJANGO_ALLOWED_HOSTS``) or ``DJANGO_SECURE=1``;
  without either, a fixed local key is used.
- ``DATABASE_URL``: ``postgres://user:password@host:5432/name`` (psycopg 3).
- ``REDIS_URL``: ``redis://host:6379/0`` for the shared cache and rate limits.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``: SMTP; without ``EMAIL_HOST`` mail goes to files.
- ``DJANGO_SECURE=1``: HTTPS-only cookies, HSTS and the SSL redirect.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
SECURE = env_bool("DJANGO_SECURE")

LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ",".join(LOCAL_HOSTS))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if SECURE or set(ALLOWED_HOSTS) - set(LOCAL_HOSTS):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set for a site that answers to other hosts than this machine."
        )
    # A fixed key is acceptable only for a site nobody else can reach.
    SECRET_KEY = "local-only-insecure-key-do-not-use-in-production"  # noqa: S105
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SITE_NAME = "Korea Portal"
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "korea_portal",
    "core",
    "news",
    "relations",
    "accounts",
    "community",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A NUL character in the path, a parameter or a cookie is a 400, before anything reads it.
    "korea_portal.middleware.RefuseNulMiddleware",
    # The anonymous page cache stores a page here, after every header and cookie is set…
    "korea_portal.cache.UpdatePageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Remembers the language of a page in another language than "/" would choose.
    "korea_portal.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # …and serves it from here, once the language is known.
    "korea_portal.cache.FetchPageCacheMiddleware",
    # Axes last, so that it sees the authenticated user.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "korea_portal.urls"
WSGI_APPLICATION = "korea_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "korea_portal.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every worker), else local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds an anonymous public page may be served from the cache.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "60"))
# Apps whose saves and deletes empty the page cache at once (see korea_portal/cache.py).
PAGE_CACHE_CONTENT_APPS = ["news", "relations"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "home"

# Behind a reverse proxy that appends the client's address to X-Forwarded-For,
# set DJANGO_TRUST_X_FORWARDED_FOR=1 so rate limits see the client, not the
# proxy. Never set it without such a proxy: clients could then pick their
# address. (django-axes reads REMOTE_ADDR: see AXES_IPWARE_* in its docs.)
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR")

# Brute-force protection (django-axes): lock an account, or an address, after
# repeated failures, for the admin login too.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The name typed, cut to the length axes stores (a longer one was a 500 on PostgreSQL).
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"

# Articles one registered user may e-mail in an hour (each sending counts once,
# whatever its number of recipients); the next is refused with HTTP 429.
EMAIL_ARTICLE_LIMIT_PER_HOUR = int(os.environ.get("EMAIL_ARTICLE_LIMIT_PER_HOUR", "10"))
# How many articles one recipient address may be sent in an hour, by anyone:
# new accounts are cheap, so the per-sender limit alone would not stop spam.
EMAIL_ARTICLE_LIMIT_PER_RECIPIENT = int(os.environ.get("EMAIL_ARTICLE_LIMIT_PER_RECIPIENT", "3"))

# How many runs of send_newsletter try one subscriber's mail before giving up
# on that address for that issue, so that one bouncing address cannot hold an
# issue open for everyone.
NEWSLETTER_MAX_ATTEMPTS = int(os.environ.get("NEWSLETTER_MAX_ATTEMPTS", "3"))

# Sections whose page is another app's page, by URL name: the world section's
# page lists the partners (its relation articles are not news articles).
SECTION_PAGES = {"korea-and-the-world": "relations:countries"}

# The Open Forum: at most this many posts by one account per this many seconds.
FORUM_POST_LIMIT = (5, 600)

# Internationalisation. Language codes are fixed: they name the translated
# columns (title_zh_hans) and every public URL (/zh-hans/).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("vi", _("Vietnamese")),
    ("ru", _("Russian")),
    ("zh-hans", _("Simplified Chinese")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Seoul"
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The tabbed translation admin needs jQuery UI: serve our own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Serve uploaded media from Django itself (local use); production serves them
# from object storage or the web server and sets DJANGO_SERVE_MEDIA=0.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=not SECURE)
# Largest image an editor may upload, in bytes and in pixels.
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
# Widths of the renditions made once for every uploaded image.
IMAGE_RENDITION_WIDTHS = (320, 640, 1024)

# Mail: SMTP when EMAIL_HOST is set, else one file per message under var/mail/.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Korea Portal <webmaster@korea-portal.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WEBMASTER_EMAIL = os.environ.get("DJANGO_WEBMASTER_EMAIL", "webmaster@korea-portal.example")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Security headers (always on; the HTTPS-only ones with DJANGO_SECURE=1).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if SECURE:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
