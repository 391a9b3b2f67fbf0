"""No stack trace reaches a user: with debug off, an error in a view gives the Vietnamese 500 page
of the site's look; refusals and missing pages have theirs."""

from __future__ import annotations

import sys
import types

import pytest
from django.test import Client, override_settings
from django.urls import path

from kehoach.site import urls as site_urls


def _broken_view(request):
    raise RuntimeError("secret-internal-detail in kehoach/apps/x.py line 42")


module = types.ModuleType("tests_apps_site_broken_urls")
module.urlpatterns = [*site_urls.urlpatterns, path("broken/", _broken_view)]
sys.modules[module.__name__] = module


@override_settings(DEBUG=False, ROOT_URLCONF=module.__name__)
def test_an_error_in_a_view_gives_the_500_page_without_a_traceback(db):
    response = Client(raise_request_exception=False).get("/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in html and "Dữ liệu đồng chí đã nhập không bị mất" in html
    assert "kehoach.css" in html  # the site's look
    assert "secret-internal-detail" not in html and "Traceback" not in html and "RuntimeError" not in html


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_a_refusal_and_a_missing_page_are_in_vietnamese(people, login):
    client = login(people["nobody"])
    refused = client.get("/tasks/")
    assert refused.status_code == 403 and "Không có quyền truy cập" in refused.content.decode()
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "Không tìm thấy trang" in missing.content.decode()
