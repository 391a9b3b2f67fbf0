"""Scorecards per lead agency and per supervising leader."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from kehoach.domain.assessment import (
    ProgressStatus,
    ProgressUpdate,
    Rating,
    ReportingObligation,
    Submission,
    TaskStatus,
    agency_scorecards,
    assess_project,
    assess_tasks,
    leader_scorecards,
    owed,
)
from kehoach.domain.assessment.calendar import records
from kehoach.domain.assessment.model import KHOI_CONG, CapitalPlan, ProjectMilestone
from kehoach.domain.deadlines import parse_deadline
from kehoach.domain.entities import Task, TaskGroup

from .helpers import assess, figure, indicator

AS_OF = date(2025, 7, 10)
GROUP = TaskGroup("I", "Nhiệm vụ")
FINANCE, CONSTRUCTION = "Sở Tài chính", "Sở Xây dựng"
TASKS = [
    Task(1, "1.", GROUP, "a", "", [FINANCE], [], parse_deadline("Tháng 6/2025"), "Phó Chủ tịch A", "86"),
    Task(2, "2.", GROUP, "b", "", [FINANCE, CONSTRUCTION], [], parse_deadline("Quý II/2025"), "Phó Chủ tịch B", "86"),
    Task(3, "3.", GROUP, "c", "", [CONSTRUCTION], [], parse_deadline("Sau khi được phê duyệt"), "Phó Chủ tịch B", "86"),
]
UPDATES = [ProgressUpdate(1, date(2025, 6, 20), ProgressStatus.COMPLETED, 100)]


def _inputs():
    tasks = assess_tasks(TASKS, UPDATES, AS_OF)
    indicators = [
        assess("budget_revenue", [figure("budget_revenue", "2025-H1", "65210", date(2025, 7, 5))], AS_OF),
        assess("jobs", [figure("jobs", "2025-H1", "30000", date(2025, 7, 5))], AS_OF),
    ]
    projects = [
        assess_project(7, CapitalPlan(7, 2025, D("1000")), [],
                       [ProjectMilestone(7, KHOI_CONG, planned=date(2025, 6, 30))], AS_OF),
    ]
    dues = owed([ReportingObligation(FINANCE, "Báo cáo tháng", ("month",))], AS_OF)
    sent = {1: 16, 2: 16, 3: 16, 4: 20, 5: 20}  # due on the 18th: 4 and 5 late, June missing
    reporting = records(
        dues, [Submission(FINANCE, "Báo cáo tháng", f"2025-0{m}", date(2025, m, d)) for m, d in sent.items()], AS_OF
    )
    return tasks, indicators, projects, reporting


def test_agency_scorecards_count_tasks_overdue_indicators_at_risk_projects_behind_and_reporting():
    tasks, indicators, projects, reporting = _inputs()
    budget = replace(indicator("budget_revenue"), monitoring_agencies=[FINANCE])
    cards = {c.owner: c for c in agency_scorecards(
        TASKS, tasks, [budget], indicators, projects, {7: CONSTRUCTION}, reporting,
    )}
    finance, construction = cards[FINANCE], cards[CONSTRUCTION]
    assert indicators[0].rating == Rating.CHAM
    assert finance.tasks_by_status == {TaskStatus.HOAN_THANH_DUNG_HAN: 1, TaskStatus.QUA_HAN_CHUA_BAO_CAO: 1}
    assert finance.overdue_tasks == (2,)
    assert finance.indicators_at_risk == ("budget_revenue",)
    assert (finance.reports_due, finance.reports_on_time) == (6, 3)
    assert finance.on_time_rate == D("0.5")
    assert construction.tasks_by_status == {TaskStatus.QUA_HAN_CHUA_BAO_CAO: 1, TaskStatus.CHO_DIEU_KIEN: 1}
    assert construction.projects_behind == (7,)
    assert construction.on_time_rate is None  # owed no report
    assert construction.task_count == 2


def test_leader_scorecards_follow_the_supervising_leader():
    tasks, indicators, projects, reporting = _inputs()
    cards = {c.owner: c for c in leader_scorecards(
        TASKS, tasks, indicators, {"budget_revenue": "Phó Chủ tịch A"}, projects, {7: "Phó Chủ tịch B"},
        reporting, {FINANCE: "Phó Chủ tịch A"},
    )}
    a, b = cards["Phó Chủ tịch A"], cards["Phó Chủ tịch B"]
    assert a.kind == "leader"
    assert a.tasks_by_status == {TaskStatus.HOAN_THANH_DUNG_HAN: 1}
    assert a.indicators_at_risk == ("budget_revenue",)
    assert a.reports_due == 6
    assert b.tasks_by_status == {TaskStatus.QUA_HAN_CHUA_BAO_CAO: 1, TaskStatus.CHO_DIEU_KIEN: 1}
    assert b.overdue_tasks == (2,)
    assert b.projects_behind == (7,)
