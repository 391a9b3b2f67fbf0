"""Tổng quan: every main indicator's rating and trend, tasks by status with the overdue ones, key
projects behind plan, as of the chosen date."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def tile(page: str, key: str) -> str:
    match = re.search(rf'<article class="tile[^"]*" data-indicator="{key}" data-rating="(\w+)">(.*?)</article>', page,
                      re.S)
    assert match, f"no tile for {key}"
    return match.group(1), match.group(2)


def test_a_leader_sees_the_ratings_as_of_the_chosen_date(people, login):
    page = login(people["leader"]).get("/?as_of=2025-08-06").content.decode()

    rating, body = tile(page, "grdp")
    assert rating == "cham"
    assert "11,04" in body and "12,13" in body and "<svg" in body
    rating, body = tile(page, "exports")
    assert rating == "dat" and "17,6" in body
    assert "06/08/2025" in page


def test_overdue_tasks_are_listed_with_lead_agency_and_leader(people, login):
    page = login(people["finance"]).get("/?as_of=2025-08-06").content.decode()

    overdue = page.split('id="overdue"')[1].split("</table>")[0]
    assert overdue.count("<tr>") >= 2
    assert "Sở" in overdue


def test_the_chosen_date_is_remembered(people, login):
    client = login(people["leader"])
    client.get("/?as_of=2025-08-06")

    assert "06/08/2025" in client.get("/").content.decode()


def test_the_page_costs_the_same_queries_whatever_the_plan_size(people, login, django_assert_max_num_queries):
    client = login(people["finance"])
    client.get("/?as_of=2025-08-06")  # warm the chart cache
    with django_assert_max_num_queries(40):
        assert client.get("/?as_of=2025-08-06").status_code == 200


def test_an_account_without_a_role_is_refused(people, login):
    assert login(people["nobody"]).get("/").status_code == 403


def test_a_leader_finds_their_own_portfolio_first(people, login):
    from kehoach.apps.organisations.models import Leader

    page = login(people["leader"]).get("/?as_of=2025-08-06").content.decode()

    leader = Leader.objects.get(name="Hoàng Minh Cường")
    assert f'href="/agencies/leaders/{leader.pk}/"' in page
    assert "Lĩnh vực phụ trách" in page
