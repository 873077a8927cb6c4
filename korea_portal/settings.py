"""
Settings for Korea Portal, read from the environment.

With no variable set the site runs locally and safely: DEBUG off, SQLite under
``var/``, mail written as files under ``var/mail/``, media under ``var/media/``
and a local-memory cache. Production is switched on by variables alone:

- ``DJANGO_SECRET_KEY``: required as soon as the site answers to any host
  but this machine's (``DJANGO_ALLOWED_HOSTS``) or ``DJANGO_SECURE=1``;
  without either, a fixed local key is used.
- ``DATABASE_URL``: ``postgres://user:password@host:5432/name`` (psycopg 3).
- ``DATABASE_REPLICA_URL``: a read replica of that database, for anonymous
  reads of public pages (``korea_portal/db_router.py``).
- ``REDIS_URL``: ``redis://host:6379/0`` for the shared cache and rate limits;
  required with ``DJANGO_SECURE=1``. Without it, rate limits and lockout
  counts live in a database table every worker shares.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``: SMTP; without ``EMAIL_HOST`` mail goes to files.
- ``DJANGO_SECURE=1``: HTTPS-only cookies, HSTS and the SSL redirect.
- ``AWS_STORAGE_BUCKET_NAME`` and companions: media on S3-compatible storage.
- ``DJANGO_LOG_FORMAT``, ``DJANGO_METRICS_ALLOWED_NETWORKS``,
  ``DJANGO_HEALTH_CHECK_TIMEOUT``: logs, metrics and readiness (README).
- ``CELERY_BROKER_URL`` (else ``REDIS_URL``): the task broker; without one,
  tasks run in the web process right after the commit.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE as CSP_NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def media_origin(custom_domain, endpoint_url):
    """The origin (scheme://host[:port]) media URLs point at, from the custom domain or the endpoint."""
    if custom_domain:
        return f"https://{custom_domain.strip('/')}"
    parts = urlsplit(endpoint_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"AWS_S3_ENDPOINT_URL must be an http(s) URL, not {endpoint_url!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def object_storage(*, endpoint_url, **options):
    """
    The ``STORAGES`` entry of media on S3-compatible object storage (django-storages).

    S3-compatible stores are reached by path (endpoint/bucket/name). No
    object gets an ACL of its own: the bucket's policy says who may read. A
    new upload under a taken name gets another name, as on disk, and never
    replaces a file. Objects are kept by browsers as long as
    deploy/nginx.conf keeps local media: a changed picture gets a new name.
    """
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "endpoint_url": endpoint_url,
            "addressing_style": "path" if endpoint_url else None,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
            **options,
        },
    }


def env_networks(name, default):
    """A comma-separated list of networks (CIDR) from the environment, each checked."""
    networks = env_list(name, default)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {network!r} is not a network (CIDR, e.g. 10.0.0.0/8).") from None
    return [str(ipaddress.ip_network(network, strict=False)) for network in networks]


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
    SECRET_KEY = "local-only-insecure-key-do-not-use-in-production"  # noqa: S105  # nosec B105  # refused above unless local
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
    "csp",
    # The rich-text editor's static files (ProseMirror / Tiptap); news.admin_forms sets it up.
    "django_prose_editor",
    # Revisions of articles, partners, summits and trade figures (core/history.py).
    "reversion",
    "korea_portal",
    "core",
    "news",
    "relations",
    "newsletter",
    "accounts",
    "community",
]

