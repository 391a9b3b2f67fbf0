"""An agency records a progress update: a draft with its evidence, checked against the task's deadline."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kehoach.apps.tasks.models import TaskProgress
from kehoach.apps.tasks.services import deadline_of, progress_to_domain, record_progress, status_of
from kehoach.domain.assessment.model import ProgressStatus, TaskStatus
from kehoach.domain.entities import Deadline, Milestone, Recurrence

pytestmark = pytest.mark.django_db


def test_an_update_is_recorded_as_a_draft_with_who_entered_it(milestone_task, officer):
    progress = record_progress(
        milestone_task, on=date(2025, 4, 10), status="in_progress", percent=40, note="Đã lấy ý kiến các sở",
        evidence_reference="123/STC-KH", user=officer,
    )

    progress.refresh_from_db()
    assert progress.review_status == TaskProgress.DRAFT
    assert progress.entered_by == officer and progress.entered_at is not None
    assert list(milestone_task.progress.all()) == [progress]
    assert progress.history.count() == 1


def test_the_evidence_file_is_stored_by_month(milestone_task, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    progress = record_progress(milestone_task, on=date(2025, 4, 10), status="in_progress", evidence_file=upload)

    assert progress.evidence_file.name.startswith("evidence/")
    assert (tmp_path / progress.evidence_file.name).read_bytes() == b"%PDF-1.4 minh chung"
    assert progress_to_domain(progress).evidence == progress.evidence_file.name


def test_a_completed_update_is_at_100_percent(milestone_task):
    progress = record_progress(milestone_task, on=date(2025, 5, 20), status="completed", completed_on=date(2025, 5, 18))
    assert progress.percent == 100
    assert progress_to_domain(progress).completion_date == date(2025, 5, 18)

    with pytest.raises(ValidationError) as exc:
        record_progress(milestone_task, on=date(2025, 5, 20), status="completed", percent=60)
    assert "percent" in exc.value.message_dict


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"status": "in_progress", "percent": 101}, "percent"),
        ({"status": "not_started", "percent": 20}, "percent"),
        ({"status": "in_progress", "completed_on": date(2025, 5, 1)}, "completed_on"),
        ({"status": "done"}, "status"),
    ],
)
def test_inconsistent_updates_are_refused(milestone_task, fields, wrong):
    with pytest.raises(ValidationError) as exc:
        record_progress(milestone_task, on=date(2025, 5, 1), **fields)
    assert wrong in exc.value.message_dict
    assert not TaskProgress.objects.exists()


def test_an_update_on_one_milestone(milestone_task, quarterly_task):
    second = milestone_task.milestones.get(order=2)
    progress = record_progress(milestone_task, on=date(2025, 5, 1), status="in_progress", milestone=second)
    assert progress_to_domain(progress).milestone == 1  # the domain counts milestones from 0

    with pytest.raises(ValidationError) as exc:
        record_progress(quarterly_task, on=date(2025, 5, 1), status="in_progress", milestone=second)
    assert "milestone" in exc.value.message_dict


def test_an_update_on_one_occurrence_of_a_recurring_task(quarterly_task, milestone_task):
    progress = record_progress(quarterly_task, on=date(2025, 6, 20), status="completed", occurrence_due=date(2025, 6, 30))
    update = progress_to_domain(progress)
    assert update.occurrence == "2025-Q2"
    assert (update.task, update.status) == (quarterly_task.pk, ProgressStatus.COMPLETED)

    with pytest.raises(ValidationError) as exc:  # no quarter ends on 15 June
        record_progress(quarterly_task, on=date(2025, 6, 20), status="completed", occurrence_due=date(2025, 6, 15))
    assert "occurrence_due" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:  # task 1 does not recur
        record_progress(milestone_task, on=date(2025, 6, 20), status="completed", occurrence_due=date(2025, 6, 30))
    assert "occurrence_due" in exc.value.message_dict


def test_a_month_and_a_quarter_ending_the_same_day_mean_the_month(make_task):
    task = make_task(recurrence={"every": ["month", "quarter"], "until": "2025-12-31"}, text="Hằng tháng, quý")
    progress = record_progress(task, on=date(2025, 3, 31), status="completed", occurrence_due=date(2025, 3, 31))
    assert progress_to_domain(progress).occurrence == "2025-03"


def test_the_deadline_is_rebuilt_from_the_task(milestone_task, quarterly_task):
    assert deadline_of(milestone_task) == Deadline(
        text="Tháng 6/2025", due=date(2025, 6, 30),
        milestones=[Milestone("Trình HĐND", date(2025, 5, 31)), Milestone("Ban hành")],
    )
    assert deadline_of(quarterly_task) == Deadline(text="Hằng quý", recurrence=Recurrence(every=["quarter"]))


def test_drafts_do_not_count_in_the_status(make_task):
    task = make_task(due=date(2025, 6, 30))
    record_progress(task, on=date(2025, 5, 1), status="in_progress", percent=50)
    assert status_of(task, date(2025, 5, 2)).status == TaskStatus.CHUA_DEN_HAN
    TaskProgress.objects.update(review_status=TaskProgress.SUBMITTED)
    assessment = status_of(task, date(2025, 5, 2))
    assert (assessment.status, assessment.percent) == (TaskStatus.DANG_THUC_HIEN_TRONG_HAN, 50)
