"""Đơn vị (the agency workspace) and Sở Tài chính's approval queue: what the pages do, not how they look.

* ``overview(as_of)``: every agency with a responsibility (indicators it monitors, tasks it leads,
  projects, reports it owes), its on-time reporting rate and what is pending.
* ``workspace(agency, as_of)``: what one agency owes as of a date: the figures of its indicators
  for the current reporting periods (``figure_periods``), the progress of the tasks it leads,
  the updates of its projects and its report deadlines (``reporting.services.owed``).
* Entering: ``check_figure`` reads a figure exactly as the figures importer reads a row of its
  table (:mod:`kehoach.apps.figures.importing`: Vietnamese numbers, qualifiers, units, scopes);
  ``enter_figure`` records it as a draft through ``figures.services.record_figure``;
  ``submit_figure`` submits it with the rating it would have if it counted
  (``figures.services.rating_if_counted``), so a figure rated chậm or worse needs its explanation.
  ``enter_progress``/``submit_progress`` do the same for task updates
  (``tasks.services``), ``record_milestone``/``record_disbursement`` for key projects.
* The Excel template: ``build_template`` (what is owed, to fill in) and ``parse_upload`` /
  ``record_upload`` (check every row first, then record everything in one transaction).
* ``approval_queue(as_of)``: the submitted figures and task updates waiting for Sở Tài chính, and
  the approved figures not yet public.

Rights are not decided here: the views ask :mod:`kehoach.apps.accounts.roles`, and the
``owns_*`` functions say whether an object is the agency's (an indicator it monitors, a task it
leads, a project it is responsible for).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.documents.importing import to_decimal
from kehoach.apps.figures import importing
from kehoach.apps.figures import services as figure_services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.reporting.models import ReportingObligation
from kehoach.apps.reporting.services import Owed, owed
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.models import Task, TaskProgress
from kehoach.domain import sandbox, tabular
from kehoach.domain.assessment import calendar
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus, ReportStatus, TaskStatus
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.assessment.series import period_rows
from kehoach.domain.numbers import NumberFormatError, parse_number
from kehoach.domain.text import fold

RECENT_DAYS = 92  # a period that ended at most this long ago is still being reported
DEFAULT_PUBLICATION = ("year",)
TASK_ORDER = {
    TaskStatus.QUA_HAN: 0, TaskStatus.SAP_DEN_HAN: 1, TaskStatus.DANG_THUC_HIEN_TRONG_HAN: 2,
    TaskStatus.CHUA_DEN_HAN: 3, TaskStatus.CHO_DIEU_KIEN: 4, TaskStatus.HOAN_THANH_QUA_HAN: 5,
    TaskStatus.HOAN_THANH_DUNG_HAN: 6,
}
PENDING = (FigureStatus.DRAFT.value, FigureStatus.SUBMITTED.value)
PENDING_PROGRESS = (TaskProgress.DRAFT, TaskProgress.SUBMITTED)


def entry_day(as_of: date) -> date:
    """The default date of an entry: the as-of date, never later than today."""
    return min(as_of, timezone.localdate())


# What belongs to an agency ------------------------------------------------------------------------


def indicators_of(agency: Agency):
    return Indicator.objects.filter(monitoring_agencies=agency).order_by("key")


def tasks_of(agency: Agency):
    return Task.objects.filter(lead=agency).order_by("document", "number")


def projects_of(agency: Agency):
    return Project.objects.filter(agency=agency).order_by("document", "number")


def owns_indicator(agency: Agency, key: str) -> bool:
    return indicators_of(agency).filter(key=key).exists()


def owns_task(agency: Agency, pk) -> bool:
    return pk_of(pk) is not None and tasks_of(agency).filter(pk=pk_of(pk)).exists()


def owns_project(agency: Agency, pk) -> bool:
    return pk_of(pk) is not None and projects_of(agency).filter(pk=pk_of(pk)).exists()


def owns_milestone(agency: Agency, pk) -> bool:
    return pk_of(pk) is not None and ProjectMilestone.objects.filter(pk=pk_of(pk), project__agency=agency).exists()


def owns_figure(agency: Agency, pk) -> bool:
    return pk_of(pk) is not None and ActualFigure.objects.filter(pk=pk_of(pk), indicator__monitoring_agencies=agency).exists()


def owns_progress(agency: Agency, pk) -> bool:
    return pk_of(pk) is not None and TaskProgress.objects.filter(pk=pk_of(pk), task__lead=agency).exists()


def owns_directive(agency: Agency, pk) -> bool:
    from kehoach.apps.steering.services import directives_for

    return pk_of(pk) is not None and directives_for(agency).filter(pk=pk_of(pk)).exists()


def pk_of(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# The list of agencies -----------------------------------------------------------------------------


@dataclass
class AgencyRow:
    agency: Agency
    indicators: int = 0
    tasks: int = 0
    projects: int = 0
    on_time: int = 0
    counted: int = 0
    rate: Decimal | None = None
    reports_missing: int = 0
    reports_pending: int = 0
    drafts: int = 0
    submitted: int = 0
    overdue_tasks: int = 0
    soon_tasks: int = 0

    @property
    def rate_percent(self) -> Decimal | None:
        return None if self.rate is None else self.rate * 100


def overview(as_of: date, agencies=None) -> list[AgencyRow]:
    """Every agency with a responsibility (or the given ones), with its reporting record; constant queries."""
    rows = {a.pk: AgencyRow(a) for a in (agencies if agencies is not None else Agency.objects.all())}
    through = Indicator.monitoring_agencies.through
    for r in through.objects.values("agency_id").annotate(n=Count("id")):
        if r["agency_id"] in rows:
            rows[r["agency_id"]].indicators = r["n"]
    for r in Task.lead.through.objects.values("agency_id").annotate(n=Count("id")):
        if r["agency_id"] in rows:
            rows[r["agency_id"]].tasks = r["n"]
    for r in Project.objects.exclude(agency=None).values("agency_id").annotate(n=Count("id")):
        if r["agency_id"] in rows:
            rows[r["agency_id"]].projects = r["n"]
    obliged = set(ReportingObligation.objects.values_list("agency_id", flat=True))
    figures = ActualFigure.objects.filter(is_current=True, status__in=PENDING).exclude(reporting_agency=None)
    for r in figures.values("reporting_agency_id", "status").annotate(n=Count("id")):
        _add_pending(rows.get(r["reporting_agency_id"]), r["status"], r["n"])
    progress = TaskProgress.objects.filter(workflow__in=PENDING_PROGRESS)
    for r in progress.values("task__lead", "workflow").annotate(n=Count("id", distinct=True)):
        _add_pending(rows.get(r["task__lead"]), r["workflow"], r["n"])
    result = current_assessment(as_of)
    by_name = {row.agency.name: row for row in rows.values()}
    for card in result.agencies:
        row = by_name.get(card.owner)
        if row is not None:
            row.overdue_tasks = card.tasks_by_status.get(TaskStatus.QUA_HAN, 0)
            row.soon_tasks = card.tasks_by_status.get(TaskStatus.SAP_DEN_HAN, 0)
    reports = owed(as_of)
    for item in reports:
        row = rows.get(item.agency.pk)
        if row is None:
            continue
        if item.status == ReportStatus.MISSING:
            row.reports_missing += 1
        elif item.status == ReportStatus.PENDING and item.window_start <= as_of:
            row.reports_pending += 1
    for name, (ok, counted, rate) in on_time_rates(reports).items():
        row = by_name.get(name)
        if row is not None:
            row.on_time, row.counted, row.rate = ok, counted, rate
    kept = [r for r in rows.values() if r.indicators or r.tasks or r.projects or r.agency.pk in obliged
            or r.drafts or r.submitted]
    return sorted(kept, key=lambda r: fold(r.agency.name))


def _add_pending(row: AgencyRow | None, status: str, n: int) -> None:
    if row is None:
        return
    if status == FigureStatus.DRAFT.value:
        row.drafts += n
    else:
        row.submitted += n


def on_time_rates(reports: list[Owed]) -> dict[str, tuple[int, int, Decimal | None]]:
    """The on-time rate of each agency (the calendar's rule) from what ``owed`` found."""
    records = [
        m.ReportingRecord(m.ReportingDue(o.agency.name, o.kind, o.period, o.window_start, o.window_end, o.due),
                          o.status, o.submitted_on)
        for o in reports
    ]
    return calendar.on_time_rate(records)


# One agency's workspace ---------------------------------------------------------------------------


@dataclass
class FigureDue:
    """An indicator's figure owed for a period: the trajectory's value and the figures entered for it."""

    indicator: Indicator
    period: FigurePeriod
    trajectory: Decimal | None = None
    trajectory_text: str = ""
    figures: list[ActualFigure] = field(default_factory=list)
    assessment: m.IndicatorAssessment | None = None


@dataclass
class TaskDue:
    task: Task
    assessment: m.TaskAssessment | None
    latest: TaskProgress | None

    @property
    def flagged(self) -> bool:
        return self.assessment is not None and self.assessment.status in task_services.NEEDS_EXPLANATION


@dataclass
class ProjectDue:
    project: Project
    assessment: m.ProjectAssessment | None
    plan: CapitalPlan | None
    milestones: list[ProjectMilestone]
    disbursements: list[Disbursement]

    @property
    def rate_percent(self) -> Decimal | None:
        rate = self.assessment.rate if self.assessment else None
        return None if rate is None else rate * 100


@dataclass
class Workspace:
    agency: Agency
    as_of: date
    figures: list[FigureDue]
    pending_figures: list[ActualFigure]
    tasks: list[TaskDue]
    pending_progress: list[TaskProgress]
    projects: list[ProjectDue]
    reports: list[Owed]

    @property
    def flagged_tasks(self) -> int:
        return sum(1 for t in self.tasks if t.flagged)

    @property
    def has_milestones(self) -> bool:
        return any(p.milestones for p in self.projects)


def figure_periods(publication, as_of: date) -> list[FigurePeriod]:
    """The periods an indicator's figures are owed for as of a date.

    For each kind of period it is published for (``Indicator.publication``; a year when it says
    nothing): the latest period of that kind that ended at most ``RECENT_DAYS`` before the as-of
    date. When none has, the period under way (the next to report).
    """
    found: dict[tuple[date, date], FigurePeriod] = {}
    upcoming: list[FigurePeriod] = []
    for kind in publication or DEFAULT_PUBLICATION:
        candidates = []
        for year in (as_of.year - 1, as_of.year):
            try:
                candidates += calendar.periods_of(kind, year)
            except ValueError:
                continue
        ended = [p for p in candidates if p.end <= as_of]
        if ended and (as_of - ended[-1].end).days <= RECENT_DAYS:
            period = FigurePeriod.of(ended[-1])
            found[(period.start, period.end)] = period
        else:
            later = [p for p in candidates if p.end > as_of]
            if later:
                upcoming.append(FigurePeriod.of(later[0]))
    periods = list(found.values()) or upcoming[:1]
    return sorted(periods, key=lambda p: (p.end, -(p.end - p.start).days))


def workspace(agency: Agency, as_of: date) -> Workspace:
    """What the agency owes as of a date (a fixed number of queries, whatever the agency's load)."""
    result = current_assessment(as_of)
    snap = result.snapshot
    domain = {i.key: i for i in snap.indicators}
    rated = {a.indicator: a for a in result.indicators}
    indicators = list(indicators_of(agency))
    current = list(ActualFigure.objects.filter(indicator__in=indicators, is_current=True)
                   .select_related("indicator", "reporting_agency"))
    due: list[FigureDue] = []
    for indicator in indicators:
        periods = figure_periods(indicator.publication, as_of)
        rows = {}
        for year in sorted({p.year for p in periods}):
            for row in period_rows(domain[indicator.key], snap.scenarios, [], as_of, year):
                rows[(row.period.start, row.period.end)] = row
        for period in periods:
            row = rows.get((period.start, period.end))
            mine = [f for f in current if f.indicator_id == indicator.pk and _same_span(f.period, period)]
            due.append(FigureDue(indicator, period, row.scenario if row else None, row.scenario_text if row else "",
                                 sorted(mine, key=lambda f: f.scope), rated.get(indicator.key)))
    pending = sorted((f for f in current if f.status in PENDING),
                     key=lambda f: (f.status != FigureStatus.DRAFT.value, f.indicator.key, f.period, f.scope))

    statuses = {a.task: a for a in result.tasks}
    latest_first = TaskProgress.objects.order_by("-on", "-entered_at", "-pk")
    tasks = list(tasks_of(agency).select_related("document", "leader")
                 .prefetch_related(Prefetch("progress", queryset=latest_first, to_attr="updates")))
    task_rows = [TaskDue(t, statuses.get(t.pk), t.updates[0] if t.updates else None) for t in tasks]
    task_rows.sort(key=lambda r: (TASK_ORDER.get(r.assessment.status, 9) if r.assessment else 9,
                                  r.assessment.due or date.max if r.assessment else date.max,
                                  r.task.document_id, r.task.number))
    pending_progress = sorted(
        (u for t in tasks for u in t.updates if u.workflow in PENDING_PROGRESS),
        key=lambda u: (u.workflow != TaskProgress.DRAFT, u.task.number, u.on),
    )

    assessed = {a.project: a for a in result.projects}
    projects = projects_of(agency).select_related("document").prefetch_related(
        "milestones", "disbursements", Prefetch("capital_plans", queryset=CapitalPlan.objects.filter(year=as_of.year),
                                                to_attr="plans"))
    project_rows = [
        ProjectDue(p, assessed.get(p.pk), p.plans[0] if p.plans else None,
                   sorted(p.milestones.all(), key=lambda x: (x.planned or date.max, x.pk)),
                   sorted(p.disbursements.all(), key=lambda d: (d.on, d.period)))
        for p in projects
    ]
    return Workspace(agency, as_of, due, pending, task_rows, pending_progress, project_rows,
                     current_reports(owed(as_of, agency), as_of))


def current_reports(reports: list[Owed], as_of: date) -> list[Owed]:
    """The reports to show: every missing one, the ones whose window has opened, the recently submitted."""
    recent = as_of - timedelta(days=RECENT_DAYS)
    shown = [o for o in reports if o.status == ReportStatus.MISSING
             or (o.status == ReportStatus.PENDING and o.window_start <= as_of)
             or (o.status in (ReportStatus.SUBMITTED, ReportStatus.LATE) and o.due >= recent)]
    return sorted(shown, key=lambda o: (o.due, o.kind, o.period))


def _same_span(code: str, period: FigurePeriod) -> bool:
    try:
        return FigurePeriod.parse(code).same_span(period)
    except ValueError:
        return False


# Figures ------------------------------------------------------------------------------------------

# The figures importer's columns, and the form fields and template columns that hold them.
IMPORT_COLUMNS = ("indicator", "period", "value", "qualifier", "unit", "comparison", "scope", "source", "published")
PROBLEM_MESSAGES = {
    "indicator": _("%(found)s is not an indicator your agency monitors"),
    "period": _("%(found)s is not a period code (2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025)"),
    "value": _("%(found)s is not a number (write it as 1.234,5: “.” groups thousands, “,” is the decimal mark)"),
    "qualifier": _("%(found)s is not one of ước, hơn, trên, gần, khoảng"),
    "unit": _("%(found)s is not a unit that converts to the indicator's unit"),
    "scope": _("%(found)s is not a territorial scope (HP cũ, HP mới, a place or a scope label)"),
    "published": _("%(found)s is not a date (dd/mm/yyyy)"),
}
EXPLANATION_FIELDS = ("cause", "difficulties", "proposals")


@dataclass
class FigureEntry:
    """A checked figure, ready to record: the importer's row and the agency's explanation."""

    row: importing.FigureRow
    cause: str = ""
    difficulties: str = ""
    proposals: str = ""

    @property
    def explanation(self) -> dict[str, str]:
        return {"cause": self.cause, "difficulties": self.difficulties, "proposals": self.proposals}


class FigureChecker:
    """Reads figures as the figures importer reads the rows of its table (one instance per request)."""

    def __init__(self, agency: Agency):
        self.agency = agency
        self.keys = set(indicators_of(agency).values_list("key", flat=True))
        self.checker = importing.RowChecker("", importing.default_place())

    def check(self, line: int, cells: dict[str, str]) -> tuple[importing.FigureRow | None, list[tuple[str, str]]]:
        """(row, [(column, message)]); ``cells`` has the importer's columns."""
        cells = {c: (cells.get(c) or "").strip() for c in IMPORT_COLUMNS}
        if cells["indicator"] not in self.keys:
            found = repr(cells["indicator"]) if cells["indicator"] else None
            return None, [("indicator", problem_message("indicator", found, ""))]
        before = len(self.checker.problems)
        row = self.checker.check(line, cells)
        problems = [(p.column, problem_message(p.column, p.found, p.expected)) for p in self.checker.problems[before:]]
        return (row if not problems else None), problems


def problem_message(column: str, found: str | None, expected: str) -> str:
    """A problem of the importer in the user's language."""
    if found is None or found.startswith("an empty cell"):
        return _g("This cell must not be empty.")
    template = PROBLEM_MESSAGES.get(column)
    specific = (column == "value" and expected.startswith("a Vietnamese number")) or \
               (column == "period" and expected.startswith("a period code")) or \
               column in ("indicator", "qualifier", "unit", "scope") or \
               (column == "published" and expected.startswith("a date:"))
    if template is not None and specific:
        return str(template) % {"found": found}
    return _g("found %(found)s, expected %(expected)s") % {"found": found, "expected": expected}


def enter_figure(agency: Agency, entry: FigureEntry, user, edited: ActualFigure | None = None,
                 expected_version: int | None = None) -> tuple[ActualFigure, str]:
    """Record a figure as a draft of the agency; (figure, action).

    The action is ``created``/``revised``/``unchanged`` (``figures.services.record_figure``), or
    ``updated`` when the key's current figure is a draft with the same value: a draft is the
    agency's own until it is submitted, so its explanation and wording are completed in place
    (``unchanged`` when they are the same too: entering the same figure twice writes nothing).
    """
    row = entry.row
    with transaction.atomic():
        if edited is not None:  # a draft opened in the form: Conflict when someone saved it since
            figure_services.claim(edited, expected_version)
        current = (ActualFigure.objects.select_for_update()
                   .filter(indicator=row.indicator, period=row.period, scope=row.scope, is_current=True).first())
        values = {"comparator": row.comparator.value, "low": to_decimal(row.low), "high": to_decimal(row.high),
                  "qualifier": row.qualifier, "source": row.source}
        if current is not None and current.status == FigureStatus.DRAFT.value and all(
            getattr(current, name) == values[name] for name in figure_services.SAME_FIGURE_FIELDS
        ):
            wording = {**entry.explanation, "text": row.text, "unit_text": row.unit_text,
                       "comparison": row.comparison, "published": row.published,
                       "reporting_agency": agency, "entered_by": user}
            if all(getattr(current, name) == value for name, value in wording.items()):
                return current, figure_services.UNCHANGED
            for name, value in wording.items():
                setattr(current, name, value)
            current.save()
            return current, "updated"
        recorded = figure_services.record_figure(
            row.indicator, row.period, row.scope, comparator=row.comparator.value, low=row.low, high=row.high,
            text=row.text, qualifier=row.qualifier, unit_text=row.unit_text, comparison=row.comparison,
            source=row.source, published=row.published, reporting_agency=agency, entered_by=user,
            status=FigureStatus.DRAFT.value, **entry.explanation,
        )
    return recorded.figure, recorded.action


def submit_figure(figure: ActualFigure, user, as_of: date) -> ActualFigure:
    """Submit a draft; ``ExplanationRequired`` when it would be rated chậm or worse without its explanation."""
    return figure_services.submit(figure, user, figure_services.rating_if_counted(figure, as_of))


def figure_cells(figure: ActualFigure) -> dict[str, str]:
    """A stored figure as the importer's cells (to edit it in the form again)."""
    return {
        "indicator": figure.indicator.key, "period": figure.period, "value": figure.text,
        "qualifier": figure.qualifier, "unit": figure.unit_text, "comparison": figure.comparison,
        "scope": figure.scope, "source": figure.source,
        "published": figure.published.isoformat() if figure.published else "",
    }


# Task progress ------------------------------------------------------------------------------------

PROGRESS_FIELDS = ("on", "status", "percent", "note", "evidence_reference", "cause", "difficulties", "proposals")


def enter_progress(task: Task, values: dict, user, draft: TaskProgress | None = None,
                   expected_version: int | None = None) -> TaskProgress:
    """Record a progress update as a draft (``tasks.services.record_progress``), or complete a draft of
    the task (``tasks.services.update_draft``: ``Conflict`` when it changed since ``expected_version``)."""
    if draft is None:
        return task_services.record_progress(task, user=user, **values)
    if draft.task_id != task.pk:
        raise ValidationError(_("Only a draft of this task can be changed."))
    return task_services.update_draft(draft, values, user, expected_version=expected_version)


def submit_progress(progress: TaskProgress, user, as_of: date) -> TaskProgress:
    """``tasks.services.submit_progress`` as of the workspace's date."""
    return task_services.submit_progress(progress, user, as_of=as_of)


# Projects -----------------------------------------------------------------------------------------


def record_milestone(milestone: ProjectMilestone, actual: date, note: str = "") -> ProjectMilestone:
    """The day a milestone of a key project was actually reached."""
    milestone.actual = actual
    if note:
        milestone.note = note
    milestone.full_clean()
    milestone.save()
    return milestone


def record_disbursement(project: Project, period: str, amount: Decimal, reported_on: date | None = None,
                        note: str = "") -> Disbursement:
    """The amount disbursed in a period (a second entry for the same period replaces the amount)."""
    try:
        code = FigurePeriod.parse(period).code
    except ValueError:
        raise ValidationError({"period": _("Not a period code: %(period)s") % {"period": period}}) from None
    row = Disbursement.objects.filter(project=project, period=code).first() or Disbursement(project=project)
    row.period, row.amount_million_vnd, row.reported_on, row.note = code, amount, reported_on, note
    row.full_clean()
    row.save()
    return row


def parse_amount(text: str) -> Decimal:
    """A Vietnamese number ("1.234,5"); ``ValidationError`` otherwise."""
    try:
        return parse_number(text)
    except NumberFormatError:
        raise ValidationError(_("%(found)s is not a number (write it as 1.234,5: “.” groups thousands, "
                                "“,” is the decimal mark)") % {"found": repr(text)}) from None


# The approval queue -------------------------------------------------------------------------------


@dataclass
class Queue:
    figures: list[tuple[ActualFigure, Rating | None]]
    progress: list[tuple[TaskProgress, m.TaskAssessment | None]]
    to_publish: list[ActualFigure]


def approval_queue(as_of: date) -> Queue:
    """What waits for Sở Tài chính: submitted figures (with their rating) and task updates, and the
    approved figures not yet public."""
    figures = list(ActualFigure.objects.filter(is_current=True, status=FigureStatus.SUBMITTED.value)
                   .select_related("indicator", "reporting_agency", "submitted_by")
                   .order_by("submitted_at", "pk"))
    result = current_assessment(as_of)
    ratings = figure_services.ratings_if_counted(figures, as_of, snapshot=result.snapshot)
    statuses = {a.task: a for a in result.tasks}
    progress = list(TaskProgress.objects.filter(workflow=TaskProgress.SUBMITTED)
                    .select_related("task", "task__document", "submitted_by", "milestone")
                    .prefetch_related("task__lead").order_by("submitted_at", "pk"))
    to_publish = list(ActualFigure.objects.filter(is_current=True, status=FigureStatus.APPROVED.value, public=False)
                      .select_related("indicator", "reporting_agency").order_by("-approved_at", "indicator__key",
                                                                                 "period", "scope"))
    return Queue([(f, ratings.get(f.pk)) for f in figures], [(p, statuses.get(p.task_id)) for p in progress],
                 to_publish)


# The Excel template -------------------------------------------------------------------------------

FIGURE_SHEET = ("indicators", _("Indicators"))
TASK_SHEET = ("tasks", _("Tasks"))

# (code, header, width, filled by the agency)
FIGURE_COLUMNS = [
    ("indicator", _("Indicator key"), 16, False),
    ("name", _("Indicator"), 40, False),
    ("indicator_unit", _("Unit"), 12, False),
    ("period", _("Period"), 11, False),
    ("trajectory", _("Trajectory"), 12, False),
    ("entered", _("Entered"), 16, False),
    ("value", _("Value"), 14, True),
    ("qualifier", _("Qualifier"), 12, True),
    ("unit", _("Unit as published"), 14, True),
    ("comparison", _("Compared with"), 22, True),
    ("scope", _("Territorial scope"), 26, True),
    ("source", _("Source"), 30, True),
    ("published", _("Published on"), 14, True),
    ("cause", _("Causes"), 30, True),
    ("difficulties", _("Difficulties and obstacles"), 30, True),
    ("proposals", _("Proposals"), 30, True),
]
TASK_COLUMNS = [
    ("task", _("Task ID (do not change)"), 10, False),
    ("document", _("Document"), 16, False),
    ("number", _("No."), 6, False),
    ("content", _("Task"), 60, False),
    ("due", _("Due"), 12, False),
    ("assessed", _("Current status"), 22, False),
    ("status", _("Progress status"), 18, True),
    ("percent", _("Percent complete"), 12, True),
    ("on", _("Update date"), 14, True),
    ("note", _("Note"), 40, True),
    ("evidence_reference", _("Evidence (document number)"), 22, True),
    ("cause", _("Causes"), 30, True),
    ("difficulties", _("Difficulties and obstacles"), 30, True),
    ("proposals", _("Proposals"), 30, True),
]


def _both(label) -> set[str]:
    """A header as it reads in every language of the site (the template may be filled in either)."""
    names = set()
    for language in ("vi", "en"):
        with translation.override(language):
            names.add(fold(str(label)).strip())
    return names


def build_template(ws: Workspace) -> bytes:
    """An .xlsx pre-filled with what the agency owes: one row per figure and per task to report."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from kehoach.domain.formulas import keep_as_text

    book = Workbook()
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    fill_in = PatternFill("solid", fgColor="FFF8DC")

    def sheet(ws_, columns, rows):
        ws_.append([str(label) for _code, label, _w, _f in columns])
        for i, (_code, _label, width, _filled) in enumerate(columns, start=1):
            cell = ws_.cell(row=1, column=i)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws_.column_dimensions[get_column_letter(i)].width = width
        for values in rows:
            ws_.append([values.get(code, "") for code, _l, _w, _f in columns])
        for r in range(2, len(rows) + 2):
            for i, (_code, _label, _width, filled) in enumerate(columns, start=1):
                cell = ws_.cell(row=r, column=i)
                cell.number_format = "@"  # text: "117,1" and "2025-07" stay as typed
                if filled:
                    cell.fill = fill_in
        ws_.freeze_panes = "A2"
        keep_as_text(ws_)  # an officer's or a document's text is never a formula

    figures = book.active
    figures.title = str(FIGURE_SHEET[1])
    rows = []
    for due in ws.figures:
        entered = due.figures[0] if due.figures else None
        rows.append({
            "indicator": due.indicator.key, "name": due.indicator.name, "indicator_unit": due.indicator.unit,
            "period": due.period.code,
            "trajectory": due.trajectory_text,
            "entered": ", ".join(f"{f.get_status_display()}: {f.qualifier} {f.text}".replace(":  ", ": ")
                                 for f in due.figures),
            "value": "", "qualifier": "", "unit": due.indicator.unit,
            "comparison": entered.comparison if entered else "", "scope": entered.scope if entered else "",
            "source": "", "published": "",
        })
    sheet(figures, FIGURE_COLUMNS, rows)
    qualifiers = DataValidation(type="list", formula1='"' + ",".join(m.QUALIFIERS) + '"', allow_blank=True)
    figures.add_data_validation(qualifiers)
    column = get_column_letter([c for c, *_ in FIGURE_COLUMNS].index("qualifier") + 1)
    qualifiers.add(f"{column}2:{column}{max(len(rows), 1) + 200}")

    tasks = book.create_sheet(str(TASK_SHEET[1]))
    rows = []
    for due in ws.tasks:
        if due.assessment is not None and due.assessment.status in (TaskStatus.HOAN_THANH_DUNG_HAN,
                                                                    TaskStatus.HOAN_THANH_QUA_HAN):
            continue
        t = due.task
        rows.append({
            "task": t.pk, "document": t.document.number or t.document.file_name, "number": t.number,
            "content": t.content, "due": f"{due.assessment.due:%d/%m/%Y}" if due.assessment and due.assessment.due
            else t.deadline_text,
            "assessed": due.assessment.status.label if due.assessment else "",
            "status": "", "percent": "", "on": "", "note": "",
        })
    sheet(tasks, TASK_COLUMNS, rows)
    labels = [str(label) for _v, label in TaskProgress.STATUS_CHOICES]
    statuses = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
    tasks.add_data_validation(statuses)
    column = get_column_letter([c for c, *_ in TASK_COLUMNS].index("status") + 1)
    statuses.add(f"{column}2:{column}{max(len(rows), 1) + 200}")
    for r in range(2, len(rows) + 2):
        tasks.cell(row=r, column=4).alignment = Alignment(wrap_text=True, vertical="top")

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class UploadFileError(Exception):
    """The upload as a whole cannot be read: not a workbook, or not the template."""


@dataclass
class ProgressEntry:
    task: Task
    values: dict  # the fields of ``PROGRESS_FIELDS``

    @property
    def status_label(self) -> str:
        return str(dict(TaskProgress.STATUS_CHOICES).get(self.values.get("status"), ""))


@dataclass
class ParsedUpload:
    figures: list[tuple[int, FigureEntry]] = field(default_factory=list)
    progress: list[tuple[int, ProgressEntry]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.figures and not self.progress


def _error(sheet, row: int, column, problem: str) -> str:
    return _g("Sheet %(sheet)s, row %(row)s, column %(column)s: %(problem)s") % {
        "sheet": sheet, "row": row, "column": column, "problem": problem}


def parse_upload(agency: Agency, data: bytes, as_of: date) -> ParsedUpload:
    """Check every row of a filled template (nothing is written): what would be recorded, and the errors."""
    try:
        # in a child process with a memory and CPU limit: one upload cannot take the server down
        book = sandbox.run_limited(tabular.open_workbook, data, "upload")
    except sandbox.LimitExceeded:
        raise UploadFileError(_g("This workbook needs more memory or time to read than an upload may use: "
                                 "check that it is the template, filled in.")) from None
    except tabular.TableError as exc:
        raise UploadFileError(_g("This is not an Excel workbook (.xlsx): %(error)s") % {"error": exc}) from None
    sheets = {fold(name).strip(): rows for name, rows in book.items()}
    figures = next((sheets[n] for n in _both(FIGURE_SHEET[1]) if n in sheets), None)
    tasks = next((sheets[n] for n in _both(TASK_SHEET[1]) if n in sheets), None)
    if figures is None and tasks is None:
        raise UploadFileError(_g("The workbook has neither a sheet “%(figures)s” nor a sheet “%(tasks)s”: "
                                 "download the template and fill it in.")
                              % {"figures": FIGURE_SHEET[1], "tasks": TASK_SHEET[1]})
    parsed = ParsedUpload()
    if figures:
        _parse_figures(agency, figures, parsed, as_of)
    if tasks:
        _parse_tasks(agency, tasks, parsed, as_of)
    return parsed


def _table(rows, columns, sheet_label, parsed: ParsedUpload, required,
           number_columns=()) -> tabular.Table | None:
    """The sheet as a table whose columns are named by the template's headers (in either language)."""
    names = {code: _both(label) for code, label, _w, _f in columns}
    try:
        return tabular.table_of(str(sheet_label), rows, names, required, number_columns=number_columns)
    except tabular.MissingColumns as exc:
        label = dict((c, lab) for c, lab, _w, _f in columns)[exc.missing[0]]
        parsed.errors.append(_g("Sheet %(sheet)s, row 1: the column “%(column)s” is missing; download the "
                                "template again.") % {"sheet": sheet_label, "column": label})
        return None


def _parse_figures(agency: Agency, rows: list, parsed: ParsedUpload, as_of: date) -> None:
    sheet = FIGURE_SHEET[1]
    table = _table(rows, FIGURE_COLUMNS, sheet, parsed, ("indicator", "period", "value"), number_columns=("value",))
    if table is None:
        return
    labels = {code: label for code, label, _w, _f in FIGURE_COLUMNS}
    checker = FigureChecker(agency)
    for row in table.rows:
        if not row.cells["value"]:
            continue  # nothing entered on this row
        values = {c: row.cells[c] for c in IMPORT_COLUMNS}
        if not values["published"]:
            values["published"] = entry_day(as_of).isoformat()
        checked, problems = checker.check(row.line, values)
        for column, message in problems:
            parsed.errors.append(_error(sheet, row.line, labels.get(column, column), message))
        if checked is not None:
            parsed.figures.append((row.line, FigureEntry(checked, row.cells["cause"], row.cells["difficulties"],
                                                         row.cells["proposals"])))


def _status_code(text: str) -> str | None:
    folded = fold(text).strip()
    for value, label in TaskProgress.STATUS_CHOICES:
        if folded in _both(label) | {value}:
            return value
    return None


def _parse_tasks(agency: Agency, rows: list, parsed: ParsedUpload, as_of: date) -> None:
    sheet = TASK_SHEET[1]
    table = _table(rows, TASK_COLUMNS, sheet, parsed, ("task", "status"))
    if table is None:
        return
    labels = {code: label for code, label, _w, _f in TASK_COLUMNS}
    mine = {t.pk: t for t in tasks_of(agency).prefetch_related("milestones")}
    for row in table.rows:
        line, text, raw = row.line, row.cells.__getitem__, row.raw.get
        filled = [c for c in ("status", "percent", "note", "evidence_reference", "cause", "difficulties",
                              "proposals") if text(c)]
        if not filled:
            continue
        errors = []
        task = mine.get(pk_of(text("task")))
        if task is None:
            errors.append(("task", _g("%(found)s is not a task your agency leads") % {"found": repr(text("task"))}))
        status = _status_code(text("status")) if text("status") else None
        if status is None:
            found = repr(text("status")) if text("status") else None
            choices = ", ".join(str(label) for _v, label in TaskProgress.STATUS_CHOICES)
            errors.append(("status", _g("This cell must not be empty.") if found is None else
                           _g("%(found)s is not one of: %(choices)s") % {"found": found, "choices": choices}))
        percent = None
        if text("percent"):
            percent = tabular.parse_percent(raw("percent"))
            if percent is None:
                errors.append(("percent", _g("%(found)s is not a whole number from 0 to 100")
                               % {"found": repr(text("percent"))}))
        on = entry_day(as_of)
        if text("on"):
            on = tabular.parse_day(raw("on"))
            if on is None:
                errors.append(("on", PROBLEM_MESSAGES["published"] % {"found": repr(text("on"))}))
        if not errors:
            values = {"on": on, "status": status, "percent": percent, "note": text("note"),
                      "evidence_reference": text("evidence_reference"), "cause": text("cause"),
                      "difficulties": text("difficulties"), "proposals": text("proposals")}
            try:
                TaskProgress(task=task, **values).full_clean()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    errors += [(name if name in labels else "status", msg) for msg in messages]
            else:
                parsed.progress.append((line, ProgressEntry(task, values)))
        for column, message in errors:
            parsed.errors.append(_error(sheet, line, labels.get(column, column), message))


class UploadRefused(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def record_upload(agency: Agency, parsed: ParsedUpload, user, as_of: date, submit: bool = False) -> Counter:
    """Record every row of a checked upload as drafts (and submit them), all or nothing."""
    if parsed.errors:
        raise UploadRefused(parsed.errors)
    done: Counter = Counter()
    refused: list[str] = []
    with transaction.atomic():
        for line, entry in parsed.figures:
            figure, action = enter_figure(agency, entry, user)
            done[f"figures_{action}"] += 1
            if submit and figure.status == FigureStatus.DRAFT.value:
                try:
                    submit_figure(figure, user, as_of)
                    done["figures_submitted"] += 1
                except figure_services.ExplanationRequired as exc:
                    refused.append(_row_refusal(FIGURE_SHEET[1], line, exc))
        for line, entry in parsed.progress:
            progress = enter_progress(entry.task, entry.values, user)
            done["progress_created"] += 1
            if submit:
                try:
                    submit_progress(progress, user, as_of)
                    done["progress_submitted"] += 1
                except task_services.ExplanationRequired as exc:
                    refused.append(_row_refusal(TASK_SHEET[1], line, exc))
        if refused:
            transaction.set_rollback(True)
    if refused:
        raise UploadRefused(refused)
    return done


def _row_refusal(sheet, line: int, exc: ValidationError) -> str:
    messages = list(dict.fromkeys(exc.messages))
    return _g("Sheet %(sheet)s, row %(row)s: %(problem)s") % {"sheet": sheet, "row": line,
                                                               "problem": " ".join(messages)}

