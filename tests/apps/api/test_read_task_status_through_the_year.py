"""Reading a recurring task's status through the API in December 2025: the current occurrence, the
occurrences never reported, and the status in words."""

from __future__ import annotations

import pytest

from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_task_2_in_december_gives_its_current_occurrence_and_the_missed_ones(api_as):
    task = Task.objects.get(number=2, document__number="86/KH-UBND")
    body = api_as("finance").get(f"tasks/{task.pk}", as_of="2025-12-10").json()
    assert (body["status"], body["status_label"]) == ("chua_bao_cao", "Chưa báo cáo")
    assert (body["occurrence"], body["status_due"]) == ("2025-12", "2025-12-31")
    assert body["missed_occurrences"][0] == "2025-01" and len(body["missed_occurrences"]) == 14
    assert body["status_detail"].endswith("14 kỳ trước chưa báo cáo (gần nhất: Tháng 11/2025).")


def test_the_list_filters_on_the_new_states(api_as):
    items = api_as("finance").get("tasks/", as_of="2026-01-15", status="chua_bao_cao", page_size=500).json()["items"]
    numbers = {t["number"] for t in items}
    assert 2 not in numbers  # its recurrence ended with 2025: December is now overdue and unreported
    assert {15, 28, 32} <= numbers  # "... và các năm tiếp theo": about 2026, not overdue
