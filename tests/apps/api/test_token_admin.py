"""Administrators see the API tokens in the admin (in Vietnamese, with their history) and may revoke
one there; they cannot create one for someone else, nor read a token: only its prefix and hash."""

from __future__ import annotations

import pytest
from django.utils.translation import override

from kehoach.apps.api import tokens
from kehoach.apps.api.models import ApiToken
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

pytestmark = pytest.mark.django_db


def test_the_admin_lists_tokens_in_vietnamese_without_the_token(people, login):
    issued = tokens.issue(people["officer_a"], "Đồng bộ")
    client = login(people["admin"])

    check_changelist(client, ApiToken)
    check_search_and_filters(client, ApiToken, "Đồng bộ")
    check_object_pages(client, ApiToken)
    page = client.get(admin_url(ApiToken, "change", issued.token.pk)).content.decode()
    assert issued.plain not in page and issued.token.prefix in page
    assert client.get(admin_url(ApiToken, "add")).status_code == 403


def test_the_models_labels_are_in_vietnamese():
    with override("vi"):
        assert str(ApiToken._meta.verbose_name_plural) == "Khóa API"
        assert str(ApiToken._meta.get_field("revoked_at").verbose_name) == "thu hồi lúc"


def test_the_user_menu_links_to_the_tokens_page(people, login):
    html = login(people["officer_b"]).get("/indicators/").content.decode()

    assert 'href="/accounts/tokens/"' in html and "Khóa API" in html
