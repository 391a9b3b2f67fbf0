"""Production settings (kehoach.site.production): the secret key and the database come from the
environment (a clear error without them), debug is off, and `kehoach check --deploy` is clean."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

CLEAN_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "kehoach.site.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://kehoach@db.example:5432/kehoach",
    "ALLOWED_HOSTS": "kehoach.example.gov.vn",
    "KEHOACH_BEHIND_PROXY": "1",
}


# Set by the test run itself (the browser tests' conftest), never in a deployment.
TEST_RUN_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def kehoach(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENVIRONMENT and k not in TEST_RUN_ONLY}
    env.update(environment)
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_check_deploy_is_clean():
    done = kehoach("check", "--deploy", "--fail-level", "WARNING", **CLEAN_ENVIRONMENT)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "System check identified no issues" in done.stdout


def test_the_development_settings_are_not_fit_for_deployment():
    """The check itself can fail: with kehoach's development settings it names what is missing."""
    done = kehoach("check", "--deploy", "--fail-level", "WARNING", DJANGO_SETTINGS_MODULE="kehoach.site.settings")
    assert done.returncode != 0 and "security.W018" in done.stderr  # DEBUG on


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL"])
def test_a_missing_secret_key_or_database_is_a_clear_error(missing):
    environment = {k: v for k, v in CLEAN_ENVIRONMENT.items() if k != missing}
    done = kehoach("check", **environment)
    assert done.returncode != 0
    assert f"{missing} is not set: production settings (kehoach.site.production) need {missing}" in done.stderr


def test_debug_is_off_and_cookies_are_secure(monkeypatch):
    for name, value in CLEAN_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    import importlib

    from kehoach.site import production

    production = importlib.reload(production)
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS >= 31536000 and production.SECURE_HSTS_INCLUDE_SUBDOMAINS
    assert production.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production.DATABASES["default"]["HOST"] == "db.example"
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
