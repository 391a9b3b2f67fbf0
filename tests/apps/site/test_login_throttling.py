"""Sign-in throttling: after KEHOACH_LOGIN_FAILURES failed sign-ins of a user name within the
window, the next one is refused with a clear Vietnamese message (even with the right password);
a successful sign-in clears the count; the admin's sign-in page is throttled too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kehoach.apps.accounts.models import LoginFailure

pytestmark = pytest.mark.django_db

PAUSED = "Đăng nhập sai quá nhiều lần"


@pytest.fixture
def user(settings):
    settings.KEHOACH_LOGIN_FAILURES = 3
    settings.KEHOACH_LOGIN_WINDOW_MINUTES = 15
    return get_user_model().objects.create_user("canbo", password="đúng-mật-khẩu")


def sign_in(client: Client, password: str, page: str = "login"):
    return client.post(reverse(page), {"username": "canbo", "password": password})


def test_the_attempt_after_the_limit_is_refused_even_with_the_right_password(user):
    client = Client()
    for _attempt in range(3):
        wrong = sign_in(client, "sai")
        assert wrong.status_code == 200 and PAUSED not in wrong.content.decode()

    refused = sign_in(client, "đúng-mật-khẩu")

    html = refused.content.decode()
    assert refused.status_code == 200 and PAUSED in html and "thử lại sau 15 phút" in html
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_clears_the_count(user):
    client = Client()
    for _attempt in range(2):
        sign_in(client, "sai")
    assert sign_in(client, "đúng-mật-khẩu").status_code == 302
    client.logout()
    for _attempt in range(2):
        sign_in(client, "sai")
    assert sign_in(client, "đúng-mật-khẩu").status_code == 302  # 4 failures in all, never 3 in a row


def test_failures_older_than_the_window_do_not_count(user):
    client = Client()
    for _attempt in range(3):
        sign_in(client, "sai")
    LoginFailure.objects.update(at=LoginFailure.objects.first().at - timedelta(minutes=16))
    assert sign_in(client, "đúng-mật-khẩu").status_code == 302


def test_the_admin_sign_in_page_is_throttled_too(user):
    user.is_staff = True
    user.save()
    client = Client()
    for _attempt in range(3):
        sign_in(client, "sai", page="admin:login")
    refused = sign_in(client, "đúng-mật-khẩu", page="admin:login")
    assert PAUSED in refused.content.decode() and "_auth_user_id" not in client.session


def test_many_user_names_from_one_address_are_throttled_too(user, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for attempt in range(3 * 4):
        client.post(reverse("login"), {"username": f"doan-{attempt}", "password": "sai"})
    refused = sign_in(client, "đúng-mật-khẩu")
    assert PAUSED in refused.content.decode()
    assert sign_in(Client(REMOTE_ADDR="203.0.113.8"), "đúng-mật-khẩu").status_code == 302  # another address


def test_behind_a_proxy_the_address_comes_from_its_header(user, settings):
    settings.KEHOACH_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    for attempt in range(3 * 4):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7").post(
            reverse("login"), {"username": f"doan-{attempt}", "password": "sai"})
    other_person = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.2")
    assert sign_in(other_person, "đúng-mật-khẩu").status_code == 302  # not blocked by the proxy's address
