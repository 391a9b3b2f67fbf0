"""API: tasks (filters as on the task list, with each task's status as of a date) and their progress
updates; an agency's officers post, submit the updates of the tasks it leads, Sở Tài chính approves.

Rights, as on the web pages (:mod:`kehoach.apps.accounts.roles`): reading for signed-in staff
(``sees_plan``), the drafts of an update only for those who see everything and the lead
agencies' officers (``tasks.services.visible_progress``); posting and submitting for the officers
of a lead agency (``may_report_any``), through ``tasks.entry``'s ``enter_progress`` /
``submit_progress`` (the explanation rule of ``tasks.services.submit_progress`` applies);
approving, or returning with a reason, for Sở Tài chính (``is_finance``, ``tasks.services.approve_progress``,
``return_progress``: the officers read ``return_reason``, correct the update and submit it again).

Concurrent edits: an update shows its ``row_version``; changing a draft (``PUT progress/{id}``,
``tasks.services.update_draft``) and submitting it may send the one the client read, and get 409
(``errors.Stale``) when someone saved the update since; without it the write goes through as
before (last writer wins).
"""


from datetime import date, datetime
from typing import Annotated, Literal

from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, FilterLookup, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import PrivateAttr

from kehoach.apps import locking
from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Day, Id, ReturnIn, RowVersion, Text, as_of_or_today
from kehoach.apps.api.errors import CONFLICT, ERRORS, Stale
from kehoach.apps.api.pagination import Pages
from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.monitoring.tasks.filtersets import STATUS_CHOICES, by_task, search_q
from kehoach.apps.review.services import entry_day
from kehoach.apps.tasks import entry, services
from kehoach.apps.tasks.models import Task, TaskProgress

router = Router(tags=["tasks"])
TaskStatusCode = Literal[tuple(value for value, _label in STATUS_CHOICES)]  # type: ignore[valid-type]


class TaskMilestoneOut(Schema):
    order: int
    text: str
    due: date | None
    condition: str


class TaskOut(Schema):
    id: int
    document: int
    number: int
    code: str
    group: int
    content: str
    result: str
    lead: list[int]
    support: list[int]
    leader: int | None
    lead_text: str = Field(description="The lead cell exactly as written; `lead` is what it was read as.")
    support_text: str = Field(description="The support cell exactly as written.")
    leader_text: str = Field(description="The leader cell exactly as written.")
    attributes: dict[str, str] = Field(description="Other columns of the task's row, by their header as written.")
    deadline_text: str = Field(description="The deadline as written.")
    due: date | None = Field(description="The deadline as understood.")
    start: date | None
    recurrence: dict | None
    condition: str
    deadline_understood: bool
    milestones: list[TaskMilestoneOut]
    status: str | None = Field(description="Status as of the request's as_of date (the assessment's).")
    status_label: str | None
    status_due: date | None = Field(description="Due date of the task's most pressing item as of that date.")
    days_late: int | None
    status_detail: str | None = Field(description="The status in one Vietnamese sentence.")
    occurrence: str | None = Field(description="A recurring task: the period code of the occurrence the status "
                                               "is about (the current one).")
    missed_occurrences: list[str] = Field(description="A recurring task: the period codes of the earlier "
                                                      "occurrences with no progress report, oldest first.")

    @staticmethod
    def resolve_document(obj) -> int:
        return obj.document_id

    @staticmethod
    def resolve_group(obj) -> int:
        return obj.group_id

    @staticmethod
    def resolve_leader(obj) -> int | None:
        return obj.leader_id

    @staticmethod
    def resolve_lead(obj) -> list[int]:
        return [a.pk for a in obj.lead.all()]

    @staticmethod
    def resolve_support(obj) -> list[int]:
        return [a.pk for a in obj.support.all()]

    @staticmethod
    def resolve_milestones(obj) -> list:
        return sorted(obj.milestones.all(), key=lambda m: m.order)

    @staticmethod
    def _assessed(obj, context):
        return getattr(context["request"], "_api_task_status", {}).get(obj.pk)

    @staticmethod
    def resolve_status(obj, context) -> str | None:
        a = TaskOut._assessed(obj, context)
        return a.status.value if a else None

    @staticmethod
    def resolve_status_label(obj, context) -> str | None:
        a = TaskOut._assessed(obj, context)
        return str(a.status.label) if a else None

    @staticmethod
    def resolve_status_due(obj, context) -> date | None:
        a = TaskOut._assessed(obj, context)
        return a.due if a else None

    @staticmethod
    def resolve_days_late(obj, context) -> int | None:
        a = TaskOut._assessed(obj, context)
        return a.days_late if a else None

    @staticmethod
    def resolve_status_detail(obj, context) -> str | None:
        a = TaskOut._assessed(obj, context)
        return a.detail if a else None

    @staticmethod
    def resolve_occurrence(obj, context) -> str | None:
        a = TaskOut._assessed(obj, context)
        return a.occurrence if a else None

    @staticmethod
    def resolve_missed_occurrences(obj, context) -> list[str]:
        a = TaskOut._assessed(obj, context)
        return list(a.missed) if a else []


