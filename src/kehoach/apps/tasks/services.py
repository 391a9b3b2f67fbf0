"""What people do with tasks: report progress, submit and approve it, record a triggering event.

Also the adapters between the stored tasks and the domain (:mod:`kehoach.domain.assessment`):

* ``deadline_of(task)``: the task's ``entities.Deadline`` rebuilt from its deadline fields and
  milestones, the one place that conversion lives;
* ``progress_to_domain`` and ``condition_event_to_domain``: a ``TaskProgress`` or ``ConditionEvent``
  row as the domain's ``ProgressUpdate`` or ``ConditionEvent``.

In the domain inputs a task is numbered by its database id, a milestone by its 0-based position
(``order - 1``: ``store`` numbers a task's milestones 1, 2, ... in document order), and an
occurrence of a recurring deadline by its period's code ("2025-03"), found from the due date
stored in ``TaskProgress.occurrence_due`` (the shorter period when a month and a quarter end the
same day).

Which updates count: submitted and approved ones (``REPORTED``); a draft is the agency's own
business until it is submitted.

The rule of ``submit_progress``: the task's status is computed as of the submission date from its
counted updates *and the update being submitted* (an update that completes the task on time takes
it out of "overdue"). When that status is quá hạn chưa hoàn thành or sắp đến hạn, the update must
give its causes, difficulties and proposals (nguyên nhân, khó khăn vướng mắc, đề xuất); the
reports quote them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.tasks.models import ConditionEvent, Task, TaskMilestone, TaskProgress
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.rules import DEFAULT, Thresholds
from kehoach.domain.assessment.tasks import occurrences, task_status

REPORTED = (TaskProgress.SUBMITTED, TaskProgress.APPROVED)
NEEDS_EXPLANATION = (m.TaskStatus.QUA_HAN, m.TaskStatus.SAP_DEN_HAN)


class ExplanationRequired(ValidationError):
    """The task is overdue or about to be, and the update gives no causes, difficulties or proposals."""

    def __init__(self, assessment: m.TaskAssessment, missing: list[str]):
        self.assessment = assessment
        self.missing = missing
        message = _(
            "This task is “%(status)s”: give its causes, difficulties and proposals before submitting."
        ) % {"status": assessment.status.label}
        super().__init__({name: message for name in missing})


# -- domain adapters ------------------------------------------------------------------------------


def _recurrence_of(task: Task) -> e.Recurrence | None:
    if not task.recurrence:
        return None
    until = task.recurrence.get("until")
    return e.Recurrence(
        every=list(task.recurrence.get("every") or []), until=date.fromisoformat(until) if until else None
    )


def deadline_of(task: Task) -> e.Deadline:
    """The task's deadline as the domain reads it (as ``deadlines.parse_deadline`` produced it)."""
    milestones = sorted(task.milestones.all(), key=lambda ms: ms.order)  # prefetch-friendly
    return e.Deadline(
        text=task.deadline_text,
        due=task.due,
        start=task.start,
        recurrence=_recurrence_of(task),
        condition=task.condition,
        milestones=[e.Milestone(text=ms.text, due=ms.due, condition=ms.condition) for ms in milestones],
        note=task.note,
        understood=task.deadline_understood,
    )


def occurrence_period(task: Task, due: date) -> str | None:
    """The period code of the task's recurring occurrence due on ``due`` (None: no such occurrence)."""
    recurrence = _recurrence_of(task)
    if recurrence is None:
        return None
    deadline = e.Deadline(text=task.deadline_text, due=task.due, start=task.start, recurrence=recurrence)
    found = [o for o in occurrences(deadline, due) if o.due == due]
    return found[0].period if found else None  # occurrences() puts the shorter period first


def milestone_index(milestone: TaskMilestone | None) -> int | None:
    return None if milestone is None else milestone.order - 1


def progress_to_domain(progress: TaskProgress) -> m.ProgressUpdate:
    evidence = progress.evidence_reference or (progress.evidence_file.name if progress.evidence_file else "")
    return m.ProgressUpdate(
        task=progress.task_id,
        on=progress.on,
        status=m.ProgressStatus(progress.status),
        percent=progress.percent,
        note=progress.note,
        evidence=evidence,
        completed_on=progress.completed_on,
        milestone=milestone_index(progress.milestone),
        occurrence=occurrence_period(progress.task, progress.occurrence_due) if progress.occurrence_due else None,
    )


