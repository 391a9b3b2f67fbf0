"""An officer reports the progress of a task their agency leads and submits it; an update of a task
overdue or sắp đến hạn is refused without its causes, difficulties and proposals. Only the
agency's own tasks, only by its own officers: anything else is 403 and changes nothing."""

from __future__ import annotations

import pytest

from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import (
    EXPLANATION,
    VAN_HOA,
    act,
    agency,
    progress_post,
    task_of,
    written,
)

pytestmark = pytest.mark.django_db


def test_an_update_of_an_overdue_task_needs_its_explanation(people, login):
    task = task_of(number=16)  # Quý II/2025: overdue on 06/08/2025
    client = login(people["officer_a"])

    refused = client.post(*act(agency(), progress_post(task, action="progress-submit")))

    html = refused.content.decode()
    assert refused.status_code == 200
    assert html.count("Nhiệm vụ đang ở tình trạng “Quá hạn chưa hoàn thành”: cần nêu nguyên nhân") == 1  # said once
    assert "Đã trình dự thảo lần 2" in html  # what was typed is kept
    assert not TaskProgress.objects.filter(task=task).exists()

    done = client.post(*act(agency(), progress_post(task, action="progress-submit", **{k: v for k, v in EXPLANATION.items()})),
                       follow=True)

    update = TaskProgress.objects.get(task=task)
    assert update.review_status == "submitted" and update.percent == 60 and update.submitted_by == people["officer_a"]
    assert update.evidence_reference == "Tờ trình 123/TTr-SCT" and update.cause == EXPLANATION["cause"]
    assert "Đã gửi duyệt cập nhật tiến độ nhiệm vụ 16." in done.content.decode()


def test_a_draft_is_submitted_from_the_list_and_completed_in_its_form(people, login):
    task = task_of(number=16)
    client = login(people["officer_a"])
    client.post(*act(agency(), progress_post(task)))
    draft = TaskProgress.objects.get(task=task)
    assert draft.review_status == "draft"

    refused = client.post(*act(agency(), {"action": "submit-progress", "progress": draft.pk}))

    html = refused.content.decode()
    assert refused.status_code == 200 and 'id="enter-progress"' in html and f'value="{draft.pk}"' in html
    client.post(*act(agency(), progress_post(task, draft=draft.pk, **EXPLANATION)))
    draft.refresh_from_db()
    assert draft.cause == EXPLANATION["cause"] and TaskProgress.objects.filter(task=task).count() == 1

    client.post(*act(agency(), {"action": "submit-progress", "progress": draft.pk}))
    draft.refresh_from_db()
    assert draft.review_status == "submitted"


def test_a_task_completed_late_needs_no_explanation(people, login):
    task = task_of(number=16)

    login(people["officer_a"]).post(*act(agency(), progress_post(task, action="progress-submit", status="completed", percent="100")))

    assert TaskProgress.objects.get(task=task).review_status == "submitted"


def test_a_wrong_percent_is_shown_in_the_form(people, login):
    task = task_of(number=16)

    response = login(people["officer_a"]).post(*act(agency(), progress_post(task, status="completed", percent="40")))

    assert response.status_code == 200 and not TaskProgress.objects.exists()
    assert "100" in response.content.decode()


def test_a_task_of_another_agency_through_one_s_own_workspace_is_403(people, login):
    foreign = task_of(VAN_HOA)
    before = written()

    response = login(people["officer_a"]).post(*act(agency(), progress_post(foreign)))

    assert response.status_code == 403 and written() == before


def test_the_officer_of_another_agency_gets_403_and_nothing_changes(people, login):
    task = task_of(number=16)
    login(people["officer_a"]).post(*act(agency(), progress_post(task)))
    draft = TaskProgress.objects.get(task=task)
    before = written()
    other = login(people["officer_b"])

    assert other.post(*act(agency(), progress_post(task))).status_code == 403
    assert other.post(*act(agency(), {"action": "submit-progress", "progress": draft.pk})).status_code == 403
    assert other.post(*act(agency(VAN_HOA), {"action": "submit-progress", "progress": draft.pk})).status_code == 403
    # Their own task, with Sở Công Thương's draft slipped in: refused too.
    assert other.post(*act(agency(VAN_HOA), progress_post(task_of(VAN_HOA), draft=draft.pk))).status_code == 403
    assert written() == before
