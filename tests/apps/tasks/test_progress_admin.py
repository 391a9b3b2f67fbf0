"""The admin of progress updates and triggering events: in Vietnamese, with history and the workflow actions."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.tasks.models import ConditionEvent, TaskProgress
from kehoach.apps.tasks.services import record_condition_event, record_progress
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitored(make_task, milestone_task):
    record_progress(milestone_task, on=date(2025, 4, 1), status="in_progress", percent=20, note="Đề án đang lấy ý kiến")
    record_condition_event(make_task(condition="Sau khi Đề án được phê duyệt"), date(2025, 3, 1), note="Đề án")


@pytest.mark.parametrize("model", [TaskProgress, ConditionEvent])
def test_pages_load_in_vietnamese(admin_client, monitored, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "Đề án")
    check_object_pages(admin_client, model)


def test_adding_an_update_records_who_entered_it(admin_client, milestone_task, admin_user):
    response = admin_client.post(admin_url(TaskProgress, "add"), {
        "task": milestone_task.pk, "on": "2025-04-02", "status": "in_progress", "percent": "30",
    })
    assert response.status_code == 302
    assert TaskProgress.objects.get().entered_by == admin_user


def test_the_submit_action_refuses_an_unexplained_overdue_update(admin_client, make_task, django_user_model, client):
    progress = record_progress(make_task(due=date(2020, 6, 30)), on=date(2020, 7, 1), status="in_progress")
    response = admin_client.post(admin_url(TaskProgress, "changelist"),
                                 {"action": "submit", "_selected_action": [progress.pk]}, follow=True)
    assert "nguyên nhân, khó khăn vướng mắc và đề xuất" in response.content.decode()
    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.DRAFT

    progress.cause, progress.difficulties, progress.proposals = "c", "d", "p"
    progress.save()
    admin_client.post(admin_url(TaskProgress, "changelist"), {"action": "submit", "_selected_action": [progress.pk]})
    # approved by another administrator: whoever submitted it may not approve it (maker-checker)
    client.force_login(django_user_model.objects.create_superuser("checker", "checker@example.org", "x"))
    client.post(admin_url(TaskProgress, "changelist"), {"action": "approve", "_selected_action": [progress.pk]})
    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.APPROVED
