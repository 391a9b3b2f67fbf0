"""Kế hoạch 86/KH-UBND as the importer must read it: 88 tasks in 10 groups, every deadline,
agency and leader understood, and the Phụ lục II trajectory with every period in place."""

from datetime import date
from decimal import Decimal

import pytest

from kehoach.domain.entities import Comparator, TargetBasis


def test_document_header(plan86):
    (doc,) = plan86.documents
    assert doc.number == "86/KH-UBND"
    assert doc.kind == "Kế hoạch"
    assert doc.date == date(2025, 3, 31)
    assert doc.place == "Hải Phòng"
    assert doc.issuer == "Ủy ban nhân dân thành phố Hải Phòng"
    assert doc.signer == "Nguyễn Văn Tùng"
    assert doc.signer_title == "Chủ tịch"
    assert doc.title.startswith("Kế hoạch thực hiện Nghị quyết số 192/2025/QH15")
    assert doc.scope == "Hải Phòng (trước 01/07/2025)"


def test_88_tasks_numbered_1_to_88(plan86):
    assert [t.number for t in plan86.tasks] == list(range(1, 89))
    assert [t.code for t in plan86.tasks] == [f"{n}." for n in range(1, 89)]


def test_ten_groups_in_order(plan86):
    groups = []
    for task in plan86.tasks:
        if task.group.code not in groups:
            groups.append(task.group.code)
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    sizes = {g: sum(1 for t in plan86.tasks if t.group.code == g) for g in groups}
    assert sizes == {"I": 11, "II": 9, "III": 18, "IV": 7, "V": 5, "VI": 15, "VII": 4, "VIII": 11, "IX": 5, "X": 3}
    first = plan86.tasks[0].group
    assert first.title.startswith("Tập trung thực hiện quyết liệt, đồng bộ, hiệu quả các Nghị quyết")
    assert next(t for t in plan86.tasks if t.number == 51).group.title.startswith("Khai thác hiệu quả thị trường")


def test_every_deadline_understood(plan86):
    not_understood = [(t.number, t.deadline.text) for t in plan86.tasks if not t.deadline.understood]
    assert not_understood == []
    assert not [w for w in plan86.warnings if w.code.startswith("deadline")]


@pytest.mark.parametrize(
    ("number", "due"),
    [
        (1, date(2025, 12, 31)),  # Trong năm 2025
        (12, date(2025, 5, 31)),  # Tháng 5/2025
        (14, date(2025, 6, 30)),  # Quý II/2025
        (17, date(2025, 12, 31)),  # Quý IV/2025
        (18, date(2025, 4, 30)),  # Tháng 4/2025
        (21, date(2026, 1, 31)),  # 31/01/2026
        (33, date(2025, 6, 30)),  # Trong quý II/2025
        (57, date(2025, 10, 31)),  # Tháng 10/2025
        (80, date(2025, 3, 31)),  # Tháng 3/2025
        (85, date(2026, 3, 31)),  # Quý I/2026
    ],
)
def test_due_dates(plan86, number, due):
    assert plan86.tasks[number - 1].deadline.due == due


def test_recurring_and_conditional_deadlines(plan86):
    monthly = plan86.tasks[1].deadline  # Hàng tháng, quý trong năm 2025
    assert monthly.recurrence is not None
    assert set(monthly.recurrence.every) == {"month", "quarter"}
    assert monthly.recurrence.until == date(2025, 12, 31)
    yearly = plan86.tasks[14].deadline  # Trong năm 2025 và các năm tiếp theo
    assert yearly.due == date(2025, 12, 31)
    assert yearly.recurrence is not None and yearly.recurrence.every == ["year"]
    assert yearly.recurrence.until is None
    for number in (55, 65):  # Sau khi ...
        deadline = plan86.tasks[number - 1].deadline
        assert deadline.due is None
        assert deadline.condition.startswith("Sau khi")
    central = plan86.tasks[5].deadline  # Theo quy định, hướng dẫn của Trung ương
    assert central.due is None and central.condition