class ProgressOut(Schema):
    id: int
    task: int
    on: date
    status: str
    percent: int | None
    note: str
    evidence_reference: str
    completed_on: date | None
    occurrence_due: date | None
    milestone: int | None
    cause: str
    difficulties: str
    proposals: str
    workflow: str
    row_version: int = Field(description="The edit version: send it back with a change (409 if it moved on).")
    entered_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    returned_at: datetime | None
    return_reason: str = Field(description="Why Sở Tài chính returned it (the latest return), to correct it.")

    @staticmethod
    def resolve_task(obj) -> int:
        return obj.task_id

    @staticmethod
    def resolve_milestone(obj) -> int | None:
        return obj.milestone.order if obj.milestone_id else None

    @staticmethod
    def resolve_workflow(obj) -> str:
        return obj.review_status


class ProgressFields(Schema):
    status: Literal["not_started", "in_progress", "completed"]
    percent: int | None = Field(None, ge=0, le=100)
    note: Text = ""
    evidence_reference: Text = ""
    cause: Text = ""
    difficulties: Text = ""
    proposals: Text = ""


class ProgressIn(ProgressFields):
    on: Day | None = Field(None, description="Date of the update; empty: the as-of date (never after today).")
    submit: bool = Field(False, description="true: submit for approval at once (all or nothing).")


class ProgressEdit(ProgressFields):
    on: Day | None = Field(None, description="Date of the update; empty: unchanged.")
    row_version: RowVersion | None = Field(None, description="The update's row_version as you read it: 409 and "
                                                          "nothing changed if someone saved it since. Omitted: no "
                                                          "check (last writer wins).")


class TaskFilter(FilterSchema):
    q: str | None = Field(None, description='Search, with or without diacritics ("giai ngan"), or a task number.')
    group: Id | None = None
    lead: Annotated[Id | None, FilterLookup("lead")] = None
    support: Annotated[Id | None, FilterLookup("support")] = None
    leader: Id | None = None
    status: TaskStatusCode | None = None
    due_from: date | None = None
    due_to: date | None = None
    _assessed: dict = PrivateAttr(default_factory=dict)

    def filter_q(self, value) -> Q:
        return search_q(value)

    def filter_status(self, value) -> Q:
        return Q(pk__in=[pk for pk, a in self._assessed.items() if a.status.value == value]) if value else Q()

    def filter_due_from(self, value) -> Q:
        return Q(pk__in=[pk for pk, a in self._assessed.items() if a.due and a.due >= value]) if value else Q()

    def filter_due_to(self, value) -> Q:
        return Q(pk__in=[pk for pk, a in self._assessed.items() if a.due and a.due <= value]) if value else Q()


class ProgressFilter(FilterSchema):
    workflow: Annotated[Text | None, FilterLookup("review_status")] = None
    status: Text | None = None


def _tasks():
    return Task.objects.select_related("document", "group", "leader").prefetch_related("lead", "support", "milestones")


def _statuses(request, as_of: date | None) -> dict:
    request._api_task_status = by_task(current_assessment(as_of_or_today(as_of)))
    return request._api_task_status


def _lead_ids(task: Task) -> list[int]:
    return [a.pk for a in task.lead.all()]


