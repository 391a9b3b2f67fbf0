"""Fixtures of the API tests: a personal token per role and a client that sends it."""

from __future__ import annotations

import pytest

from kehoach.apps.api import tokens

API = "/api/v1/"


class ApiClient:
    """The Django test client speaking to /api/v1/ with ``Authorization: Bearer <token>`` (or nothing)."""

    def __init__(self, client, token: str | None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params):
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, body=None, **params):
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return self.client.post(API + path + (f"?{query}" if query else ""), body if body is not None else {},
                                content_type="application/json", headers=self.headers)

    def put(self, path: str, body):
        return self.client.put(API + path, body, content_type="application/json", headers=self.headers)


@pytest.fixture
def api_as(client, people):
    """api_as("officer_a") → an ApiClient with a new token of that role's user; api_as(None): anonymous."""

    def make(role: str | None) -> ApiClient:
        if role is None:
            return ApiClient(client, None)
        return ApiClient(client, tokens.issue(people[role], f"test {role}").plain)

    return make
