"""The stored plan and monitoring data as the domain's plain inputs, read in a fixed number of queries.

The assessment itself is pure domain code (:mod:`kehoach.domain.assessment`); this module is the
adapter that reads the database once and hands the domain its dataclasses. Tasks are numbered by
their database id in the domain inputs, so tasks of several documents never collide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import to_domain as figure_to_domain
from kehoach.apps.indicators.models import Indicator, ScenarioValue, Target
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.projects.services import capital_plan_to_domain, disbursement_to_domain, milestone_to_domain
from kehoach.apps.tasks.models import ConditionEvent, Task, TaskProgress
from kehoach.apps.tasks.services import condition_event_to_domain, deadline_of, progress_to_domain
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m


@dataclass
class Snapshot:
    indicators: list[e.Indicator] = field(default_factory=list)
    targets: list[e.Target] = field(default_factory=list)
    scenarios: list[e.ScenarioValue] = field(default_factory=list)
    figures: list[m.Figure] = field(default_factory=list)
    tasks: list[e.Task] = field(default_factory=list)
    task_rows: dict[int, Task] = field(default_factory=dict)  # domain number (= id) -> row
    updates: list[m.ProgressUpdate] = field(default_factory=list)
    events: list[m.ConditionEvent] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    plans: dict[int, m.CapitalPlan] = field(default_factory=dict)
    disbursements: list[m.Disbursement] = field(default_factory=list)
    milestones: list[m.ProjectMilestone] = field(default_factory=list)


def _value(row) -> e.Value:
    return e.Value(text=row.text, comparator=e.Comparator(row.comparator), low=row.low, high=row.high,
                   note=getattr(row, "note", "") or "")


def load(year: int | None = None) -> Snapshot:
    """Everything the assessment needs; ``year`` limits the capital plans to that year."""
    snap = Snapshot()
    indicators = Indicator.objects.select_related("parent").prefetch_related("monitoring_agencies")
    for row in indicators:
        snap.indicators.append(e.Indicator(
            key=row.key, name=row.name, unit=row.unit, kind=e.MeasureKind(row.kind),
            direction=e.Direction(row.direction), group=e.IndicatorGroup(row.group),
            parent=row.parent.key if row.parent else None,
            monitoring_agencies=[a.name for a in row.monitoring_agencies.all()],
            publication=list(row.publication or []), publication_text=row.publication_text,
        ))
    for row in Target.objects.filter(superseded_by__isnull=True).select_related("indicator", "document"):
        snap.targets.append(e.Target(indicator=row.indicator.key, year=row.year, value=_value(row),
                                     document=row.document.number or row.document.file_name,
                                     basis=e.TargetBasis(row.basis), scope=row.scope))
    for row in ScenarioValue.objects.select_related("indicator", "document"):
        snap.scenarios.append(e.ScenarioValue(indicator=row.indicator.key, period=row.period, value=_value(row),
                                              document=row.document.number or row.document.file_name,
                                              scope=row.scope))
    snap.figures = [figure_to_domain(f) for f in ActualFigure.objects.select_related("indicator")]
    tasks = Task.objects.select_related("group", "leader", "document").prefetch_related("lead", "support", "milestones")
    for row in tasks:
        snap.task_rows[row.pk] = row
        snap.tasks.append(e.Task(
            number=row.pk, code=row.code, group=e.TaskGroup(row.group.code, row.group.title), content=row.content,
            result=row.result, lead=[a.name for a in row.lead.all()], support=[a.name for a in row.support.all()],
            deadline=deadline_of(row), leader=row.leader.name if row.leader else None,
            document=row.document.number or row.document.file_name,
        ))
    snap.updates = [progress_to_domain(p) for p in TaskProgress.objects.select_related("task", "milestone")]
    snap.events = [condition_event_to_domain(ev) for ev in ConditionEvent.objects.select_related("task")]
    snap.projects = list(Project.objects.select_related("document").order_by("document", "number"))
    plans = CapitalPlan.objects.select_related("project")
    if year is not None:
        plans = plans.filter(year=year)
    snap.plans = {p.project_id: capital_plan_to_domain(p) for p in plans}
    snap.disbursements = [disbursement_to_domain(d) for d in Disbursement.objects.select_related("project")]
    snap.milestones = [milestone_to_domain(ms) for ms in ProjectMilestone.objects.select_related("project")]
    return snap
