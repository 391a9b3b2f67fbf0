"""A person chooses the interface language: Vietnamese whatever the browser asks for; English only
from the language switch, kept in that browser's language cookie."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


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
