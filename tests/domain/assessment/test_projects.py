"""Key projects: milestones with planned and actual dates, disbursement against the capital plan."""

from datetime import date
from decimal import Decimal as D

from kehoach.domain.assessment import CapitalPlan, Disbursement, ProjectMilestone, Thresholds, assess_project
from kehoach.domain.assessment.model import KHANH_THANH, KHOI_CONG
from kehoach.domain.assessment.projects import LINEAR, SCHEDULE, planned_share, projects_behind

PLAN = CapitalPlan(project=7, year=2025, amount=D("4000"),
                   schedule=(("2025-Q1", D("0.15")), ("2025-H1", D("0.45")), ("2025-9M", D("0.70")), ("2025", D("1"))))
PAID = [
    Disbursement(7, "2025-Q1", D("500"), date(2025, 4, 5)),
    Disbursement(7, "2025-04", D("300"), date(2025, 5, 5)),
    Disbursement(7, "2025-05", D("200"), date(2025, 6, 5)),
    Disbursement(7, "2025-06", D("400"), date(2025, 7, 5)),
    Disbursement(8, "2025-Q1", D("999"), date(2025, 4, 5)),  # another project
    Disbursement(7, "2024-12", D("100"), date(2025, 1, 5)),  # last year's plan
]


def test_the_disbursement_rate_by_date_counts_what_was_reported_by_then():
    a = assess_project(7, PLAN, PAID, [], date(2025, 6, 10))
    assert a.disbursed == D("1000")  # 500 + 300 + 200
    assert a.by_period == (("2025-Q1", D("500")), ("2025-04", D("300")), ("2025-05", D("200")))
    assert a.rate == D("0.25")
    assert a.planned_share == D("0.15")  # only Q1 has ended
    assert not a.behind
    assert a.reason == "Giải ngân 1.000 triệu đồng, đạt 25,0% kế hoạch vốn năm 2025 (4.000 triệu đồng)."


def test_a_project_whose_rate_is_more_than_ten_points_below_its_schedule_is_behind():
    a = assess_project(7, PLAN, PAID, [], date(2025, 7, 10))
    assert a.rate == D("0.35")  # 1.400 / 4.000
    assert a.planned_share == D("0.45") and a.planned_share_method == SCHEDULE
    assert not a.behind  # exactly 10 points below: not more than the margin
    b = assess_project(7, PLAN, PAID[:3], [], date(2025, 7, 10))
    assert b.rate == D("0.25") and b.behind  # 20 points below
    assert b.reason == (
        "Giải ngân 1.000 triệu đồng, đạt 25,0% kế hoạch vốn năm 2025 (4.000 triệu đồng), thấp hơn mức cần đạt 45,0%."
    )
    assert not assess_project(7, PLAN, PAID[:3], [], date(2025, 7, 10),
                              Thresholds(disbursement_behind=D("0.25"))).behind


def test_without_a_schedule_the_planned_share_grows_with_the_months_elapsed():
    plan = CapitalPlan(9, 2025, D("1200"))
    assert planned_share(plan, date(2025, 6, 29)) == (D(5) / D(12), LINEAR)
    assert planned_share(plan, date(2025, 6, 30)) == (D("0.5"), LINEAR)
    assert planned_share(plan, date(2024, 12, 31))[0] == 0
    assert planned_share(plan, date(2026, 1, 1))[0] == 1


def test_a_milestone_planned_before_the_date_without_an_actual_date_puts_the_project_behind():
    milestones = [
        ProjectMilestone(7, KHOI_CONG, planned=date(2025, 3, 31), actual=date(2025, 4, 20)),
        ProjectMilestone(7, KHANH_THANH, planned=date(2025, 9, 2)),
        ProjectMilestone(7, "thong_xe", planned=date(2025, 8, 19), label="Thông xe kỹ thuật"),
    ]
    before = assess_project(7, PLAN, PAID, milestones, date(2025, 8, 1))
    assert before.late_milestones == () and not before.behind  # khởi công happened, late but done
    after = assess_project(7, PLAN, PAID, milestones, date(2025, 9, 10))
    assert [m.kind for m in after.late_milestones] == ["thong_xe", KHANH_THANH]
    assert after.behind
    assert after.reason.endswith("; chưa thông xe kỹ thuật (kế hoạch 19/08/2025); chưa khánh thành (kế hoạch 02/09/2025).")


def test_a_project_without_a_capital_plan_is_judged_on_its_milestones_only():
    a = assess_project(8, None, PAID, [ProjectMilestone(8, KHOI_CONG, planned=date(2025, 5, 19))], date(2025, 6, 1))
    assert a.rate is None and a.disbursed == D("999")
    assert a.behind
    assert projects_behind([a, assess_project(7, PLAN, PAID, [], date(2025, 6, 10))]) == [8]
