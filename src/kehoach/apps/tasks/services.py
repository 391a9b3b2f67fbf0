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

Which updates count: submitted and approved ones (``REPORTED``, filtered by ``counted_progress``,
the one place that rule is applied: the task status here and the assessment's snapshot both use
it); a draft is the agency's own business until it is submitted.

``approve_progress`` needs the permission ``tasks.approve_taskprogress`` (Sở Tài chính), as
approving a figure needs ``figures.approve_actualfigure``.

The rule of ``submit_progress``: the task's status is computed as of the submission date from its
counted updates *and the update being submitted* (an update that completes the task on time takes
it out of "overdue"). When that status is quá hạn (chưa hoàn thành, or chưa báo cáo) or sắp đến
hạn, or a recurring task has earlier occurrences never reported (``TaskAssessment.missed``), the
update must give its causes, difficulties and proposals (nguyên nhân, khó khăn vướng mắc, đề
xuất); the reports quote them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps import locking
from kehoach.apps.accounts import roles
from kehoach.apps.review import services as review
from kehoach.apps.review.services import ExplanationRequired  # noqa: F401 (the review's, re-exported)
from kehoach.apps.steering import services as steering
from kehoach.apps.tasks.models import ConditionEvent, Task, TaskMilestone, TaskProgress
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.explanation import TASK_STATUSES_NEEDING_EXPLANATION
from kehoach.domain.assessment.rules import DEFAULT, Thresholds
from kehoach.domain.assessment.tasks import PRIORITY, assess_occurrences, occurrences, task_status

REPORTED = (TaskProgress.SUBMITTED, TaskProgress.APPROVED)
APPROVE_PERMISSION = TaskProgress.approve_permission
NEEDS_EXPLANATION = TASK_STATUSES_NEEDING_EXPLANATION


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


# The thresholds are the assessment's settings (a layer above, which tasks never import): the
# assessment hands them in when it starts (judge_with); the domain's defaults without it.
_thresholds: Callable[[], Thresholds] = lambda: DEFAULT  # noqa: E731


def judge_with(source: Callable[[], Thresholds]) -> None:
    """Take the assessment's thresholds in force (``AssessmentSettings.current``, from its ``ready``)."""
    global _thresholds
    _thresholds = source


def thresholds() -> Thresholds:
    """The thresholds in force: the assessment settings' when that app is installed, else the defaults."""
    return _thresholds()


def counted_progress(progress: QuerySet[TaskProgress] | None = None) -> QuerySet[TaskProgress]:
    """The updates that count (submitted or approved, ``REPORTED``) among ``progress`` (default: all)."""
    rows = TaskProgress.objects.all() if progress is None else progress
    return rows.filter(review_status__in=REPORTED)


def status_of(task: Task, as_of: date, extra: Iterable[TaskProgress] = ()) -> m.TaskAssessment:
    """The task's status as of a date from its counted updates (plus ``extra``) and its events."""
    rows = list(counted_progress(task.progress.all()).select_related("task", "milestone"))
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
        thresholds=limits,
        task=task.pk,
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


def update_draft(progress: TaskProgress, values: dict, user=None, expected_version: int | None = None) -> TaskProgress:
    """Complete a draft (or returned) update in place. ``expected_version``: the ``row_version`` the
    user's form was read at; ``Conflict`` (kehoach.apps.locking) when someone saved it since."""
    with transaction.atomic():
        locking.claim(progress, expected_version)
        progress.refresh_from_db()
        if not progress.editable:
            raise ValidationError(_("Only a draft can be changed."))
        for name, value in values.items():
            setattr(progress, name, value)
        progress.entered_by = user
        progress.full_clean()
        progress.save()
    return progress


def submit_progress(progress: TaskProgress, user=None, as_of: date | None = None) -> TaskProgress:
    """Submit a draft (or returned) update; refused (``ExplanationRequired``) for a task overdue or about
    to be unless the update gives its causes, difficulties and proposals."""
    as_of = as_of or timezone.localdate()
    if not progress.editable:
        raise ValidationError(_("Only a draft can be submitted."))
    progress.full_clean()
    assessment = status_of(progress.task, as_of, extra=[progress])
    judgement = assessment.status
    if assessment.missed and judgement not in NEEDS_EXPLANATION:  # an earlier occurrence never reported
        judgement = m.TaskStatus.QUA_HAN_CHUA_BAO_CAO
    return review.submit(progress, user, judgement, assessment)


def approve_progress(progress: TaskProgress, user) -> TaskProgress:
    """Approve a submitted update, by a user allowed to approve progress (Sở Tài chính)."""
    return review.approve(progress, user)


def return_progress(progress: TaskProgress, user, reason: str) -> TaskProgress:
    """Return a submitted update to its agency with a reason (Sở Tài chính); it corrects and resubmits it."""
    return review.send_back(progress, user, reason)


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


# -- what the task pages show ---------------------------------------------------------------------