MIDDLEWARE = [
    # Counts every request and its latency by view (django-prometheus, with its pair last).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id, and one log line per request (core/logging.py).
    "core.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so that static files carry it too.
    "korea_portal.middleware.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A NUL character in the path, a parameter or a cookie is a 400, before anything reads it.
    "korea_portal.middleware.RefuseNulMiddleware",
    # The anonymous page cache stores a page here, after every header and cookie is set…
    "korea_portal.cache.UpdatePageCacheMiddleware",
    # …the Content-Security-Policy header included (see korea_portal/cache.py).
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Remembers the language of a page in another language than "/" would choose.
    "korea_portal.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this request's reads may go to the read replica (korea_portal/db_router.py).
    "korea_portal.db_router.ReplicaReadMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # …and serves it from here, once the language is known.
    "korea_portal.cache.FetchPageCacheMiddleware",
    # A view that fails for want of the database answers 503 (korea_portal/outage.py).
    "korea_portal.outage.DatabaseOutageMiddleware",
    # Axes last, so that it sees the authenticated user.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
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
CONNECTION_OPTIONS = {"conn_max_age": int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")), "conn_health_checks": True}
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", **CONNECTION_OPTIONS)}
database_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Concurrent writers wait for each other instead of failing with "database
    # is locked": a transaction takes the write lock when it begins (a read
    # that later writes cannot deadlock with another writer), a writer waits
    # up to the busy timeout, and the WAL journal lets readers go on while one
    # writes. synchronous=NORMAL is safe with WAL (a power cut may lose the
    # last commits, never corrupt the file).
    database_options.setdefault("transaction_mode", "IMMEDIATE")
    database_options.setdefault("timeout", int(os.environ.get("DJANGO_DB_BUSY_TIMEOUT", "20")))
    database_options.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer cannot hold a worker: connecting gives up
    # after DJANGO_DB_CONNECT_TIMEOUT seconds, and the server cancels any
    # statement running longer than DJANGO_DB_STATEMENT_TIMEOUT_MS (0: never).
    # Either failure is answered 503 (korea_portal/outage.py).
    database_options.setdefault("connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")))
    statement_timeout = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT_MS", "15000"))
    server_options = f"{database_options.get('options', '')} -c statement_timeout={statement_timeout}"
    database_options["options"] = server_options.strip()
