"""Scorecards per lead agency and per supervising leader.

From the assessments already made (one ``TaskAssessment`` per task, as ``tasks.assess_tasks``
gives, plus indicator and project assessments and reporting records), each owner's record:
tasks by status, overdue tasks (quá hạn chưa hoàn thành), indicators at risk (rating in
``Thresholds.at_risk``), projects behind plan, and the on-time reporting rate.

Ownership:

* agencies: a task belongs to each of its lead agencies (``Task.lead``), an indicator to its
  monitoring agencies (``Indicator.monitoring_agencies``), a project to the agency given in
  ``project_agencies``, a report to the agency that owes it;
* leaders: a task belongs to its supervising leader (``Task.leader``); indicators, projects and
  agencies (for their reports) to the leader given in the corresponding mapping.

Owners are listed in name order; every list inside a scorecard is sorted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from kehoach.domain.entities import Indicator, Task

from .model import (
    IndicatorAssessment,
    ProjectAssessment,
    ReportingRecord,
    ReportStatus,
    Scorecard,
    TaskAssessment,
    TaskStatus,
)
from .rules import DEFAULT, Thresholds

AGENCY = "agency"
LEADER = "leader"


def agency_scorecards(
    tasks: Iterable[Task],
    task_assessments: Iterable[TaskAssessment],
    indicators: Iterable[Indicator] = (),
    indicator_assessments: Iterable[IndicatorAssessment] = (),
    project_assessments: Iterable[ProjectAssessment] = (),
    project_agencies: Mapping[int, str] | None = None,
    reporting: Iterable[ReportingRecord] = (),
    thresholds: Thresholds = DEFAULT,
) -> list[Scorecard]:
    tasks = list(tasks)
    return build_scorecards(
        AGENCY,
        task_owners={t.number: list(t.lead) for t in tasks},
        task_assessments=task_assessments,
        indicator_owners={i.key: list(i.monitoring_agencies) for i in indicators},
        indicator_assessments=indicator_assessments,
        project_owners={p: [a] for p, a in (project_agencies or {}).items()},
        project_assessments=project_assessments,
        report_owners=None,
        reporting=reporting,
        thresholds=thresholds,
    )


def leader_scorecards(
    tasks: Iterable[Task],
    task_assessments: Iterable[TaskAssessment],
    indicator_assessments: Iterable[IndicatorAssessment] = (),
    indicator_leaders: Mapping[str, str] | None = None,
    project_assessments: Iterable[ProjectAssessment] = (),
    project_leaders: Mapping[int, str] | None = None,
    reporting: Iterable[ReportingRecord] = (),
    agency_leaders: Mapping[str, str] | None = None,
    thresholds: Thresholds = DEFAULT,
) -> list[Scorecard]:
    return build_scorecards(
        LEADER,
        task_owners={t.number: [t.leader] for t in tasks if t.leader},
        task_assessments=task_assessments,
        indicator_owners={k: [v] for k, v in (indicator_leaders or {}).items()},
        indicator_assessments=indicator_assessments,
        project_owners={p: [v] for p, v in (project_leaders or {}).items()},
        project_assessments=project_assessments,
        report_owners={a: [v] for a, v in (agency_leaders or {}).items()},
        reporting=reporting,
        thresholds=thresholds,
    )


def build_scorecards(
    kind: str,
    task_owners: Mapping[int, list[str]],
    task_assessments: Iterable[TaskAssessment],
    indicator_owners: Mapping[str, list[str]],
    indicator_assessments: Iterable[IndicatorAssessment],
    project_owners: Mapping[int, list[str]],
    project_assessments: Iterable[ProjectAssessment],
    report_owners: Mapping[str, list[str]] | None,
    reporting: Iterable[ReportingRecord],
    thresholds: Thresholds = DEFAULT,
) -> list[Scorecard]:
    """The generic builder: owners of each task, indicator, project and agency's reports.

    ``report_owners`` None: a report belongs to the agency that owes it.
    """
    cards: dict[str, dict] = {}

    def card(owner: str) -> dict:
        return cards.setdefault(
            owner, {"statuses": {}, "overdue": set(), "risk": set(), "behind": set(), "due": 0, "on_time": 0}
        )

    for a in task_assessments:
        for owner in task_owners.get(a.task, ()):
            c = card(owner)
            c["statuses"][a.status] = c["statuses"].get(a.status, 0) + 1
            if a.status.is_overdue:
                c["overdue"].add(a.task)
    for a in indicator_assessments:
        for owner in indicator_owners.get(a.indicator, ()):
            c = card(owner)
            if a.rating in thresholds.at_risk:
                c["risk"].add(a.indicator)
    for a in project_assessments:
        for owner in project_owners.get(a.project, ()):
            c = card(owner)
            if a.behind:
                c["behind"].add(a.project)
    for r in reporting:
        owners = [r.due.agency] if report_owners is None else report_owners.get(r.due.agency, ())
        for owner in owners:
            c = card(owner)
            if r.status != ReportStatus.PENDING:
                c["due"] += 1
                c["on_time"] += r.status == ReportStatus.SUBMITTED
    order = {s: i for i, s in enumerate(TaskStatus)}
    return [
        Scorecard(
            owner=owner,
            kind=kind,
            tasks_by_status=dict(sorted(c["statuses"].items(), key=lambda kv: order[kv[0]])),
            overdue_tasks=tuple(sorted(c["overdue"])),
            indicators_at_risk=tuple(sorted(c["risk"])),
            projects_behind=tuple(sorted(c["behind"])),
            reports_due=c["due"],
            reports_on_time=c["on_time"],
            on_time_rate=Decimal(c["on_time"]) / Decimal(c["due"]) if c["due"] else None,
        )
        for owner, c in sorted(cards.items())
    ]
