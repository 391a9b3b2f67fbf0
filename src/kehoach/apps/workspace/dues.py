"""What one agency owes as of a date: the figures of its indicators for the current reporting
periods (``figure_periods``), the progress of the tasks it leads, the updates of its projects and
its report deadlines (``reporting.services.owed``), with its drafts, returned entries and entries
awaiting approval."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.figures.entry import indicators_of
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.obligations.services import Owed, owed
from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.entry import projects_of
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.entry import tasks_of
from kehoach.apps.tasks.models import Task, TaskProgress
from kehoach.apps.workspace.overview import PENDING, PENDING_PROGRESS
from kehoach.domain.assessment import calendar
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus, ReportStatus
from kehoach.domain.assessment.series import period_rows
from kehoach.domain.assessment.tasks import PRIORITY

RECENT_DAYS = 92  # a period that ended at most this long ago is still being reported
DEFAULT_PUBLICATION = ("year",)
TASK_ORDER = {status: rank for rank, status in enumerate(PRIORITY)}  # the one order of the statuses


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
    pending = sorted((f for f in current if f.review_status in PENDING),
                     key=lambda f: (f.review_status == FigureStatus.SUBMITTED.value, f.indicator.key, f.period, f.scope))

    statuses = {a.task: a for a in result.tasks}
    latest_first = TaskProgress.objects.order_by("-on", "-entered_at", "-pk")
    tasks = list(tasks_of(agency).select_related("document", "leader")
                 .prefetch_related(Prefetch("progress", queryset=latest_first, to_attr="updates")))
    task_rows = [TaskDue(t, statuses.get(t.pk), t.updates[0] if t.updates else None) for t in tasks]
    task_rows.sort(key=lambda r: (TASK_ORDER.get(r.assessment.status, 9) if r.assessment else 9,
                                  r.assessment.due or date.max if r.assessment else date.max,
                                  r.task.document_id, r.task.number))
    pending_progress = sorted(
        (u for t in tasks for u in t.updates if u.review_status in PENDING_PROGRESS),
        key=lambda u: (u.review_status == TaskProgress.SUBMITTED, u.task.number, u.on),
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
