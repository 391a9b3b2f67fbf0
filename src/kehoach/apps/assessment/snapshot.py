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

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from kehoach.apps.documents.models import Document
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator, ScenarioValue, Target, Territory
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.projects.models import GROUP_CHOICES, CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.apps.tasks.models import ConditionEvent, Task, TaskGroup, TaskMilestone
from kehoach.apps.tasks.services import counted_progress, occurrence_period
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m
from kehoach.domain.territories import Territory as TerritoryData

# Plain rows of what pages and reports show next to an assessment: no model instances, so the whole
# assessment can be kept in a cache shared by every server process (assessment.shared).


class Related(tuple):
    """The rows of a many-to-many relation, read once; ``.all()`` as a model's manager has it."""

    def all(self) -> Related:
        return self


@dataclass(frozen=True, slots=True)
class NamedRow:
    pk: int
    name: str

    @property
    def id(self) -> int:
        return self.pk


@dataclass(frozen=True, slots=True)
class DocumentRow:
    pk: int
    number: str
    file_name: str
    date: date | None = None

    @property
    def key(self) -> str:
        return self.number or self.file_name


@dataclass(frozen=True, slots=True)
class GroupRow:
    pk: int
    code: str
    title: str


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A task as the pages around an assessment show it (``snapshot.task_rows``)."""

    pk: int
    number: int
    code: str
    content: str
    result: str
    deadline_text: str
    document: DocumentRow
    group: GroupRow
    leader: NamedRow | None
    lead: Related
    support: Related
    due: date | None = None
    start: date | None = None
    recurrence: dict | None = None

    @property
    def id(self) -> int:
        return self.pk

    @property
    def document_id(self) -> int:
        return self.document.pk

    @property
    def leader_id(self) -> int | None:
        return self.leader.pk if self.leader else None


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """A key project as the pages around an assessment show it (``snapshot.projects``)."""

    pk: int
    number: int
    name: str
    group: str
    group_title: str
    value_million_vnd: Decimal | None
    document: DocumentRow
    agency_id: int | None
    value_text: str = ""  # the total as the document wrote it

    @property
    def id(self) -> int:
        return self.pk

    @property
    def document_id(self) -> int:
        return self.document.pk

    def get_group_display(self) -> str:
        return str(dict(GROUP_CHOICES).get(self.group, self.group))


@dataclass
class Snapshot:
    indicators: list[e.Indicator] = field(default_factory=list)
    targets: list[e.Target] = field(default_factory=list)
    scenarios: list[e.ScenarioValue] = field(default_factory=list)
    territories: list[TerritoryData] = field(default_factory=list)
    figures: list[m.ActualFigure] = field(default_factory=list)
    tasks: list[e.Task] = field(default_factory=list)
    task_rows: dict[int, TaskRow] = field(default_factory=dict)  # domain number (= id) -> row
    updates: list[m.ProgressUpdate] = field(default_factory=list)
    events: list[m.ConditionEvent] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)
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


def territories() -> list[TerritoryData]:
    """The territories as an administrator left them (names, validity dates, members), in two queries:
    the compositions the assessment plans composed territories on."""
    names = dict(Territory.objects.values_list("pk", "name"))
    members = _grouped(Territory.members.through.objects.order_by("pk").values_list("from_territory_id",
                                                                                      "to_territory_id"))
    return [TerritoryData(name, tuple(names[m] for m in members.get(pk, ())), valid_from, valid_to)
            for pk, name, valid_from, valid_to in Territory.objects.values_list("pk", "name", "valid_from", "valid_to")]


def _grouped(pairs) -> dict:
    """{key: [value, ...]} of (key, value) pairs, in their order."""
    out: dict = defaultdict(list)
    for key, value in pairs:
        out[key].append(value)
    return out


def _plan_rows(rows, keys: dict[int, str], documents: dict[int, DocumentRow], kind):
    """Targets or trajectory values from ``values_list`` tuples (see ``_PLAN_ROW``)."""
    out = []
    for indicator_id, document_id, comparator, low, high, text, scope, extra, *rest in rows:
        value = e.Value(text=text, comparator=e.Comparator(comparator), low=low, high=high,
                        note=(rest[0] if rest else "") or "")
        if kind is e.Target:
            out.append(e.Target(indicator=keys[indicator_id], year=extra, value=value,
                                document=documents[document_id].key, basis=e.TargetBasis(rest[1]), scope=scope,
                                issued=documents[document_id].date))
        else:
            out.append(e.ScenarioValue(indicator=keys[indicator_id], period=extra, value=value,
                                       document=documents[document_id].key, scope=scope,
                                       issued=documents[document_id].date))
    return out


_PLAN_ROW = ("indicator_id", "document_id", "comparator", "low", "high", "text", "scope")


def load(year: int | None = None) -> Snapshot:
    """Everything the assessment needs; ``year`` limits the capital plans to that year.

    One query per table (and per join table), read as tuples; every input grouped once. To add an
    input: one more ``values_list`` query here, turned into domain dataclasses in one pass.
    """
    snap = Snapshot()
    agencies = {pk: NamedRow(pk, name) for pk, name in Agency.objects.values_list("pk", "name")}
    leaders = {pk: NamedRow(pk, name) for pk, name in Leader.objects.values_list("pk", "name")}
    documents = {pk: DocumentRow(pk, number, file_name, day)
                 for pk, number, file_name, day in Document.objects.values_list("pk", "number", "file_name", "date")}

    def names(ids) -> list[str]:  # the agencies of a relation, in the Agency model's order
        return [agencies[pk].name for pk in sorted(ids, key=rank.__getitem__)]

    rank = {pk: n for n, pk in enumerate(agencies)}  # the database's order (Agency.Meta.ordering)

    monitoring = _grouped(Indicator.monitoring_agencies.through.objects.values_list("indicator_id", "agency_id"))
    rows = list(Indicator.objects.values_list("pk", "key", "name", "unit", "kind", "direction", "group", "parent_id",
                                              "publication", "publication_text"))
    keys = {row[0]: row[1] for row in rows}
    snap.indicators = [
        e.Indicator(key=key, name=name, unit=unit, kind=e.MeasureKind(kind), direction=e.Direction(direction),
                    group=e.IndicatorGroup(group), parent=keys[parent] if parent else None,
                    monitoring_agencies=names(monitoring.get(pk, ())), publication=list(publication or []),
                    publication_text=publication_text)
        for pk, key, name, unit, kind, direction, group, parent, publication, publication_text in rows
    ]
    # every target, superseded ones too: which is in force depends on the as-of date (domain.assessment.plans)
    snap.targets = _plan_rows(Target.objects.values_list(*_PLAN_ROW, "year", "note", "basis"), keys, documents,
                              e.Target)
    snap.scenarios = _plan_rows(ScenarioValue.objects.values_list(*_PLAN_ROW, "period"), keys, documents,
                                e.ScenarioValue)
    snap.territories = territories()
    snap.figures = [
        m.ActualFigure(indicator=keys[indicator_id], period=m.FigurePeriod.parse(period),
                 value=e.Value(text=text, comparator=e.Comparator(comparator), low=low, high=high), scope=scope,
                 published=published or timezone.localdate(entered_at), qualifier=qualifier,
                 status=m.FigureStatus(status), version=version, source=source)
        for indicator_id, period, comparator, low, high, text, scope, published, entered_at, qualifier, status,
        version, source in ActualFigure.objects.values_list(
            "indicator_id", "period", "comparator", "low", "high", "text", "scope", "published", "entered_at",
            "qualifier", "review_status", "version", "source")
    ]
    _load_tasks(snap, agencies, leaders, documents)
    _load_projects(snap, documents, year)
    return snap


def _load_tasks(snap: Snapshot, agencies: dict, leaders: dict, documents: dict) -> None:
    groups = {pk: GroupRow(pk, code, title) for pk, code, title in TaskGroup.objects.values_list("pk", "code", "title")}

    rank = {pk: n for n, pk in enumerate(agencies)}  # the database's order (Agency.Meta.ordering)

    def related(ids) -> Related:
        return Related(agencies[pk] for pk in sorted(ids, key=rank.__getitem__))

    lead = _grouped(Task.lead.through.objects.values_list("task_id", "agency_id"))
    support = _grouped(Task.support.through.objects.values_list("task_id", "agency_id"))
    milestones = _grouped(
        (task_id, (order, e.Milestone(text=text, due=due, condition=condition)))
        for task_id, order, text, due, condition in TaskMilestone.objects.values_list(
            "task_id", "order", "text", "due", "condition"))
    for (pk, number, code, content, result, group_id, leader_id, document_id, deadline_text, due, start,
         recurrence, condition, note, understood) in Task.objects.values_list(
            "pk", "number", "code", "content", "result", "group_id", "leader_id", "document_id", "deadline_text",
            "due", "start", "recurrence", "condition", "note", "deadline_understood"):
        row = TaskRow(pk=pk, number=number, code=code, content=content, result=result, deadline_text=deadline_text,
                      document=documents[document_id], group=groups[group_id],
                      leader=leaders[leader_id] if leader_id else None, lead=related(lead.get(pk, ())),
                      support=related(support.get(pk, ())), due=due, start=start, recurrence=recurrence)
        snap.task_rows[pk] = row
        until = (recurrence or {}).get("until")
        deadline = e.Deadline(
            text=deadline_text, due=due, start=start,
            recurrence=e.Recurrence(every=list(recurrence.get("every") or []),
                                    until=date.fromisoformat(until) if until else None) if recurrence else None,
            condition=condition, milestones=[ms for _order, ms in sorted(milestones.get(pk, ()), key=lambda x: x[0])],
            note=note, understood=understood)
        snap.tasks.append(e.Task(
            number=pk, code=code, group=e.TaskGroup(row.group.code, row.group.title), content=content, result=result,
            lead=[a.name for a in row.lead], support=[a.name for a in row.support], deadline=deadline,
            leader=row.leader.name if row.leader else None, document=row.document.key,
        ))
    rows = snap.task_rows
    snap.updates = [
        m.ProgressUpdate(task=task_id, on=on, status=m.ProgressStatus(status), percent=percent, note=note,
                         evidence=reference or evidence_file or "", completed_on=completed_on,
                         milestone=None if order is None else order - 1,
                         occurrence=occurrence_period(rows[task_id], occurrence_due) if occurrence_due else None)
        for task_id, on, status, percent, note, reference, evidence_file, completed_on, order, occurrence_due
        in counted_progress().values_list("task_id", "on", "status", "percent", "note", "evidence_reference",
                                          "evidence_file", "completed_on", "milestone__order", "occurrence_due")
    ]
    snap.events = [
        m.ConditionEvent(task=task_id, on=on, due=due, milestone=None if order is None else order - 1, note=note)
        for task_id, on, due, order, note in ConditionEvent.objects.values_list(
            "task_id", "happened_on", "due", "milestone__order", "note")
    ]


def _load_projects(snap: Snapshot, documents: dict, year: int | None) -> None:
    snap.projects = [
        ProjectRow(pk, number, name, group, group_title, value, documents[document_id], agency_id, value_text)
        for pk, number, name, group, group_title, value, document_id, agency_id, value_text
        in Project.objects.order_by("document", "number").values_list(
            "pk", "number", "name", "group", "group_title", "value_million_vnd", "document_id", "agency_id",
            "value_text")
    ]
    plans = CapitalPlan.objects.all()
    if year is not None:
        plans = plans.filter(year=year)
    snap.plans = {
        (project_id, plan_year): m.CapitalPlan(
            project=project_id, year=plan_year, amount=amount,
            schedule=tuple(sorted((code, Decimal(str(share))) for code, share in (schedule or {}).items())))
        for project_id, plan_year, amount, schedule in plans.values_list(
            "project_id", "year", "amount_million_vnd", "schedule")
    }
    snap.disbursements = [
        m.Disbursement(project=project_id, period=period, amount=amount, reported_on=reported_on or on)
        for project_id, period, amount, reported_on, on in Disbursement.objects.values_list(
            "project_id", "period", "amount_million_vnd", "reported_on", "on")
    ]
    snap.milestones = [
        m.ProjectMilestone(project=project_id, kind=kind, planned=planned, actual=actual, label=name)
        for project_id, kind, planned, actual, name in ProjectMilestone.objects.values_list(
            "project_id", "kind", "planned", "actual", "name")
    ]
