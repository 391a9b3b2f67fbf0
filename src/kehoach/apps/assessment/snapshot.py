"""The stored plan and monitoring data as the domain's plain inputs, read in a fixed number of queries.

The assessment itself is pure domain code (:mod:`kehoach.domain.assessment`); this module is the
adapter that reads the database once and hands the domain its dataclasses. Tasks are numbered by
their database id in the domain inputs, so tasks of several documents never collide.

Only the progress updates that count are read (submitted and approved ones: ``counted_progress``
of :mod:`kehoach.apps.tasks.services`, the same rule as a task's status there). Capital plans are
keyed by (project, year): a project has one plan a year, and the assessment as of a date uses the
plan of that date's year. ``indicator_plan`` gives one indicator's inputs the same way, for the
rating of a figure before it is submitted (``figures.services.rating_if_counted``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import to_domain as figure_to_domain
from kehoach.apps.indicators.models import Indicator, ScenarioValue, Target
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.projects.services import capital_plan_to_domain, disbursement_to_domain, milestone_to_domain
from kehoach.apps.tasks.models import ConditionEvent, Task
from kehoach.apps.tasks.services import condition_event_to_domain, counted_progress, deadline_of, progress_to_domain
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m


@dataclass
class Snapshot:
    indicators: list[e.Indicator] = field(default_factory=list)
    targets: list[e.Target] = field(default_factory=list)
    scenarios: list[e.ScenarioValue] = field(default_factory=list)
    figures: list[m.ActualFigure] = field(default_factory=list)
    tasks: list[e.Task] = field(default_factory=list)
    task_rows: dict[int, Task] = field(default_factory=dict)  # domain number (= id) -> row
    updates: list[m.ProgressUpdate] = field(default_factory=list)
    events: list[m.ConditionEvent] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    plans: dict[tuple[int, int], m.CapitalPlan] = field(default_factory=dict)  # (project id, year) -> plan
    disbursements: list[m.Disbursement] = field(default_factory=list)
    milestones: list[m.ProjectMilestone] = field(default_factory=list)


def _plan_value(row: dict) -> e.Value:
    return e.Value(text=row["text"], comparator=e.Comparator(row["comparator"]), low=row["low"], high=row["high"],
                   note=row.get("note") or "")


def indicator_to_domain(row: Indicator) -> e.Indicator:
    return e.Indicator(
        key=row.key, name=row.name, unit=row.unit, kind=e.MeasureKind(row.kind),
        direction=e.Direction(row.direction), group=e.IndicatorGroup(row.group),
        parent=row.parent.key if row.parent else None,
        monitoring_agencies=[a.name for a in row.monitoring_agencies.all()],
        publication=list(row.publication or []), publication_text=row.publication_text,
    )


def target_to_domain(row: dict) -> e.Target:
    """A row of ``_targets()`` (plain values: no model instances to build)."""
    return e.Target(indicator=row["indicator__key"], year=row["year"], value=_plan_value(row),
                    document=row["document__number"] or row["document__file_name"],
                    basis=e.TargetBasis(row["basis"]), scope=row["scope"], issued=row["document__date"])


def scenario_to_domain(row: dict) -> e.ScenarioValue:
    """A row of ``_scenarios()``."""
    return e.ScenarioValue(indicator=row["indicator__key"], period=row["period"], value=_plan_value(row),
                           document=row["document__number"] or row["document__file_name"], scope=row["scope"],
                           issued=row["document__date"])


_PLAN_VALUE = ("comparator", "low", "high", "text", "scope", "indicator__key", "document__number",
               "document__file_name", "document__date")


def _targets():
    """Every target, superseded ones too: which is in force depends on the as-of date
    (``kehoach.domain.assessment.plans``)."""
    return Target.objects.values(*_PLAN_VALUE, "year", "note", "basis")


def _scenarios():
    return ScenarioValue.objects.values(*_PLAN_VALUE, "period")


def indicator_plan(indicator: Indicator) -> tuple[e.Indicator, list[e.Target], list[e.ScenarioValue]]:
    """One indicator as the assessment reads it, with its targets (every revision) and its trajectory."""
    return (
        indicator_to_domain(indicator),
        [target_to_domain(row) for row in _targets().filter(indicator=indicator)],
        [scenario_to_domain(row) for row in _scenarios().filter(indicator=indicator)],
    )


def load(year: int | None = None) -> Snapshot:
    """Everything the assessment needs; ``year`` limits the capital plans to that year."""
    snap = Snapshot()
    indicators = Indicator.objects.select_related("parent").prefetch_related("monitoring_agencies")
    snap.indicators = [indicator_to_domain(row) for row in indicators]
    snap.targets = [target_to_domain(row) for row in _targets()]
    snap.scenarios = [scenario_to_domain(row) for row in _scenarios()]
    figures = ActualFigure.objects.select_related("indicator").defer(
        "cause", "difficulties", "proposals", "comparison", "indicator__name", "indicator__publication_text")
    snap.figures = [figure_to_domain(f) for f in figures]
    tasks = (Task.objects.select_related("group", "leader", "document").defer("search_text")
             .prefetch_related("lead", "support", "milestones"))
    for row in tasks:
        snap.task_rows[row.pk] = row
        snap.tasks.append(e.Task(
            number=row.pk, code=row.code, group=e.TaskGroup(row.group.code, row.group.title), content=row.content,
            result=row.result, lead=[a.name for a in row.lead.all()], support=[a.name for a in row.support.all()],
            deadline=deadline_of(row), leader=row.leader.name if row.leader else None,
            document=row.document.number or row.document.file_name,
        ))
    updates = counted_progress().select_related("task", "milestone").defer("task__search_text")
    snap.updates = [progress_to_domain(p) for p in updates]
    snap.events = [condition_event_to_domain(ev) for ev in ConditionEvent.objects.select_related("milestone")]
    snap.projects = list(Project.objects.select_related("document").order_by("document", "number"))
    plans = CapitalPlan.objects.all()
    if year is not None:
        plans = plans.filter(year=year)
    snap.plans = {(p.project_id, p.year): capital_plan_to_domain(p) for p in plans}
    snap.disbursements = [disbursement_to_domain(d) for d in Disbursement.objects.all()]
    snap.milestones = [milestone_to_domain(ms) for ms in ProjectMilestone.objects.all()]
    return snap
