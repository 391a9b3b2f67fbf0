"""``kehoach assess`` counts a task's submitted and approved updates only: a draft is the agency's own
business until it is submitted, as for the task's status when an update is submitted."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.documents.models import Document
from kehoach.apps.tasks.models import Task, TaskGroup, TaskProgress
from kehoach.apps.tasks.services import approve_progress, record_progress, status_of, submit_progress
from kehoach.domain.assessment.model import TaskStatus

pytestmark = pytest.mark.django_db

AS_OF = date(2025, 7, 10)


@pytest.fixture
def task(stored_plan) -> Task:
    """A task of the hand-built plan due 30/06/2025."""
    document = Document.objects.get(number="10/KH-UBND")
    return Task.objects.create(document=document, number=100, group=TaskGroup.objects.filter(document=document).first(),
                               content="Nhiệm vụ thử", deadline_text="30/06/2025", due=date(2025, 6, 30))


def assessed_status(task: Task) -> str:
    out = StringIO()
    call_command("assess", "--as-of", AS_OF.isoformat(), "--json", stdout=out)
    return next(t["status"] for t in json.loads(out.getvalue())["tasks"] if t["number"] == task.number)


def completed_on_time(task: Task) -> TaskProgress:
    return record_progress(task, on=date(2025, 7, 1), status="completed", completed_on=date(2025, 6, 28))


def test_a_draft_update_does_not_count(task):
    completed_on_time(task)  # a draft

    assert assessed_status(task) == TaskStatus.QUA_HAN_CHUA_BAO_CAO.value  # a draft is no report
    assert status_of(task, AS_OF).status == TaskStatus.QUA_HAN_CHUA_BAO_CAO  # the same rule as on submission


@pytest.mark.parametrize("approved", [False, True])
def test_a_submitted_or_approved_update_counts(task, approved, admin_user):
    progress = submit_progress(completed_on_time(task), as_of=date(2025, 7, 1))
    if approved:
        approve_progress(progress, admin_user)

    assert assessed_status(task) == TaskStatus.HOAN_THANH_DUNG_HAN.value
    assert status_of(task, AS_OF).status == TaskStatus.HOAN_THANH_DUNG_HAN
