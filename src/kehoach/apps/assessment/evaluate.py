"""Assess everything stored, as of a date: the domain's rules applied to a database snapshot.

Reproducible: the result depends only on the stored data and the as-of date (figures published
or approved after the date do not count), never on the clock.

Key projects are judged against the capital plan of the as-of date's year. The agencies'
scorecards count their reports of the as-of year (``kehoach.apps.obligations.services``): due by
the date, and submitted on time. The number of queries does not grow with the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kehoach.apps.assessment import freshness
from kehoach.apps.assessment.snapshot import Snapshot, load
from kehoach.apps.obligations.services import reporting_records
from kehoach.domain.assessment import (
    Thresholds,
    agency_scorecards,
    assess_indicator,
    assess_project,
    assess_tasks,
    leader_scorecards,
)
from kehoach.domain.assessment.model import (
    IndicatorAssessment,
    ProjectAssessment,
    ReportingRecord,
    Scorecard,
    TaskAssessment,
)
from kehoach.domain.periods import Period
from kehoach.web.asof import as_of_for


@dataclass
class Assessment:
    as_of: date
    snapshot: Snapshot
    indicators: list[IndicatorAssessment]
    tasks: list[TaskAssessment]
    projects: list[ProjectAssessment]
    agencies: list[Scorecard]
    leaders: list[Scorecard]
    # True: an assessment of data older than the latest change, served while another server process
    # computes the new one (kehoach.apps.assessment.shared); pages say so.
    stale: bool = False
    # What pages render from this assessment alone (a chart's SVG), rendered once per process: ``fragment``.
    fragments: dict = field(default_factory=dict, compare=False, repr=False)

    def fragment(self, key, render):
        """``render()``, once per process for this assessment: the piece of a page that depends only on it."""
        try:
            return self.fragments[key]
        except KeyError:
            value = self.fragments[key] = render()
            return value

    def to_json(self) -> dict:
        """The `kehoach assess --json` object (schema in docs/assessment.md)."""
        rows = self.snapshot.task_rows
        names = {i.key: i for i in self.snapshot.indicators}
        projects = {p.pk: p for p in self.snapshot.projects}
        return {
            "as_of": self.as_of.isoformat(),
            "indicators": [_indicator_json(a, names[a.indicator]) for a in self.indicators],
            "tasks": [
                {"number": rows[a.task].number, "document": rows[a.task].document.number, "status": a.status.value,
                 "status_label": a.status.label, "due": _iso(a.due), "occurrence": a.occurrence,
                 "lead": [x.name for x in rows[a.task].lead.all()],
                 "leader": rows[a.task].leader.name if rows[a.task].leader else None,
                 "days_late": a.days_late, "detail": a.detail, "missed": list(a.missed),
                 "missed_labels": [Period.parse(code).label_vi for code in a.missed]}
                for a in self.tasks
            ],
            "projects": [
                {"number": projects[a.project].number, "name": projects[a.project].name,
                 "document": projects[a.project].document.number, "plan": _num(a.plan),
                 "disbursed": _num(a.disbursed), "rate": _num(a.rate), "planned_share": _num(a.planned_share),
                 "behind": a.behind,
                 "late_milestones": [m.label_vi for m in a.late_milestones], "reason": a.reason}
                for a in self.projects
            ],
            "agencies": [_card_json(c, rows) for c in self.agencies],
            "leaders": [_card_json(c, rows) for c in self.leaders],
        }


def assess_all(as_of: date, thresholds: Thresholds | None = None, snapshot: Snapshot | None = None) -> Assessment:
    from kehoach.apps.assessment.models import AssessmentSettings

    thresholds = thresholds or AssessmentSettings.current()
    snap = snapshot or load(year=as_of.year)
    # Every input grouped once by indicator and by project: each rule sees only its own rows.
    by_indicator: dict[str, tuple[list, list, list]] = {}
    for bucket, items in ((0, snap.scenarios), (1, snap.targets), (2, snap.figures)):
        for item in items:
            by_indicator.setdefault(item.indicator, ([], [], []))[bucket].append(item)
    indicators = []
    for i in snap.indicators:
        scenarios, targets, figures = by_indicator.get(i.key, ([], [], []))
        if scenarios or figures:
            indicators.append(assess_indicator(i, scenarios, targets, figures, as_of, thresholds,
                                               snap.territories))
    tasks = assess_tasks(snap.tasks, snap.updates, as_of, snap.events, thresholds)
    disbursements, milestones = defaultdict(list), defaultdict(list)
    for d in snap.disbursements:
        disbursements[d.project].append(d)
    for ms in snap.milestones:
        milestones[ms.project].append(ms)
    projects = [
        assess_project(p.pk, snap.plans.get((p.pk, as_of.year)), disbursements.get(p.pk, []),
                       milestones.get(p.pk, []), as_of, thresholds)
        for p in snap.projects
    ]
    agencies = agency_scorecards(snap.tasks, tasks, snap.indicators, indicators, projects,
                                 reporting=_reporting(as_of), thresholds=thresholds)
    leaders = leader_scorecards(snap.tasks, tasks, indicators, project_assessments=projects, thresholds=thresholds)
    return Assessment(as_of, snap, indicators, tasks, projects, agencies, leaders)


def _reporting(as_of: date) -> list[ReportingRecord]:
    """Every agency's reports of the as-of year and where they stand by then (a fixed number of queries)."""
    records, _agencies = reporting_records(as_of, agency=None, year=None)
    return records


