"""Submitting an update: a task overdue or about to be needs its causes, difficulties and proposals."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kehoach.apps.tasks.models import TaskProgress
from kehoach.apps.tasks.services import ExplanationRequired, approve_progress, record_progress, submit_progress
from kehoach.domain.assessment.model import TaskStatus

pytestmark = pytest.mark.django_db

EXPLANATION = {
    "cause": "Chờ ý kiến thẩm định của Bộ Tư pháp",
    "difficulties": "Hồ sơ phải bổ sung nhiều lần",
    "proposals": "Đề nghị UBND thành phố gia hạn đến 31/8/2025",
}


@pytest.fixture
def task(make_task):
    return make_task(due=date(2025, 6, 30))


@pytest.mark.parametrize(
    ("as_of", "status"),
    [(date(2025, 7, 10), TaskStatus.QUA_HAN), (date(2025, 6, 28), TaskStatus.SAP_DEN_HAN),
     (date(2025, 6, 30), TaskStatus.SAP_DEN_HAN)],
)
def test_refused_without_explanation_when_overdue_or_due_soon(task, officer, as_of, status):
    progress = record_progress(task, on=as_of, status="in_progress", percent=70, user=officer)

    with pytest.raises(ExplanationRequired) as exc:
        submit_progress(progress, officer, as_of=as_of)

    assert exc.value.assessment.status == status
    assert set(exc.value.message_dict) == {"cause", "difficulties", "proposals"}
    assert status.label in exc.value.message_dict["cause"][0]  # the message is in Vietnamese
    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.DRAFT and progress.submitted_at is None


def test_one_missing_part_is_enough_to_refuse(task):
    progress = record_progress(task, on=date(2025, 7, 10), status="in_progress", **{**EXPLANATION, "proposals": " "})
    with pytest.raises(ExplanationRequired) as exc:
        submit_progress(progress, as_of=date(2025, 7, 10))
    assert set(exc.value.message_dict) == {"proposals"}


@pytest.mark.parametrize("as_of", [date(2025, 7, 10), date(2025, 6, 28)])
def test_accepted_with_the_explanation(task, officer, as_of):
    progress = record_progress(task, on=as_of, status="in_progress", percent=70, **EXPLANATION)
    submit_progress(progress, officer, as_of=as_of)

    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.SUBMITTED
    assert progress.submitted_by == officer and progress.submitted_at is not None


def test_a_task_in_time_needs_no_explanation(task):
    progress = record_progress(task, on=date(2025, 5, 1), status="in_progress", percent=30)
    assert submit_progress(progress, as_of=date(2025, 5, 1)).review_status == TaskProgress.SUBMITTED


def test_an_update_that_completes_the_task_on_time_needs_none(task):
    progress = record_progress(task, on=date(2025, 7, 2), status="completed", completed_on=date(2025, 6, 27))
    assert submit_progress(progress, as_of=date(2025, 7, 2)).review_status == TaskProgress.SUBMITTED


def test_an_overdue_milestone_makes_the_task_overdue(milestone_task):
    second = milestone_task.milestones.get(order=2)  # "Ban hành", no date; "Trình HĐND" was due 31/05/2025
    progress = record_progress(milestone_task, on=date(2025, 6, 5), status="in_progress", milestone=second)
    with pytest.raises(ExplanationRequired) as exc:
        submit_progress(progress, as_of=date(2025, 6, 5))
    assert exc.value.assessment.milestone == 0

    first = milestone_task.milestones.get(order=1)
    done = record_progress(milestone_task, on=date(2025, 6, 5), status="completed", milestone=first,
                           completed_on=date(2025, 5, 30))
    submit_progress(done, as_of=date(2025, 6, 5))
    assert submit_progress(progress, as_of=date(2025, 6, 5)).review_status == TaskProgress.SUBMITTED


def test_each_occurrence_of_a_recurring_task_counts(quarterly_task):
    q2 = record_progress(quarterly_task, on=date(2025, 4, 5), status="in_progress", occurrence_due=date(2025, 6, 30))
    with pytest.raises(ExplanationRequired):  # the first quarter's report (due 31/03) is not done
        submit_progress(q2, as_of=date(2025, 4, 5))

    q1 = record_progress(quarterly_task, on=date(2025, 4, 5), status="completed", occurrence_due=date(2025, 3, 31))
    submit_progress(q1, as_of=date(2025, 4, 5))  # completed late: no longer overdue
    assert submit_progress(q2, as_of=date(2025, 4, 5)).review_status == TaskProgress.SUBMITTED


def test_approval_follows_submission(task, approver):
    progress = record_progress(task, on=date(2025, 5, 1), status="in_progress", percent=30)
    with pytest.raises(ValidationError):
        approve_progress(progress, approver)

    submit_progress(progress, as_of=date(2025, 5, 1))
    with pytest.raises(ValidationError):
        submit_progress(progress, as_of=date(2025, 5, 1))
    approve_progress(progress, approver)

    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.APPROVED
    assert progress.approved_by == approver and progress.approved_at is not None
    assert [h.review_status for h in progress.history.order_by("history_date")] == ["draft", "submitted", "approved"]
