"""The date a person chose stays: through sign-in (the demo's link ``/?as_of=2025-08-06``) and on
every later page, whose periods follow it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def sign_in_link(html: str) -> str:
    start = html.index('href="/accounts/login/?next=') + len('href="')
    return html[start: html.index('"', start)].replace("&amp;", "&")


def test_the_demo_link_opens_at_its_date_after_sign_in(client, people):
    response = client.get("/?as_of=2025-08-06")
    assert response.status_code == 302 and response.headers["Location"] == "/public/?as_of=2025-08-06"

    public = client.get(response.headers["Location"]).content.decode()
    link = sign_in_link(public)
    assert parse_qs(urlsplit(link).query)["next"] == ["/?as_of=2025-08-06"]

    signed_in = client.post(link, {"username": "lanhdao", "password": "pw", "next": "/?as_of=2025-08-06"})
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/?as_of=2025-08-06"
    assert client.get("/tasks/").context["as_of"].isoformat() == "2025-08-06"  # and on every later page


def test_a_page_that_asks_for_sign_in_comes_back_with_its_date(client, people):
    response = client.get("/tasks/?as_of=2025-08-06&status=qua_han")
    location = response.headers["Location"]
    assert response.status_code == 302 and "as_of%3D2025-08-06" in location

    signed_in = client.post(location, {"username": "lanhdao", "password": "pw",
                                       "next": parse_qs(urlsplit(location).query)["next"][0]})
    assert signed_in.headers["Location"] == "/tasks/?as_of=2025-08-06&status=qua_han"


def test_the_workspace_s_periods_follow_the_date(client, people, login):
    from kehoach.apps.organisations.models import Agency

    agency = Agency.objects.get(name="Sở Công Thương")
    url = reverse("workspace:agency", args=[agency.pk])
    html = login(people["officer_a"]).get(url + "?as_of=2025-08-06").content.decode()
    assert "Tháng 7/2025" in html and "Tháng 1/2026" not in html and "Quý III/2026" not in html