@router.get("", response={200: list[TaskOut], **ERRORS}, summary="List tasks (status as of ?as_of=, default today)")
@paginate(Pages)
def list_tasks(request, filters: Query[TaskFilter], as_of: Day | None = None):
    roles.require(roles.sees_plan(request.user))
    filters._assessed = _statuses(request, as_of)
    return filters.filter(_tasks()).distinct().order_by("document", "number")


@router.get("{int:task_id}", response={200: TaskOut, **ERRORS}, summary="One task")
def get_task(request, task_id: Id, as_of: Day | None = None):
    roles.require(roles.sees_plan(request.user))
    task = get_object_or_404(_tasks(), pk=task_id)
    request._api_task_status = {task.pk: services.status_of(task, as_of_or_today(as_of))}
    return task


@router.get("{int:task_id}/progress", response={200: list[ProgressOut], **ERRORS},
            summary="The task's progress updates the caller may read, oldest first")
@paginate(Pages)
def list_progress(request, task_id: Id, filters: Query[ProgressFilter]):
    roles.require(roles.sees_plan(request.user))
    task = get_object_or_404(Task, pk=task_id)
    return filters.filter(services.visible_progress(task, request.user))


@router.post("{int:task_id}/progress", response={201: ProgressOut, **ERRORS},
             summary="Post a progress update of a task your agency leads (a draft, or submitted with submit=true)")
def post_progress(request, task_id: Id, payload: ProgressIn, as_of: Day | None = None):
    task = get_object_or_404(Task, pk=task_id)
    roles.require(roles.may_report_any(request.user, _lead_ids(task)))
    day = as_of_or_today(as_of)
    values = payload.dict(exclude={"submit"})
    values["on"] = values["on"] or entry_day(day)
    with transaction.atomic():
        progress = entry.enter_progress(task, values, request.user)
        if payload.submit:
            progress = entry.submit_progress(progress, request.user, day)
    return Status(201, progress)


@router.put("progress/{int:progress_id}", response={200: ProgressOut, **CONFLICT},
            summary="Change a draft update (send its row_version: 409 if someone saved it since)")
def edit_progress(request, progress_id: Id, payload: ProgressEdit):
    progress = get_object_or_404(TaskProgress.objects.select_related("task"), pk=progress_id)
    roles.require(roles.may_report_any(request.user, _lead_ids(progress.task)))
    values = payload.dict(exclude={"row_version"})
    values["on"] = values["on"] or progress.on
    try:
        return entry.enter_progress(progress.task, values, request.user, draft=progress,
                                        expected_version=payload.row_version)
    except locking.Conflict as exc:
        raise Stale(exc, payload.row_version, ProgressOut) from None


@router.post("progress/{int:progress_id}/submit", response={200: ProgressOut, **CONFLICT},
             summary="Submit a draft update (overdue or nearly: causes, difficulties and proposals first)")
def submit_progress(request, progress_id: Id, as_of: Day | None = None, row_version: RowVersion | None = None):
    progress = get_object_or_404(TaskProgress.objects.select_related("task"), pk=progress_id)
    roles.require(roles.may_report_any(request.user, _lead_ids(progress.task)))
    try:
        with transaction.atomic():
            locking.claim(progress, row_version)
            progress.refresh_from_db()
            return entry.submit_progress(progress, request.user, as_of_or_today(as_of))
    except locking.Conflict as exc:
        raise Stale(exc, row_version, ProgressOut) from None


@router.post("progress/{int:progress_id}/approve", response={200: ProgressOut, **ERRORS},
             summary="Approve a submitted update (Sở Tài chính)")
def approve_progress(request, progress_id: Id):
    roles.require(roles.is_finance(request.user))
    progress = get_object_or_404(TaskProgress.objects.select_related("task"), pk=progress_id)
    return services.approve_progress(progress, request.user)


@router.post("progress/{int:progress_id}/return", response={200: ProgressOut, **ERRORS},
             summary="Return a submitted update to its agency with a reason (Sở Tài chính)")
def return_progress(request, progress_id: Id, payload: ReturnIn):
    roles.require(roles.is_finance(request.user))
    progress = get_object_or_404(TaskProgress.objects.select_related("task"), pk=progress_id)
    return services.return_progress(progress, request.user, payload.return_reason)
