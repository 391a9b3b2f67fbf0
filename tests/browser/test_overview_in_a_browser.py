"""A leader opens Tổng quan in a real browser, on a desktop and on a phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_leader_sees_the_slipping_indicators_and_the_overdue_tasks(page, people):
    sign_in(page, "lanhdao")
    page.goto("/?as_of=2025-08-06")

    grdp = page.locator('article[data-indicator="grdp"]')
    assert grdp.get_attribute("data-rating") == "cham"
    assert "11,04" in grdp.inner_text()
    assert page.locator("#overdue tbody tr").count() >= 1
    shoot(page, "tong-quan")


def test_the_overview_fits_a_phone(phone, people):
    sign_in(phone, "lanhdao")
    phone.goto("/?as_of=2025-08-06")

    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page is {width}px wide on a 390px phone"
    shoot(phone, "tong-quan-dien-thoai")


def test_a_visitor_without_an_account_sees_the_published_figures(page, people):
    page.goto("/")

    assert page.url.endswith("/public/")
    assert page.get_by_role("heading", name="Số liệu công bố").is_visible()