# Seconds a visitor is asked to wait (Retry-After) when the database is unavailable.
DATABASE_OUTAGE_RETRY_AFTER = int(os.environ.get("DJANGO_DB_OUTAGE_RETRY_AFTER", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Each request is one transaction: a view that fails half-way leaves nothing
# half-saved (mail is sent on commit: core/mail.py).
DATABASES["default"]["ATOMIC_REQUESTS"] = True

# A read replica of the primary (PostgreSQL streaming replication): anonymous
# reads of public pages go there, everything else to the primary
# (korea_portal/db_router.py). Same connection options as the primary; no
# transaction per request (nothing is written there); never migrated; in the
# test suite the primary's own test database.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL (the primary it replicates).")
    replica = dj_database_url.parse(DATABASE_REPLICA_URL, **CONNECTION_OPTIONS)
    DATABASES["replica"] = {
        **replica,
        # The primary's timeouts, and whatever the replica's URL adds (?sslmode=…).
        "OPTIONS": {**database_options, **replica.get("OPTIONS", {})},
        "ATOMIC_REQUESTS": False,
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["korea_portal.db_router.ReplicaRouter"]
# django-prometheus's backend of the same database counts its connections and
# queries (core/metrics.py); it is Django's own backend otherwise. Last, once
# every check above has read the engine's own name.
for database in DATABASES.values():
    database["ENGINE"] = database["ENGINE"].replace("django.db.backends.", "django_prometheus.db.backends.", 1)

# Cache: Redis when REDIS_URL is set (shared by every worker). Without it the
# page cache is each worker's own memory (see README, Performance), but rate
# limits and lockout counts go to a database table that every worker shares,
# so that two workers do not allow twice the limit: they are never kept in a
# worker's memory, in production or not, so a one-machine production site
# (DESIGN.md: gunicorn workers over SQLite or PostgreSQL, no Redis) is safe.
# The table is made by a migration (core/migrations/0001_shared_cache_table.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
SHARED_CACHE_TABLE = "core_shared_cache"
if REDIS_URL:
    redis_cache = {
        "BACKEND": "core.metrics.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "portal"),
    }
    CACHES = {"default": redis_cache, "shared": redis_cache}
else:
    CACHES = {
        "default": {"BACKEND": "core.metrics.LocMemCache"},
        "shared": {"BACKEND": "core.metrics.DatabaseCache", "LOCATION": SHARED_CACHE_TABLE},
    }
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
# set DJANGO_TRUST_X_FORWARDED_FOR=1 so that rate limits and django-axes see
# the client, not the proxy (both ask core.ratelimit.client_address). Never set
# it without such a proxy: clients could then pick their address.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR")

# Brute-force protection (django-axes, and accounts/lockout.py), for the
# admin's login and the password forms too. Failures count against one account
# *from one address*: after AXES_FAILURE_LIMIT of them that pair is refused for
# AXES_COOLOFF_HOURS. Guesses at made-up accounts from one address (behind a
# proxy everyone may share one) lock no one else out. Against one account
# guessed from many addresses, LOGIN_ACCOUNT_FAILURE_LIMIT (failures, seconds)
# locks the account, from everywhere, for the rest of that window: a short
# lock, which its owner can lift at once through the password-reset mail.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "accounts.lockout.AccountLockoutHandler"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
LOGIN_ACCOUNT_FAILURE_LIMIT = (
    int(os.environ.get("LOGIN_ACCOUNT_FAILURE_LIMIT", "20")),
    int(os.environ.get("LOGIN_ACCOUNT_LOCK_SECONDS", "300")),
)
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
SECTION_PAGES = {"korea-and-the-world": "relations:partners"}
# What the search page shows above the articles ("best bets"): a function of (query, language).
SEARCH_BEST_BETS = "relations.search.best_bets"

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
# Where collectstatic writes its manifest: not under STATIC_ROOT, which is served.
STATIC_MANIFEST_ROOT = VAR_DIR / "static-manifest"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "korea_portal.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Where `make backup` writes and `make restore` looks (korea_portal/backups.py).
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", VAR_DIR / "backups"))
# Serve uploaded media from Django itself (korea_portal.urls.serve_media) where
# no front proxy does: locally, and under `make serve`, which sets
# DJANGO_SERVE_MEDIA=1. In production the front proxy serves /media/ from
# MEDIA_ROOT (deploy/nginx.conf), so with DJANGO_SECURE=1 Django does not.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=not SECURE)

# Media on S3-compatible object storage (django-storages) when a bucket is
# named: every upload and rendition goes through the storage API, and media
# URLs point at the store (or AWS_S3_CUSTOM_DOMAIN, a CDN before it), so
# Django does not serve /media/. MEDIA_ORIGIN is where pages load them from,
# for the Content-Security-Policy below. Media are public by plain URL
# (AWS_QUERYSTRING_AUTH off): a signed URL would expire inside a cached page.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGIN = ""
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "") or None
    if not (AWS_S3_ENDPOINT_URL or AWS_S3_CUSTOM_DOMAIN or AWS_S3_REGION_NAME):
        raise ImproperlyConfigured(
            "With AWS_STORAGE_BUCKET_NAME, set AWS_S3_ENDPOINT_URL (an S3-compatible store), "
            "AWS_S3_REGION_NAME (Amazon S3) or AWS_S3_CUSTOM_DOMAIN."
        )
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH")
    if AWS_QUERYSTRING_AUTH and not AWS_S3_ENDPOINT_URL or AWS_QUERYSTRING_AUTH and AWS_S3_CUSTOM_DOMAIN:
        # django-storages signs only the store's own URLs, never a custom domain's.
        raise ImproperlyConfigured(
            "AWS_QUERYSTRING_AUTH=1 needs AWS_S3_ENDPOINT_URL (https://s3.<region>.amazonaws.com on Amazon S3) "
            "and no AWS_S3_CUSTOM_DOMAIN: signed URLs are the store's own."
        )
    if not AWS_S3_ENDPOINT_URL and not AWS_S3_CUSTOM_DOMAIN:
        # Amazon S3 itself: the bucket's own host, which the CSP can name.
        AWS_S3_CUSTOM_DOMAIN = f"{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
    MEDIA_ORIGIN = media_origin(AWS_S3_CUSTOM_DOMAIN, AWS_S3_ENDPOINT_URL)
    STORAGES["default"] = object_storage(
        bucket_name=AWS_STORAGE_BUCKET_NAME,
        endpoint_url=AWS_S3_ENDPOINT_URL,
        region_name=AWS_S3_REGION_NAME,
        custom_domain=AWS_S3_CUSTOM_DOMAIN,
        access_key=os.environ.get("AWS_ACCESS_KEY_ID", "") or None,
        secret_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "") or None,
        querystring_auth=AWS_QUERYSTRING_AUTH,
    )
    SERVE_MEDIA = False
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

# Background tasks (korea_portal/celery.py): mail, image renditions, the newsletter, the schedules.
# A broker (Redis or RabbitMQ, by URL) sends them to `make worker`; without one
# they run in the process that queued them, right after its transaction commits
# (eager mode), so one machine needs no broker and no worker.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Celery's own default is amqp://localhost: a task published by mistake
    # must stay in this process, not reach whatever RabbitMQ the machine runs.
    CELERY_BROKER_URL = "memory://"
# An eager task's error is logged (celery.app.trace), never raised into the request that queued it.
CELERY_TASK_EAGER_PROPAGATES = False
# Nobody waits for a task's result: no result backend, nothing stored.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
# JSON only: a message from the broker can never make a worker unpickle code.
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
# Every task is idempotent, so a message is acknowledged once its task is done,
# and a task whose worker died is delivered again; one message at a time per
# worker process, so that a busy process does not hold messages another could run.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Processes of one worker (`make worker`, `make serve`): tasks at once.
CELERY_WORKER_CONCURRENCY = int(os.environ.get("CELERY_WORKER_CONCURRENCY", "2"))
# A task running longer is told at the soft limit, then stopped (the newsletter's task has its own).
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 150
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers an unacknowledged message after this many seconds: longer than any task and any retry's wait.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
# Django's LOGGING stays in charge of the workers' log too.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# How many times a mail is tried again after its mail server failed (waiting 1 s, 2 s, 4 s … up to 10 minutes).
MAIL_MAX_RETRIES = int(os.environ.get("MAIL_MAX_RETRIES", "6"))
# Newsletter subscriptions never confirmed are deleted after this many days.
NEWSLETTER_UNCONFIRMED_DAYS = int(os.environ.get("NEWSLETTER_UNCONFIRMED_DAYS", "7"))
if NEWSLETTER_UNCONFIRMED_DAYS < 1:
    raise ImproperlyConfigured("NEWSLETTER_UNCONFIRMED_DAYS must be a whole number of days, at least 1.")
# What celery beat runs (times in TIME_ZONE, Seoul). The page-cache task is what
# makes a scheduled article appear on the home page at its publish time.
CELERY_BEAT_SCHEDULE = {
    "weekly-newsletter": {
        "task": "newsletter.tasks.send_newsletter",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
    },
    "remove-unconfirmed-subscriptions": {
        "task": "newsletter.tasks.remove_unconfirmed_subscriptions",
        "schedule": crontab(hour=3, minute=30),
    },
    "clear-expired-sessions": {
        "task": "korea_portal.tasks.clear_expired_sessions",
        "schedule": crontab(hour=4, minute=0),
    },
    # Every 15 s, so that a scheduled article is on the home page within 15 s of its time.
    "show-scheduled-articles": {
        "task": "korea_portal.tasks.show_scheduled_articles",
        "schedule": 15.0,
        # A run that waited longer than the next is pointless: the next covers its interval.
        "options": {"expires": 14},
    },
}

# Security headers (always on; the HTTPS-only ones with DJANGO_SECURE=1).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Cross-Origin-Resource-Policy, on every answer and static file (korea_portal/middleware.py).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Only the server reads the language cookie.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Static files are for our own pages: no Access-Control-Allow-Origin: *.
WHITENOISE_ALLOW_ALL_ORIGINS = False

# Content-Security-Policy (django-csp) on every page: nothing but our own
# scripts, styles, images and fonts, no inline script or style. A template
# that truly needs an inline <script> gives it nonce="{{ request.csp_nonce }}"
# (the nonce is then added to that answer's header); the public templates have
# none (tests/korea_portal/test_security.py), so their pages carry a policy
# without a nonce and may be served from the page cache (korea_portal/cache.py).
# Django's admin and modeltranslation's tabs need nothing more: they load
# every script and style from files (tests/browser/test_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'", CSP_NONCE],
        "style-src": ["'self'", CSP_NONCE],
        # Media on object storage come from its origin.
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}

