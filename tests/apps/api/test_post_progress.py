"""POST /api/v1/tasks/{id}/progress: an officer reports the progress of a task their agency leads (as
a draft, or submitted at once), submits a draft, and Sở Tài chính approves it; the explanation rule
of the web applies (an overdue task's update needs causes, difficulties and proposals). Nobody else
may: 403 and nothing changes."""

from __future__ import annotations

import pytest

from kehoach.apps.tasks.models import TaskProgress
from tests.apps.conftest import history_rows
from tests.apps.workspace.workspace_support import EXPLANATION, VAN_HOA, task_of, written

pytestmark = pytest.mark.django_db

UPDATE = {"on": "2025-08-06", "status": "in_progress", "percent": 60, "note": "Đã trình dự thảo lần 2",
          "evidence_reference": "Tờ trình 123/TTr-SCT"}


def post(client, task, as_of="2025-08-06", **fields):
    return client.post(f"tasks/{task.pk}/progress", {**UPDATE, **fields}, as_of=as_of)


def test_an_officer_posts_a_draft_update_of_a_task_their_agency_leads(api_as, people):
    task = task_of(number=16)

    response = post(api_as("officer_a"), task)

    assert response.status_code == 201, response.content
    body = response.json()
    update = TaskProgress.objects.get(pk=body["id"])
    assert (body["task"], body["workflow"], body["percent"]) == (task.pk, "draft", 60)
    assert update.entered_by == people["officer_a"] and update.note == "Đã trình dự thảo lần 2"


def test_submitting_an_overdue_tasks_update_needs_its_explanation(api_as, people):
    task = task_of(number=16)  # Quý II/2025: overdue on 06/08/2025
    client = api_as("officer_a")
    before = written()

    refused = post(client, task, submit=True)

    assert refused.status_code == 400
    assert {e["field"] for e in refused.json()["errors"]} == {"cause", "difficulties", "proposals"}
    assert "Quá hạn chưa hoàn thành" in refused.json()["detail"]
    assert written() == before  # all or nothing: not even the draft

    done = post(client, task, submit=True, **EXPLANATION)

    assert done.status_code == 201 and done.json()["workflow"] == "submitted"
    assert TaskProgress.objects.get(task=task).submitted_by == people["officer_a"]


def test_a_draft_is_submitted_then_approved_by_finance(api_as, people):
    task = task_of(number=16)
    officer = api_as("officer_a")
    draft = post(officer, task, **EXPLANATION).json()

    submitted = officer.post(f"tasks/progress/{draft['id']}/submit", as_of="2025-08-06")
    assert submitted.status_code == 200 and submitted.json()["workflow"] == "submitted"

    assert officer.post(f"tasks/progress/{draft['id']}/approve").status_code == 403
    approved = api_as("finance").post(f"tasks/progress/{draft['id']}/approve")

    assert approved.status_code == 200 and approved.json()["workflow"] == "approved"
    assert TaskProgress.objects.get(pk=draft["id"]).approved_by == people["finance"]


def test_the_models_rules_answer_400_naming_the_field(api_as):
    response = post(api_as("officer_a"), task_of(number=16), status="completed", percent=40)

    assert response.status_code == 400 and response.json()["errors"]
    assert not TaskProgress.objects.exists()


@pytest.mark.parametrize("role", ["officer_b", "finance", "leader", "nobody"])
def test_only_the_lead_agencys_officers_post_progress(api_as, role):
    client = api_as(role)
    before = written(), history_rows()

    assert post(client, task_of(number=16)).status_code == 403
    assert (written(), history_rows()) == before


def test_another_agency_can_neither_submit_nor_see_a_draft(api_as):
    task = task_of(number=16)
    draft = post(api_as("officer_a"), task, **EXPLANATION).json()
    other = api_as("officer_b")
    before = written()

    assert other.post(f"tasks/progress/{draft['id']}/submit").status_code == 403
    assert draft["id"] not in [u["id"] for u in other.get(f"tasks/{task.pk}/progress").json()["items"]]
    assert draft["id"] in [u["id"] for u in api_as("leader").get(f"tasks/{task.pk}/progress").json()["items"]]
    assert written() == before


def test_the_other_agency_reports_on_its_own_task(api_as):
    task = task_of(VAN_HOA)

    response = post(api_as("officer_b"), task, status="completed", percent=100)

    assert response.status_code == 201


def test_anonymous_gets_401(api_as):
    assert post(api_as(None), task_of(number=16)).status_code == 401