def current_assessment(as_of: date) -> Assessment:
    """``assess_all(as_of)`` with the thresholds in force, reused by the process while the data has not
    changed (:mod:`kehoach.apps.assessment.freshness`). What pages, the API and reports show; treat it
    as read-only, since other requests share it."""
    return freshness.kept.get(as_of, assess_all)


def assessment_for(request) -> Assessment:
    """``current_assessment`` as of the request's date (``kehoach.web.asof``), the same object for
    the filters, tables and views of one page."""
    as_of = as_of_for(request)
    cache = getattr(request, "_kehoach_assessments", None)
    if cache is None:
        cache = request._kehoach_assessments = {}
    if as_of not in cache:
        cache[as_of] = current_assessment(as_of)
    return cache[as_of]


def _indicator_json(a: IndicatorAssessment, indicator) -> dict:
    return {
        "indicator": a.indicator, "name": indicator.name, "unit": indicator.unit,
        "period": a.period.code if a.period else None, "actual": _num(a.actual), "qualifier": a.qualifier or None,
        "scenario": _num(a.scenario), "ytd_period": a.ytd_period.code if a.ytd_period else None,
        "ytd_actual": _num(a.ytd_actual), "ytd_scenario": _num(a.ytd_scenario),
        "pct_of_year_target": _num(a.pct_of_year_target), "gap": _num(a.gap),
        "required_rest": _num(a.required_rest), "planned_rest": _num(a.planned_rest),
        "required_rest_vs_plan": _num(a.required_rest_vs_plan), "rest_method": a.rest_method or None,
        "projection": _num(a.projection), "projection_method": a.projection_method or None,
        "annual_target": _num(a.annual_target), "scope": a.scope, "figure_scope": a.figure_scope or None,
        "comparable": a.comparable, "rating": a.rating.value, "rating_label": a.rating.label, "reason": a.reason,
        "year": a.year, "annual_target_text": a.annual_target_text or None, "has_scenario": a.has_scenario,
        "verdict": a.verdict or None, "verdict_label": a.verdict_label or None, "verdict_estimate": a.verdict_estimate,
        "targets": [
            {"basis": t.basis, "basis_label": t.basis_label, "scope": t.scope, "value": _num(t.value), "text": t.text,
             "document": t.document or None, "pct": _num(t.pct), "gap": _num(t.gap), "met": t.met}
            for t in a.targets
        ],
        "beside": list(a.beside), "stale": a.stale, "warnings": list(a.warnings),
        "single_period": a.single_period.code if a.single_period else None, "single_actual": _num(a.single_actual),
        "year_on_year": _num(a.year_on_year),
        "year_on_year_period": a.year_on_year_period.code if a.year_on_year_period else None,
    }


def _card_json(card: Scorecard, rows: dict) -> dict:
    return {
        "name": card.owner,
        "tasks_by_status": {status.value: n for status, n in card.tasks_by_status.items()},
        "task_count": card.task_count,
        "overdue_tasks": [rows[t].number for t in card.overdue_tasks],
        "indicators_at_risk": list(card.indicators_at_risk),
        "projects_behind": list(card.projects_behind),
        "reports_due": card.reports_due, "reports_on_time": card.reports_on_time,
        "on_time_rate": _num(card.on_time_rate),
    }


def _num(value: Decimal | None):
    if value is None:
        return None
    rounded = value.quantize(Decimal("0.0001")) if value.as_tuple().exponent < -4 else value
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