def test_multi_milestone_deadline(plan86):
    deadline = plan86.tasks[44].deadline
    assert deadline.text.startswith("- Hồ sơ trình Ban Thường vụ tháng 6/2025")
    assert [m.due for m in deadline.milestones] == [date(2025, 6, 30)]
    assert deadline.milestones[0].text == "Hồ sơ trình Ban Thường vụ"
    # "Triển khai theo tiến độ yêu cầu của Nghị quyết" only refers to the resolution's schedule: a note.
    assert deadline.note == "Triển khai theo tiến độ yêu cầu của Nghị quyết" and not deadline.condition


def test_rows_cut_by_page_breaks_are_joined(plan86):
    task9 = plan86.tasks[8]
    assert task9.content.endswith("kiểm soát chặt chẽ tín dụng đối với lĩnh vực tiềm ẩn rủi ro.")
    assert task9.result.endswith("tăng trưởng tín dụng 15-16%")
    task21 = plan86.tasks[20]
    assert "có khả năng giải ngân tốt" in task21.content
    assert task21.leader == "Lê Anh Quân"
    assert plan86.tasks[23].content.endswith("khu vực tư nhân trong và ngoài nước")


def test_agencies_resolved_to_canonical_entries(plan86):
    names = {a.name for a in plan86.agencies}
    collective = [a for a in plan86.agencies if a.kind.value == "tap_the"]
    assert "Sở Tài chính" in names
    assert "Chi cục Thống kê" in names
    # spellings that differ only in case or wording resolve to one entry
    assert sum(1 for n in names if n.casefold().startswith("chi cục thuế")) == 1
    assert sum(1 for n in names if n.casefold().startswith("chi cục hải quan")) == 1
    assert sum(1 for n in names if n.casefold().startswith("ban quản lý khu kinh tế")) == 1
    assert sum(1 for n in names if n.casefold().startswith("chi nhánh ngân hàng nhà nước")) == 1
    # "Các Sở, ngành, đơn vị, địa phương" is one entry, never split at its commas
    assert not {"ngành", "đơn vị", "địa phương", "Ngành"} & names
    assert any("Sở, ngành, đơn vị, địa phương" in a.name for a in collective)
    task4 = plan86.tasks[3]
    assert len(task4.lead) == 3 and task4.lead[0] == "Sở Tài chính"
    task52 = plan86.tasks[51]
    assert len(task52.lead) == 4
    assert any(n.startswith("Sở Văn hóa, Thể thao và Du lịch") for n in task52.lead)
    for task in plan86.tasks:
        assert task.lead, task.number
        assert set(task.lead) | set(task.support) <= names


def test_leaders_resolved(plan86):
    leaders = {leader.name for leader in plan86.leaders}
    assert {"Lê Anh Quân", "Hoàng Minh Cường", "Nguyễn Đức Thọ", "Nguyễn Văn Tùng"} <= leaders
    assert plan86.tasks[0].leader == "Nguyễn Văn Tùng"  # "Đồng chí Chủ tịch Ủy ban nhân dân thành phố"
    assert plan86.tasks[4].leader is None  # no leader written
    collective = [leader for leader in plan86.leaders if leader.collective]
    assert len(collective) == 1
    assert plan86.tasks[12].leader == plan86.tasks[47].leader == collective[0].name
    assert len(leaders) == 5


def _scenario(result, key):
    return {s.period: s.value for s in result.scenarios if s.indicator == key}


def test_grdp_trajectory_placed_by_publication_periods(plan86):
    grdp = _scenario(plan86, "grdp")
    assert {p: v.low for p, v in grdp.items()} == {
        "2025-Q1": Decimal("11.88"),
        "2025-Q2": Decimal("12.36"),
        "2025-H1": Decimal("12.13"),
        "2025-Q3": Decimal("13.09"),
        "2025-9M": Decimal("12.47"),
        "2025-Q4": Decimal("12.58"),
        "2025": Decimal("12.5"),
    }
    shifted = [w for w in plan86.warnings if w.code == "scenario-shifted"]
    assert len(shifted) == 1 and "GRDP" in shifted[0].message


def test_trajectory_has_all_twelve_rows(plan86):
    rows = {s.indicator for s in plan86.scenarios}
    assert rows == {
        "grdp", "iip", "budget_revenue", "investment", "exports", "port_cargo", "tourists", "fdi",
        "unemployment", "jobs", "trained_labour", "trained_labour_certified",
    }
    certified = next(i for i in plan86.indicators if i.key == "trained_labour_certified")
    assert certified.parent == "trained_labour"