if SECURE:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # __Host- cookies are only accepted over HTTPS, for this exact host and path "/":
    # no other subdomain can set or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs on stderr: one JSON object a line with DJANGO_LOG_FORMAT=json (the
# default with DJANGO_SECURE=1, for a log collector), plain text otherwise.
# Every record carries the request's id (core/logging.py). In JSON, each
# request is also logged as one line (core.requests at INFO); in plain text
# gunicorn's access log (on stdout, in both forms) is the line per request.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "json" if SECURE else "plain")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "core.requests": {"level": "INFO" if LOG_FORMAT == "json" else LOG_LEVEL},
        # The request log says what django.request would say about a 404 or a 500's status.
        "django.request": {"level": "ERROR" if LOG_FORMAT == "json" else LOG_LEVEL},
        # One line per mail and per scheduled job (never a mail's text): what an operator checks first.
        **{
            name: {"level": os.environ.get("DJANGO_TASK_LOG_LEVEL", "INFO")}
            for name in ("core.tasks", "news.tasks", "newsletter.tasks", "korea_portal.tasks")
        },
    },
}

# /metrics (core/metrics.py) answers these networks only; a 404 for others.
METRICS_ALLOWED_NETWORKS = env_networks("DJANGO_METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
# Seconds /readyz waits for the database, the cache and the broker (core/health.py).
HEALTH_CHECK_TIMEOUT = float(os.environ.get("DJANGO_HEALTH_CHECK_TIMEOUT", "3"))
