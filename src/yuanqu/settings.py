"""Settings for yuanqu, read from the environment in this one place.

The embedded default needs nothing: SQLite in ``$YUANQU_DATA_DIR`` (default ``./var``), local-memory
cache, work done in process, and a secret key generated into the data directory. The scale path is
switched on by environment variables (``DATABASE_URL``, ``REDIS_URL``). With ``YUANQU_ENV=production``
a half-configured deployment fails loudly at start-up instead of running with unsafe defaults.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


def embedded_secret_key(data_dir: Path) -> str:
    """Return the key kept in the data directory, creating it (mode 0600) on first use."""
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


YUANQU_ENV = os.environ.get("YUANQU_ENV", "embedded").strip().lower()
if YUANQU_ENV not in {"embedded", "production"}:
    raise ImproperlyConfigured("YUANQU_ENV must be 'embedded' or 'production'.")
PRODUCTION = YUANQU_ENV == "production"

DATA_DIR = Path(os.environ.get("YUANQU_DATA_DIR", "var")).resolve()
DEBUG = env_bool("YUANQU_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if PRODUCTION:
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not os.environ.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"YUANQU_ENV=production needs {', '.join(missing)} set in the environment."
        )
    if DEBUG:
        raise ImproperlyConfigured("YUANQU_DEBUG must be off when YUANQU_ENV=production.")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak for production: use at least 50 random characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
elif not SECRET_KEY:
    SECRET_KEY = embedded_secret_key(DATA_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "yuanqu",
    "yuanqu.regions",
    "yuanqu.news",
    "yuanqu.audit",
    "yuanqu.parks",
    "yuanqu.accounts",
    "yuanqu.moderation",
    "yuanqu.publishing",
    "yuanqu.search",
    "django_ratelimit",
]

MIDDLEWARE = [
    "yuanqu.security.ClientAddressMiddleware",
    "yuanqu.uploads.BodyLimitMiddleware",
    "yuanqu.security.InputGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "yuanqu.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "yuanqu.urls"
CSRF_FAILURE_VIEW = "yuanqu.views.csrf_failure"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "publishing:dashboard"
LOGOUT_REDIRECT_URL = "news:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
WSGI_APPLICATION = "yuanqu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "yuanqu.context_processors.site",
                "yuanqu.regions.context_processors.regions",
            ],
        },
    },
]


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "yuanqu.sqlite3",
        "OPTIONS": {
            # WAL lets readers carry on while one writer writes; IMMEDIATE takes the write lock
            # at BEGIN so concurrent writers queue on the busy timeout instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA mmap_size=2147483648; PRAGMA cache_size=-32768;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "yuanqu",
        }
    }
    # Write-through: sessions survive a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate limits count in the cache: Redis on the scale path (shared by every worker and machine);
# in the embedded default each worker process counts on its own, so a limit is per worker.
CACHES["ratelimit"] = (
    {**CACHES["default"], "KEY_PREFIX": "yuanqu-rl"}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
)
RATELIMIT_USE_CACHE = "ratelimit"
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names let browsers cache assets forever; `yuanqu serve` runs collectstatic first.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    # Behind the shipped proxy, which terminates TLS and says so in X-Forwarded-Proto. HTTPS is
    # required (plain HTTP is redirected) and browsers are told to keep to it (HSTS); set
    # YUANQU_HTTPS=off only for a deployment that truly has no TLS in front of it.
    HTTPS = env_bool("YUANQU_HTTPS", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = HTTPS
    SECURE_HSTS_SECONDS = int(os.environ.get("YUANQU_HSTS_SECONDS", "31536000")) if HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("YUANQU_HSTS_SUBDOMAINS", False)
    SESSION_COOKIE_SECURE = env_bool("YUANQU_SECURE_COOKIES", HTTPS)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Pages need no inline script or style and load nothing from elsewhere: the policy says so, and
# the browser refuses anything injected. Uploaded media are sandboxed on top (news.views.media).
YUANQU_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The client's address, for rate limits and the audit log: REMOTE_ADDR, or with N trusted
# proxies in front (the shipped nginx: 1), the address the Nth proxy from us saw.
YUANQU_TRUSTED_PROXIES = int(os.environ.get("YUANQU_TRUSTED_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("YUANQU_LOG_LEVEL", "WARNING")},
}

# What the site says about its operator; shown in the footer, the about page and the report page.
YUANQU_SITE_NAME = os.environ.get("YUANQU_SITE_NAME", "园区网")
YUANQU_OPERATOR = os.environ.get("YUANQU_OPERATOR", "")
YUANQU_REPORT_EMAIL = os.environ.get("YUANQU_REPORT_EMAIL", "report@localhost")
YUANQU_REPORT_PHONE = os.environ.get("YUANQU_REPORT_PHONE", "")
YUANQU_ICP = os.environ.get("YUANQU_ICP", "")
YUANQU_NEWS_PER_PAGE = 20

# Search: "auto" takes the backend of the configured database (SQLite FTS5 or PostgreSQL).
YUANQU_SEARCH_BACKEND = os.environ.get("YUANQU_SEARCH_BACKEND", "auto")

# Self-publishing and moderation.
YUANQU_SMS_BACKEND = os.environ.get("YUANQU_SMS_BACKEND", "yuanqu.accounts.sms.ConsoleSender")
EMAIL_BACKEND = os.environ.get(
    "YUANQU_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("YUANQU_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("YUANQU_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("YUANQU_EMAIL_FROM", YUANQU_REPORT_EMAIL)
YUANQU_UPLOAD_MAX_BYTES = 10 * 2**20  # one picture or proof file
# A whole request (three pictures and the form); refused larger before it is read, as the shipped
# nginx configuration does (client_max_body_size). Files go to temporary files, never memory.
YUANQU_REQUEST_MAX_BYTES = 32 * 2**20
FILE_UPLOAD_HANDLERS = ["yuanqu.uploads.LimitedUploadHandler"]
DATA_UPLOAD_MAX_NUMBER_FILES = 8
YUANQU_UPLOAD_MAX_PIXELS = 40_000_000
# Rate limits (django-ratelimit syntax), per client address unless stated.
YUANQU_RATES = {
    "login": os.environ.get("YUANQU_RATE_LOGIN", "10/10m"),
    "register": os.environ.get("YUANQU_RATE_REGISTER", "5/h"),
    "code": os.environ.get("YUANQU_RATE_CODE", "5/h"),
    "submit": os.environ.get("YUANQU_RATE_SUBMIT", "30/h"),
    "report": os.environ.get("YUANQU_RATE_REPORT", "5/10m"),
    "notice": os.environ.get("YUANQU_RATE_NOTICE", "5/h"),
    "notice_sender": os.environ.get("YUANQU_RATE_NOTICE_SENDER", "10/d"),  # per e-mail address
}
# Hours moderators have to answer, by report category (and for submissions and notices).
YUANQU_DEADLINE_HOURS = {
    "illegal": 2,
    "terror": 2,
    "obscene": 6,
    "rumour": 24,
    "defamation": 24,
    "enterprise": 24,
    "privacy": 24,
    "copyright": 24,
    "advertising": 72,
    "other": 72,
    "submission": 24,
    "appeal": 72,
    "notice": 24,  # a rights holder's notice waiting for a moderator
}
# Rights holders' notices: how many items of uploaders one confirmed notice takes down at once
# (the rest, and editorial articles, wait for a moderator), and how many it may name at all.
YUANQU_NOTICE_INSTANT_ITEMS = int(os.environ.get("YUANQU_NOTICE_INSTANT_ITEMS", "3"))
YUANQU_NOTICE_MAX_ITEMS = int(os.environ.get("YUANQU_NOTICE_MAX_ITEMS", "20"))
if os.environ.get("YUANQU_DEADLINE_HOURS"):
    import json

    YUANQU_DEADLINE_HOURS.update(json.loads(os.environ["YUANQU_DEADLINE_HOURS"]))
