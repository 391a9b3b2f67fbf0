"""Đơn vị, the list of agencies: every agency with a responsibility (indicators it monitors, tasks
it leads, projects, reports it owes), its on-time reporting rate and what is pending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.obligations.models import ReportingObligation
from kehoach.apps.obligations.services import Owed, owed
from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.models import Project
from kehoach.apps.tasks.models import Task, TaskProgress
from kehoach.domain.assessment import calendar
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import FigureStatus, ReportStatus, TaskStatus
from kehoach.domain.text import fold

PENDING = (FigureStatus.DRAFT.value, FigureStatus.SUBMITTED.value, FigureStatus.RETURNED.value)
PENDING_PROGRESS = (TaskProgress.DRAFT, TaskProgress.SUBMITTED, TaskProgress.RETURNED)


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
    figures = ActualFigure.objects.filter(is_current=True, review_status__in=PENDING).exclude(reporting_agency=None)
    for r in figures.values("reporting_agency_id", "review_status").annotate(n=Count("id")):
        _add_pending(rows.get(r["reporting_agency_id"]), r["review_status"], r["n"])
    progress = TaskProgress.objects.filter(review_status__in=PENDING_PROGRESS)
    for r in progress.values("task__lead", "review_status").annotate(n=Count("id", distinct=True)):
        _add_pending(rows.get(r["task__lead"]), r["review_status"], r["n"])
    result = current_assessment(as_of)
    by_name = {row.agency.name: row for row in rows.values()}
    for card in result.agencies:
        row = by_name.get(card.owner)
        if row is not None:
            row.overdue_tasks = sum(n for s, n in card.tasks_by_status.items() if s.is_overdue)
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
    if status != FigureStatus.SUBMITTED.value:  # a draft, or returned to the agency to correct
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