def test_iip_monthly_index(plan86):
    iip = _scenario(plan86, "iip")
    assert len(iip) == 12 + 4 + 2 + 1
    assert iip["2025-01"].low == Decimal("99.2")
    assert iip["2025-02"].low == Decimal("136.7")
    assert iip["2025-9M"].low == Decimal("116.7")
    assert iip["2025-12"].low == Decimal("117.5")


def test_budget_revenue_monthly(plan86):
    budget = _scenario(plan86, "budget_revenue")
    assert budget["2025-01"].low == Decimal("13896.5")
    assert budget["2025-Q2"].low == Decimal("30891.9")
    assert budget["2025-9M"].low == Decimal("100538.7")
    assert budget["2025"].low == Decimal("129519.3")


def test_fdi_ranges_including_reversed(plan86):
    fdi = _scenario(plan86, "fdi")
    assert (fdi["2025-Q1"].low, fdi["2025-Q1"].high) == (Decimal("451"), Decimal("479.8"))
    assert fdi["2025-Q1"].comparator == Comparator.RANGE
    q3 = fdi["2025-Q3"]
    assert (q3.low, q3.high, q3.reversed) == (Decimal("1741"), Decimal("1765"), True)
    assert fdi["2025-01"].low == Decimal("150.00")
    reversed_warnings = [w for w in plan86.warnings if w.code == "range-reversed"]
    assert len(reversed_warnings) == 3  # 1.765-1.741, 3.160-3.150 and 1.350-1.340
    assert {w.location.column for w in reversed_warnings} == {16, 20, 21}


def test_quarterly_rows_and_bounds(plan86):
    unemployment = _scenario(plan86, "unemployment")
    assert unemployment["2025-Q1"].comparator == Comparator.LT
    assert unemployment["2025-Q1"].high == Decimal("3.5")
    assert {p: v.text for p, v in unemployment.items()} == {
        "2025-Q1": "Dưới 3,5", "2025-Q2": "3,68", "2025-Q3": "3,59", "2025-Q4": "3,5", "2025": "< 3,5",
    }
    jobs = _scenario(plan86, "jobs")
    assert [jobs[f"2025-Q{q}"].low for q in range(1, 5)] == [14450, 14850, 14200, 15000]


def test_tourists_in_thousands(plan86):
    tourists = _scenario(plan86, "tourists")
    assert tourists["2025"].comparator == Comparator.GT
    assert tourists["2025"].low == Decimal("10000")
    assert tourists["2025-02"].low == Decimal("550.81")


def test_annual_plan_is_a_stretch_target(plan86):
    budget = [t for t in plan86.targets if t.indicator == "budget_revenue"]
    assert len(budget) == 1
    assert budget[0].value.low == Decimal("129519.3")
    assert budget[0].basis == TargetBasis.STRETCH
    assert budget[0].year == 2025
    assert len(plan86.targets) == 12


def test_monitoring_agencies_and_publication(plan86):
    iip = next(i for i in plan86.indicators if i.key == "iip")
    assert iip.publication == ["month", "quarter", "year"]
    assert iip.publication_text == "Tháng, quý, năm"
    assert iip.monitoring_agencies == ["Sở Công Thương", "Chi cục Thống kê"]
    budget = next(i for i in plan86.indicators if i.key == "budget_revenue")
    assert len(budget.monitoring_agencies) == 3


def test_sum_checks_flag_only_real_inconsistencies(plan86):
    sums = [w for w in plan86.warnings if w.code == "scenario-sum"]
    # FDI: 6 months (1.385-1.419) + Q3 (1.741-1.765) != 9 months as printed (3.150-3.160)
    assert [w.message.split(":")[0] for w in sums] == ["Thu hút vốn đầu tư nước ngoài"] * len(sums)
    # and the three months of Q4 (1.335-1.355) do not add up to Q4 as printed (1.340-1.350)
    assert sorted(w.message.split(" = ")[0].split(": ")[1] for w in sums) == [
        "2025-10 + 2025-11 + 2025-12", "2025-Q1 + 2025-Q2 + 2025-Q3",
    ]