def severity_key(assessment: m.TaskAssessment) -> tuple:
    """Worst first: by status (``domain.assessment.tasks.PRIORITY``), the latest first, then the earliest due."""
    rank = PRIORITY.index(assessment.status)
    return (rank, -(assessment.days_late or 0), assessment.due is None, assessment.due or date.max)


def items_of(task: Task, as_of: date) -> list[tuple[m.Occurrence, m.TaskAssessment, ConditionEvent | None]]:
    """Every item of the task's deadline (the due date, each occurrence or each milestone) as of a
    date, with its own status (what ``status_of`` takes the most pressing of) and, for an item that
    waits for an event, the ``ConditionEvent`` that set it going (None: not happened by then)."""
    rows = sorted(counted_progress(task.progress.all()).select_related("task", "milestone"),
                  key=lambda row: (row.on, row.entered_at, row.pk))
    rows_events = sorted((ev for ev in task.condition_events.all() if ev.happened_on <= as_of),
                         key=lambda ev: (ev.happened_on, ev.pk))  # prefetch-friendly
    events = [condition_event_to_domain(ev) for ev in rows_events]
    limits = thresholds()
    deadline = deadline_of(task)
    assessed = assess_occurrences(
        deadline, [progress_to_domain(row) for row in rows], as_of, events, thresholds=limits, task=task.pk,
    )
    found = []
    for occurrence, assessment in zip(occurrences(deadline, as_of), assessed, strict=True):
        matching = [ev for ev in rows_events if occurrence.condition and (
            ev.milestone_id is None or milestone_index(ev.milestone) == occurrence.milestone)]
        found.append((occurrence, assessment, matching[0] if matching else None))
    return found


def visible_progress(task: Task, user):
    """The task's updates the user may read, oldest first: every one (drafts too) for those who see
    everything and for officers of its lead agencies; the counted ones (submitted, approved) for the others."""
    rows = task.progress.select_related("milestone", "entered_by", "submitted_by", "approved_by")
    if not (roles.sees_everything(user) or roles.may_report_any(user, [agency.pk for agency in task.lead.all()])):
        rows = counted_progress(rows)
    return rows.order_by("on", "entered_at", "pk")


# -- directives and comments on a task ------------------------------------------------------------


def comment_kinds(user, task: Task) -> list[str]:
    """What the user may write on the task (the rule: ``kehoach.apps.steering.services``)."""
    return steering.kinds_for(user, [agency.pk for agency in task.lead.all()])


def post_comment(task: Task, user, *, kind: str, text: str, due: date | None = None):
    """Write a directive or a comment on the task; PermissionDenied unless ``comment_kinds`` allows it."""
    return steering.post(user, [agency.pk for agency in task.lead.all()], kind=kind, text=text, due=due, task=task)


# -- search ---------------------------------------------------------------------------------------


def refresh_search_text(tasks: Iterable[Task | int] | None = None) -> int:
    """Recompute ``Task.search_text`` of the tasks (instances or ids; None: every task) from their
    texts, agencies and leader; store those that changed (no history row: it is derived). Returns
    how many changed."""
    rows = Task.objects.select_related("leader").prefetch_related("lead", "support")
    if tasks is not None:
        ids = {task if isinstance(task, int) else task.pk for task in tasks}
        ids.discard(None)
        if not ids:
            return 0
        rows = rows.filter(pk__in=ids)
    changed = []
    for row in rows:
        text = row.compose_search_text()
        if text != row.search_text:
            row.search_text = text
            changed.append(row)
    Task.objects.bulk_update(changed, ["search_text"], batch_size=500)
    return len(changed)


def agencies_changed(sender, instance, action, reverse, pk_set, **_kwargs) -> None:
    """``m2m_changed`` of ``Task.lead`` and ``Task.support``: the tasks' search text follows."""
    if reverse:  # agency.lead_tasks.add(task, ...): pk_set are tasks
        if action == "pre_clear":
            field = "lead_tasks" if sender is Task.lead.through else "support_tasks"
            instance._kehoach_cleared_tasks = list(getattr(instance, field).values_list("pk", flat=True))
        elif action in ("post_add", "post_remove"):
            refresh_search_text(pk_set or ())
        elif action == "post_clear":
            refresh_search_text(getattr(instance, "_kehoach_cleared_tasks", ()))
    elif action in ("post_add", "post_remove", "post_clear"):
        refresh_search_text([instance])


def names_changed(sender, instance, created, raw=False, **_kwargs) -> None:
    """``post_save`` of an agency or a leader: the search text of its tasks follows its name."""
    if created or raw:
        return
    if sender._meta.model_name == "leader":
        refresh_search_text(instance.tasks.values_list("pk", flat=True))
    else:
        refresh_search_text(Task.objects.filter(models.Q(lead=instance) | models.Q(support=instance))
                            .values_list("pk", flat=True).distinct())
