"""Recording the event a conditional deadline waits for: from then on the task has a due date."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kehoach.apps.tasks.services import (
    ExplanationRequired,
    condition_event_to_domain,
    record_condition_event,
    record_progress,
    status_of,
    submit_progress,
)
from kehoach.domain.assessment.model import ConditionEvent, TaskStatus

pytestmark = pytest.mark.django_db

CONDITION = "Sau khi Đề án được Thủ tướng Chính phủ phê duyệt"


def test_a_conditional_task_waits_until_its_event_is_recorded(make_task, officer):
    task = make_task(condition=CONDITION)
    assert status_of(task, date(2025, 9, 1)).status == TaskStatus.CHO_DIEU_KIEN

    event = record_condition_event(task, date(2025, 3, 1), due=date(2025, 4, 30), note="QĐ 45/QĐ-TTg", user=officer)

    assert event.recorded_by == officer and event.history.count() == 1
    assert condition_event_to_domain(event) == ConditionEvent(task=task.pk, on=date(2025, 3, 1),
                                                              due=date(2025, 4, 30), note="QĐ 45/QĐ-TTg")
    assert status_of(task, date(2025, 2, 20)).status == TaskStatus.CHO_DIEU_KIEN  # before the event
    assessment = status_of(task, date(2025, 5, 5))
    assert (assessment.status, assessment.due) == (TaskStatus.QUA_HAN_CHUA_BAO_CAO, date(2025, 4, 30))  # no report

    progress = record_progress(task, on=date(2025, 5, 5), status="in_progress", percent=60)
    with pytest.raises(ExplanationRequired):
        submit_progress(progress, as_of=date(2025, 5, 5))


def test_without_a_date_the_task_is_due_30_days_after_the_event(make_task):
    task = make_task(condition=CONDITION)
    record_condition_event(task, date(2025, 3, 1))
    assert status_of(task, date(2025, 3, 2)).due == date(2025, 3, 31)


def test_an_event_for_one_milestone(make_task):
    task = make_task(milestones=[("Lập quy hoạch", date(2025, 3, 31), ""),
                                 ("Triển khai", None, "Sau khi quy hoạch được duyệt")])
    second = task.milestones.get(order=2)
    event = record_condition_event(task, date(2025, 4, 10), due=date(2025, 8, 31), milestone=second)
    assert condition_event_to_domain(event).milestone == 1

    first = status_of(task, date(2025, 5, 1))
    assert (first.milestone, first.status) == (0, TaskStatus.QUA_HAN_CHUA_BAO_CAO)  # the most pressing milestone

    done = record_progress(task, on=date(2025, 4, 20), status="completed", milestone=task.milestones.get(order=1))
    submit_progress(done, as_of=date(2025, 4, 20))
    rest = status_of(task, date(2025, 5, 1))
    assert (rest.milestone, rest.status, rest.due) == (1, TaskStatus.CHUA_DEN_HAN, date(2025, 8, 31))


def test_a_task_that_waits_for_nothing_takes_no_event(make_task, milestone_task):
    with pytest.raises(ValidationError):
        record_condition_event(make_task(due=date(2025, 6, 30)), date(2025, 3, 1))
    other = make_task(milestones=[("A", None, "Sau khi có vốn")]).milestones.get()
    with pytest.raises(ValidationError) as exc:
        record_condition_event(make_task(condition=CONDITION), date(2025, 3, 1), milestone=other)
    assert "milestone" in exc.value.message_dict
