"""Passwords are hashed with Argon2; older hashes still verify (and are upgraded at sign-in)."""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password
from django.test import override_settings

from kehoach.site import settings as site_settings


def test_argon2_comes_first():
    assert site_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=site_settings.PASSWORD_HASHERS):
        hashed = make_password("mật khẩu dài 2025")
        assert hashed.startswith("argon2$")
        assert check_password("mật khẩu dài 2025", hashed)
        assert check_password("cũ", make_password("cũ", hasher="pbkdf2_sha256"))