def condition_event_to_domain(event: ConditionEvent) -> m.ConditionEvent:
    return m.ConditionEvent(
        task=event.task_id,
        on=event.happened_on,
        due=event.due,
        milestone=milestone_index(event.milestone),
        note=event.note,
    )


def thresholds() -> Thresholds:
    """The thresholds in force: the assessment settings' when that app is installed, else the defaults."""
    if django_apps.is_installed("kehoach.apps.assessment"):
        from kehoach.apps.assessment.models import AssessmentSettings

        return AssessmentSettings.current()
    return DEFAULT


def status_of(task: Task, as_of: date, extra: Iterable[TaskProgress] = ()) -> m.TaskAssessment:
    """The task's status as of a date from its counted updates (plus ``extra``) and its events."""
    rows = list(task.progress.filter(workflow__in=REPORTED).select_related("task", "milestone"))
    known = {row.pk for row in rows}
    rows += [row for row in extra if row.pk is None or row.pk not in known]
    rows.sort(key=lambda row: (row.on, row.entered_at, row.pk or 0))
    events = [condition_event_to_domain(ev) for ev in task.condition_events.select_related("milestone")]
    limits = thresholds()
    return task_status(
        deadline_of(task),
        [progress_to_domain(row) for row in rows],
        as_of,
        events,
        soon_days=limits.soon_days,
        task=task.pk,
        condition_days=limits.condition_days,
    )


# -- user actions ---------------------------------------------------------------------------------


def record_progress(
    task: Task,
    *,
    on: date,
    status: str,
    percent: int | None = None,
    note: str = "",
    evidence_reference: str = "",
    evidence_file=None,
    completed_on: date | None = None,
    occurrence_due: date | None = None,
    milestone: TaskMilestone | None = None,
    cause: str = "",
    difficulties: str = "",
    proposals: str = "",
    user=None,
) -> TaskProgress:
    """Record a progress update as a draft; a ValidationError says what is wrong with it."""
    progress = TaskProgress(
        task=task,
        on=on,
        status=status,
        percent=percent,
        note=note,
        evidence_reference=evidence_reference,
        completed_on=completed_on,
        occurrence_due=occurrence_due,
        milestone=milestone,
        cause=cause,
        difficulties=difficulties,
        proposals=proposals,
        entered_by=user,
    )
    if evidence_file is not None:
        progress.evidence_file = evidence_file
    progress.full_clean()
    progress.save()
    return progress


def submit_progress(progress: TaskProgress, user=None, as_of: date | None = None) -> TaskProgress:
    """Submit a draft update; refused (``ExplanationRequired``) for a task overdue or about to be
    unless the update gives its causes, difficulties and proposals."""
    as_of = as_of or timezone.localdate()
    if progress.workflow != TaskProgress.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    progress.full_clean()
    assessment = status_of(progress.task, as_of, extra=[progress])
    if assessment.status in NEEDS_EXPLANATION:
        missing = [name for name in ("cause", "difficulties", "proposals") if not getattr(progress, name).strip()]
        if missing:
            raise ExplanationRequired(assessment, missing)
    with transaction.atomic():
        progress.workflow = TaskProgress.SUBMITTED
        progress.submitted_by = user
        progress.submitted_at = timezone.now()
        progress.save()
    return progress


def approve_progress(progress: TaskProgress, user=None) -> TaskProgress:
    """Approve a submitted update."""
    if progress.workflow != TaskProgress.SUBMITTED:
        raise ValidationError(_("Only a submitted update can be approved."))
    progress.workflow = TaskProgress.APPROVED
    progress.approved_by = user
    progress.approved_at = timezone.now()
    progress.save()
    return progress


def record_condition_event(
    task: Task,
    happened_on: date,
    *,
    due: date | None = None,
    milestone: TaskMilestone | None = None,
    note: str = "",
    user=None,
) -> ConditionEvent:
    """Record that the event a conditional deadline waits for happened."""
    event = ConditionEvent(task=task, happened_on=happened_on, due=due, milestone=milestone, note=note,
                           recorded_by=user)
    event.full_clean()
    event.save()
    return event
