"""Reading tasks through the API: the task list's filters (group, lead agency, leader, status as of a
date, due window, search with or without diacritics), a task's deadline as written and understood,
and its progress updates."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.organisations.models import Leader
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


@pytest.fixture
def staff(api_as):
    return api_as("finance")


def listed(client, **query) -> set[int]:
    response = client.get("tasks/", as_of=AS_OF, page_size=500, **query)
    assert response.status_code == 200, response.content
    return {t["number"] for t in response.json()["items"]}


@pytest.mark.parametrize("query", ["giai ngan", "GIẢI NGÂN", "Giải ngân"])
def test_search_finds_giai_ngan_with_or_without_diacritics(staff, query):
    wanted = {t.number for t in Task.objects.filter(document__number="86/KH-UBND") if "giải ngân" in t.content.lower()}
    assert wanted
    assert listed(staff, q=query) == wanted


def test_filter_by_status_as_of_the_chosen_day(staff):
    overdue = {a.task for a in assess_all(date(2025, 8, 6)).tasks if a.status.value == "qua_han_chua_bao_cao"}
    numbers = set(Task.objects.filter(pk__in=overdue).values_list("number", flat=True))
    assert {14, 16, 80} <= numbers
    assert listed(staff, status="qua_han_chua_bao_cao") == numbers
    items = staff.get("tasks/", as_of="2025-03-01", status="qua_han_chua_bao_cao", page_size=500).json()["items"]
    assert 14 not in {t["number"] for t in items}  # Quý II/2025 is not due yet then


def test_filter_by_due_window_leader_and_lead_agency(staff):
    june = listed(staff, due_from="2025-06-01", due_to="2025-06-30")
    assert {14, 16} <= june and 80 not in june
    cuong = Leader.objects.get(name="Hoàng Minh Cường")
    assert listed(staff, leader=cuong.pk) == set(cuong.tasks.values_list("number", flat=True))
    assert listed(staff, leader=cuong.pk, status="qua_han_chua_bao_cao", q="cum cong nghiep") == {16}
    task = Task.objects.get(number=14, document__number="86/KH-UBND")
    lead = task.lead.first()
    assert 14 in listed(staff, lead=lead.pk)
    assert all(lead.pk in t["lead"] for t in staff.get("tasks/", lead=lead.pk).json()["items"])


def test_an_unknown_status_is_refused(staff):
    assert staff.get("tasks/", status="bogus").status_code == 422


def test_a_task_gives_its_deadline_as_written_and_understood_and_its_status(api_as):
    task = Task.objects.get(number=16, document__number="86/KH-UBND")

    body = api_as("officer_b").get(f"tasks/{task.pk}", as_of=AS_OF).json()

    assert body["deadline_text"] == task.deadline_text and body["due"] == "2025-06-30"
    assert body["status"] == "qua_han_chua_bao_cao" and body["status_label"] and body["days_late"] > 0


def test_lists_are_paginated(staff):
    first = staff.get("tasks/", page_size=10).json()
    second = staff.get("tasks/", page_size=10, page=2).json()

    assert first["count"] == Task.objects.count() and len(first["items"]) == 10
    assert not {t["id"] for t in first["items"]} & {t["id"] for t in second["items"]}
