"""Re-importing a document keeps the progress, events and project data people entered on it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.plan_import.document_commands import parse_files
from kehoach.apps.plan_import.importing import store
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.tasks.models import ConditionEvent, Task, TaskProgress
from kehoach.apps.tasks.services import record_condition_event, record_progress, submit_progress
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86
from tests.apps.factories import files_for, plan

pytestmark = pytest.mark.django_db


def import_sample():
    """The plan (88 tasks, one with milestones, four conditional) and the report (24 key projects)."""
    result, contents = parse_files([str(KE_HOACH_86), str(BAO_CAO_619)])
    return store(result, contents)


def test_reimporting_the_sample_document_keeps_existing_progress():
    import_sample()
    task = Task.objects.filter(milestones__isnull=False).distinct().get()
    milestone = task.milestones.order_by("order").first()
    progress = record_progress(task, on=date(2025, 4, 1), status="in_progress", percent=40, milestone=milestone,
                               cause="c", difficulties="d", proposals="p")
    submit_progress(progress, as_of=date(2025, 4, 1))
    conditional = Task.objects.exclude(condition="").first()
    record_condition_event(conditional, date(2025, 3, 1))
    project = Project.objects.order_by("number").first()
    ProjectMilestone.objects.create(project=project, kind="khoi_cong", planned=date(2025, 4, 30))
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("1000"))
    Disbursement.objects.create(project=project, period="2025-03", amount_million_vnd=Decimal("120"))

    summary = import_sample()

    assert not summary.changed and not +summary.deleted
    progress.refresh_from_db()  # still there, still on the same task and milestone, still submitted
    assert (progress.task_id, progress.milestone_id, progress.review_status) == (task.pk, milestone.pk,
                                                                          TaskProgress.SUBMITTED)
    assert ConditionEvent.objects.get().task_id == conditional.pk
    assert (ProjectMilestone.objects.count(), CapitalPlan.objects.count(), Disbursement.objects.count()) == (1, 1, 1)


def test_a_changed_task_keeps_its_progress():
    result = plan()
    store(result, files_for(result))
    task = Task.objects.get(number=1)
    record_progress(task, on=date(2025, 4, 1), status="in_progress", milestone=task.milestones.get(order=1))

    changed = plan(first_deadline="Tháng 7/2025")
    summary = store(changed, files_for(changed, b"version 2"))

    assert summary.updated["Task"] == 1
    assert TaskProgress.objects.get().task == Task.objects.get(number=1)


def test_a_task_the_new_version_drops_takes_its_progress_along():
    result = plan()
    store(result, files_for(result))
    dropped = Task.objects.get(number=2)
    record_progress(dropped, on=date(2025, 4, 1), status="in_progress")
    kept = record_progress(Task.objects.get(number=1), on=date(2025, 4, 1), status="in_progress")

    shorter = plan(with_second_task=False)
    store(shorter, files_for(shorter, b"version 2"))

    assert list(TaskProgress.objects.all()) == [kept]
    assert TaskProgress.history.filter(history_type="-").count() == 1  # the history keeps the deleted update
