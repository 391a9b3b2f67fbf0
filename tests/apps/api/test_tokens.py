"""Personal API tokens: any signed-in user creates one on /accounts/tokens/ (shown once), lists and
revokes their own; only the token's SHA-256 is stored; a revoked or unknown token gets 401; the
browser's session works too, with the CSRF check on unsafe methods."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kehoach.apps.api import tokens
from kehoach.apps.api.models import ApiToken
from tests.apps.workspace.workspace_support import agency

pytestmark = pytest.mark.django_db

PAGE = "/accounts/tokens/"


def create(client, name="Đồng bộ Cục Thống kê") -> str:
    response = client.post(PAGE, {"name": name})
    assert response.status_code == 200
    found = re.search(r'<code id="new-token">([^<]+)</code>', response.content.decode())
    assert found, "the new token is shown once"
    return found.group(1)


def call(token: str, path: str = "indicators/", client=None):
    return (client or Client()).get(f"/api/v1/{path}", headers={"Authorization": f"Bearer {token}"})


def test_a_signed_in_user_creates_a_token_that_works_with_their_rights(people, login):
    client = login(people["officer_b"])
    plain = create(client)

    assert call(plain).status_code == 200
    assert call(plain, "documents/").status_code == 403  # an officer does not see the documents page either
    token = ApiToken.objects.get(user=people["officer_b"])
    assert token.name == "Đồng bộ Cục Thống kê" and plain.startswith(token.prefix) and token.last_used is not None


def test_the_page_lists_only_ones_own_tokens_in_vietnamese(people, login):
    tokens.issue(people["officer_a"], "khóa của người khác")
    client = login(people["officer_b"])
    create(client, "khóa của tôi")

    html = client.get(PAGE).content.decode()

    assert "khóa của tôi" in html and "khóa của người khác" not in html
    assert "Khóa API" in html and "Thu hồi" in html and "Tạo khóa" in html


def test_the_token_is_shown_once_and_stored_only_as_its_hash(people, login):
    client = login(people["leader"])
    plain = create(client)

    assert plain not in client.get(PAGE).content.decode()
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    assert plain not in dump.getvalue()
    assert plain[len(tokens.MARK) + 5:] not in dump.getvalue()  # nor any recognisable part beyond the prefix
    assert ApiToken.objects.get(user=people["leader"]).digest == tokens.digest_of(plain)


def test_a_revoked_token_stops_working(people, login):
    client = login(people["officer_a"])
    plain = create(client)
    token = ApiToken.objects.get(user=people["officer_a"])

    response = client.post(reverse("api-tokens:revoke", args=[token.pk]), follow=True)

    assert response.status_code == 200 and "Đã thu hồi" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert call(plain).status_code == 401


def test_nobody_revokes_someone_elses_token(people, login):
    issued = tokens.issue(people["officer_a"], "mine")
    client = login(people["admin"])

    assert client.post(reverse("api-tokens:revoke", args=[issued.token.pk])).status_code == 404
    assert call(issued.plain).status_code == 200


def test_an_unknown_token_gets_401_even_with_a_signed_in_session(people, login):
    client = login(people["admin"])

    assert call("kh_not-a-real-token", client=client).status_code == 401
    assert client.get("/api/v1/indicators/").status_code == 200  # the session alone works


def test_without_credentials_everything_but_the_public_figures_is_401(demo_plan):
    client = Client()

    assert client.get("/api/v1/indicators/").status_code == 401
    assert client.get("/api/v1/public/figures").status_code == 200


def test_a_session_needs_the_csrf_token_to_change_anything(people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["officer_a"])
    body = json.dumps({"agency": agency().pk, "period": "2025-07", "figures": []})

    refused = client.post("/api/v1/figures/bulk", body, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]

    client.get(PAGE)  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post("/api/v1/figures/bulk", body, content_type="application/json",
                           headers={"X-CSRFToken": token})
    assert accepted.status_code == 200 and accepted.json()["created"] == 0


def test_the_token_page_needs_a_sign_in(client):
    response = client.get(PAGE)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
