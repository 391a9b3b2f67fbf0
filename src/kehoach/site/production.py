"""Production settings: ``DJANGO_SETTINGS_MODULE=kehoach.site.production`` (``kehoach serve``).

kehoach's settings with debug off, the secret key and the database required from the environment,
secure cookies, HSTS and HTTPS behind a reverse proxy, and logs on stderr. ``kehoach check
--deploy`` is clean with them. The environment (docs/security.md):

- ``SECRET_KEY`` (required): a long random string, e.g. ``python -c "import secrets;
  print(secrets.token_urlsafe(50))"``.
- ``DATABASE_URL`` (required): ``postgres://user:password@host:5432/name``.
- ``ALLOWED_HOSTS``: the site's host names, comma-separated.
- ``CSRF_TRUSTED_ORIGINS``: ``https://kehoach.example.gov.vn``, comma-separated, when the proxy's
  origin differs from the host.
- ``KEHOACH_BEHIND_PROXY`` (``1``): trust the proxy's ``X-Forwarded-Proto: https`` header (set it
  only when a proxy that sets this header is the only way in).
- ``KEHOACH_CLIENT_ADDRESS_HEADER`` (``REMOTE_ADDR``): behind a proxy, the header with the client's
  address (e.g. ``HTTP_X_REAL_IP``), for the sign-in throttle.
- ``KEHOACH_SSL_REDIRECT`` (``1``): redirect plain HTTP to HTTPS.
- ``KEHOACH_HSTS_SECONDS`` (``31536000``), ``KEHOACH_HSTS_INCLUDE_SUBDOMAINS`` (``1``),
  ``KEHOACH_HSTS_PRELOAD`` (``0``: opt in to the browsers' preload list only deliberately).
- ``KEHOACH_LOG_LEVEL`` (``INFO``).
- ``KEHOACH_ALLOW_SQLITE`` (``0``): a SQLite ``DATABASE_URL`` is refused unless this is ``1``.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from kehoach.site.settings import *  # noqa: F403
from kehoach.site.settings import database_config


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set: production settings (kehoach.site.production) need {name} in the environment "
            "(see docs/security.md)."
        )
    return value


def flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected 1 or 0.")


def number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number of seconds.") from None


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
required("DATABASE_URL")
DATABASES = {"default": database_config(os.environ)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not flag("KEHOACH_ALLOW_SQLITE", False):
    raise ImproperlyConfigured(
        "DATABASE_URL is a SQLite database: production settings (kehoach.site.production) need PostgreSQL "
        "(postgres://user:password@host:5432/name); set KEHOACH_ALLOW_SQLITE=1 to run on SQLite deliberately "
        "(one office, one server; see docs/security.md)."
    )
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = flag("KEHOACH_SSL_REDIRECT", True)
if flag("KEHOACH_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = number("KEHOACH_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("KEHOACH_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = flag("KEHOACH_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Joining the browsers' preload list is a commitment for the whole domain: an explicit choice.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("KEHOACH_LOG_LEVEL", "INFO")},
}
