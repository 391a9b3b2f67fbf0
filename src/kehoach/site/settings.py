"""Django settings for kehoach.

Every setting that differs between machines comes from the environment:

- ``DATABASE_URL`` (dj-database-url syntax) selects the database, e.g. PostgreSQL;
  without it kehoach uses SQLite at ``$KEHOACH_DB`` or ``./kehoach.sqlite3``.
- ``SECRET_KEY``: required in production; a development default otherwise.
- ``KEHOACH_DEBUG``: "0" turns debug mode off (on by default: kehoach runs as a local tool).
- ``ALLOWED_HOSTS``: comma-separated host names.
- ``KEHOACH_STATIC_ROOT``: where ``collectstatic`` puts the static files that whitenoise serves.
- ``KEHOACH_MEDIA_ROOT``: where uploaded files (evidence of progress) are kept.
- ``REDIS_URL`` (``redis://127.0.0.1:6379/0``): the cache every server process shares (the kept
  assessment, ``kehoach.apps.assessment.shared``); without it, the database's cache table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/kehoach


def database_config(environ: Mapping[str, str]) -> dict:
    """The default database: DATABASE_URL when set, SQLite at KEHOACH_DB or ./kehoach.sqlite3 otherwise."""
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        return dj_database_url.parse(url, conn_max_age=0)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": environ.get("KEHOACH_DB", "").strip() or "kehoach.sqlite3",
        "OPTIONS": sqlite_options(environ),
    }


def sqlite_options(environ: Mapping[str, str]) -> dict:
    """SQLite under concurrent writers: write-ahead logging (readers never wait for a writer), a busy
    timeout (a writer waits for the other instead of failing at once) and transactions that take the
    write lock when they begin (no deadlock when two readers both want to write). A lock that still
    outlasts the timeout answers 503 with Retry-After (``kehoach.web.hardening.DatabaseBusy``)."""
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": float(environ.get("KEHOACH_SQLITE_BUSY_SECONDS", "") or 20),
        "transaction_mode": "IMMEDIATE",
    }


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-set-SECRET_KEY-in-production")
DEBUG = os.environ.get("KEHOACH_DEBUG", "1") != "0"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "django_filters",
    "django_tables2",
    "ninja",  # the API's Swagger UI files, served from here (no CDN)
    "kehoach.apps.organisations",
    "kehoach.apps.review",
    "kehoach.apps.approvals",
    "kehoach.apps.workspace",
    "kehoach.apps.inbox",
    "kehoach.apps.documents",
    "kehoach.apps.plan_import",  # storing a parsed document (the plan), its upload pages and commands
    "kehoach.apps.indicators",
    "kehoach.apps.tasks",
    "kehoach.apps.projects",
    "kehoach.apps.obligations",
    "kehoach.apps.figures",
    "kehoach.apps.assessment",
    "kehoach.apps.reports",
    "kehoach.apps.steering",
    "kehoach.apps.dashboard",
    "kehoach.apps.history",
    "kehoach.apps.api",
    "kehoach.apps.backup",
    "kehoach.apps.demo",
    "kehoach.web",
    "kehoach.apps.accounts",  # last: its post_migrate step needs every other app's permissions
]

MIDDLEWARE = [
    "kehoach.web.hardening.ContentSecurityPolicy",
    "kehoach.web.hardening.BodyLimit",  # before anything reads an API request's body: 413
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files from KEHOACH_STATIC_ROOT (kehoach serve)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kehoach.web.language.ChosenLanguageMiddleware",  # Vietnamese unless the person chose English
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kehoach.web.hardening.IdleTimeout",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "kehoach.web.hardening.DateBounds",
    "kehoach.web.hardening.DatabaseBusy",
]

ROOT_URLCONF = "kehoach.site.urls"
WSGI_APPLICATION = "kehoach.site.wsgi.application"

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
                "kehoach.web.context_processors.kehoach",
                "kehoach.apps.inbox.context.inbox",  # the header's badge of unread notices
            ],
        },
    },
]

DATABASES = {"default": database_config(os.environ)}


CACHE_TABLE = "kehoach_cache"


def cache_config(environ: Mapping[str, str]) -> dict:
    """The cache all server processes share: Redis at REDIS_URL, else a table of the database.

    The "database" cache is always configured, so its table exists (created by a migration) and a
    server can move between the two without a step of its own."""
    database = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE,
                "KEY_PREFIX": "kehoach"}
    url = environ.get("REDIS_URL", "").strip()
    default = ({"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "kehoach"}
               if url else database)
    return {"default": default, "database": database}


CACHES = cache_config(os.environ)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("KEHOACH_STATIC_ROOT", "static")
MEDIA_ROOT = os.environ.get("KEHOACH_MEDIA_ROOT", "")  # uploaded files (evidence); "": the working folder
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic also writes gzip copies that whitenoise serves to clients that accept them
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table"}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# -- hardening (docs/security.md) -------------------------------------------------------------------
# Argon2 first: new and re-saved passwords are hashed with it; older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Uploads: a request body (outside files) up to 5 MB; files above 5 MB go to a temporary file, and
# the upload forms refuse anything above their own limit (documents 5 MB, workspace Excel 5 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Sign-in throttling (kehoach.apps.accounts.throttle): after this many failed sign-ins of a user
# name (or from one address, four times as many) within the window, sign-in is refused until it ends.
KEHOACH_LOGIN_FAILURES = int(os.environ.get("KEHOACH_LOGIN_FAILURES", "5"))
KEHOACH_LOGIN_WINDOW_MINUTES = int(os.environ.get("KEHOACH_LOGIN_WINDOW_MINUTES", "15"))
# Where the client's address is (behind a reverse proxy: the header it sets, e.g. HTTP_X_REAL_IP).
KEHOACH_CLIENT_ADDRESS_HEADER = os.environ.get("KEHOACH_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
# Maker-checker (kehoach.apps.accounts.roles.check_maker_checker): whoever entered or submitted a
# figure or a progress update may not approve or publish it. "1" relaxes it for a one-person
# office; every such approval says so in the history.
KEHOACH_ALLOW_SELF_APPROVAL = os.environ.get("KEHOACH_ALLOW_SELF_APPROVAL", "0") == "1"
# The key of the backups' HMAC-SHA256 signature (kehoach.apps.backup.signature); SECRET_KEY when unset.
KEHOACH_BACKUP_KEY = os.environ.get("KEHOACH_BACKUP_KEY", "")
# A signed-in session unused for this many minutes ends (kehoach.web.hardening.IdleTimeout).
KEHOACH_IDLE_MINUTES = int(os.environ.get("KEHOACH_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = int(os.environ.get("KEHOACH_SESSION_HOURS", "12")) * 3600  # at most a working day
# The Retry-After of a 503 when the database stays locked (SQLite).
KEHOACH_RETRY_AFTER_SECONDS = 5
# Figures: a period's year within the plan documents' years give or take this many years; the flow
# indicators whose figures may be negative (keys, comma-separated: a balance).
KEHOACH_PERIOD_MARGIN_YEARS = int(os.environ.get("KEHOACH_PERIOD_MARGIN_YEARS", "5"))
KEHOACH_SIGNED_INDICATORS = os.environ.get("KEHOACH_SIGNED_INDICATORS", "")
