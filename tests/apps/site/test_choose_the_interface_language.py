"""A person chooses the interface language: Vietnamese whatever the browser asks for; English only
from the language switch, kept with a signed-in user's account (and in a visitor's language cookie)."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from kehoach.apps.accounts.models import Preference


def test_an_english_browser_gets_vietnamese(people, login):
    client = login(people["leader"])
    response = client.get("/tasks/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.headers["Content-Language"] == "vi"
    assert '<html lang="vi">' in html and "Nhiệm vụ" in html and "Sign out" not in html


def test_a_visitor_with_an_english_browser_gets_vietnamese_too(client, db):
    html = client.get("/public/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "Số liệu công bố" in html and "Published figures" not in html


def test_english_only_when_chosen_in_the_switch_and_back(people, login):
    client = login(people["leader"])
    response = client.post(reverse("set_language"), {"language": "en", "next": "/tasks/"},
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302 and client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/tasks/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in html and "Sign out" in html

    client.post(reverse("set_language"), {"language": "vi", "next": "/tasks/"})
    html = client.get("/tasks/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="vi">' in html and "Đăng xuất" in html


def test_an_unknown_language_in_the_cookie_is_vietnamese(people, login):
    client = login(people["leader"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="vi">' in client.get("/tasks/").content.decode()


def test_the_api_still_answers_a_program_in_the_language_it_asks_for(client, db):
    english = client.get("/api/v1/indicators/", HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = client.get("/api/v1/indicators/", HTTP_ACCEPT_LANGUAGE="vi")
    assert english.status_code == vietnamese.status_code == 401
    assert english.headers["Content-Language"] == "en" and vietnamese.headers["Content-Language"] == "vi"


def test_the_choice_is_kept_with_the_account_and_follows_the_user_to_another_computer(people, login):
    office = login(people["leader"])
    office.post(reverse("set_language"), {"language": "en", "next": "/tasks/"})

    home = Client()  # another computer: no language cookie
    home.force_login(people["leader"])
    html = home.get("/tasks/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in html and "Sign out" in html


def test_someone_else_s_english_on_a_shared_computer_is_not_yours(people, client):
    client.force_login(people["leader"])
    client.post(reverse("set_language"), {"language": "en", "next": "/tasks/"})
    client.post(reverse("logout"))
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"  # the browser remembers the leader's

    client.force_login(people["officer_a"])  # never chose: Vietnamese, whatever the cookie says
    html = client.get("/tasks/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="vi">' in html and "Đăng xuất" in html


def test_going_back_to_vietnamese_is_kept_too(people, login):
    client = login(people["leader"])
    client.post(reverse("set_language"), {"language": "en", "next": "/tasks/"})
    client.post(reverse("set_language"), {"language": "vi", "next": "/tasks/"})

    assert Preference.objects.get(user=people["leader"]).language == "vi"
    client.force_login(people["leader"])
    assert '<html lang="vi">' in client.get("/tasks/").content.decode()
