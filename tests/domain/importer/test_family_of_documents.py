"""Documents of the same family the importer has not been tuned on: other provinces' column
sets and orders, header blocks laid out as tables, pipe tables, three levels of grouping, and
target tables with several bases."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from kehoach.domain.entities import TargetBasis
from kehoach.domain.importer import inspect_files

FIXTURES = Path(__file__).parent / "fixtures"


def test_provincial_plan_with_a_table_header_block():
    result = inspect_files([FIXTURES / "quang-ninh-style-plan.txt"])
    (doc,) = result.documents
    assert (doc.number, doc.kind, doc.date) == ("45/KH-UBND", "Kế hoạch", date(2025, 2, 10))
    assert doc.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert doc.place == "Quảng Ninh"
    assert (doc.signer, doc.signer_title) == ("Nguyễn Văn Ánh", "Phó chủ tịch")
    assert doc.scope == "Quảng Ninh"


def test_three_levels_of_grouping_and_dotted_numbers():
    result = inspect_files([FIXTURES / "quang-ninh-style-plan.txt"])
    assert [(t.code, t.group.code) for t in result.tasks] == [
        ("1.1", "A.I.1"), ("1.2", "A.I.1"), ("-", "A.I.1"), ("2", "B.I"),
    ]
    assert [t.number for t in result.tasks] == [1, 2, 3, 4]
    assert result.tasks[0].deadline.due == date(2025, 6, 30)  # "6/2025"
    assert result.tasks[1].deadline.due == date(2025, 9, 30)  # "Quý III/2025"
    sub = result.tasks[2]  # a "-" row with its own deadline inherits its task's agency
    assert sub.lead == ["Sở Tài chính"] and sub.deadline.due is None and sub.deadline.understood
    assert result.tasks[3].support == ["UBND các huyện"]
    assert not [w for w in result.warnings if w.code != "task-numbering"]


def test_target_table_with_several_bases_and_a_six_month_estimate():
    result = inspect_files([FIXTURES / "six-month-report.txt"])
    (doc,) = result.documents
    assert doc.issuer == "Ủy ban nhân dân thành phố Cần Thơ"
    assert doc.scope == "Cần Thơ (từ 01/07/2025)"
    targets = {(t.indicator, t.basis): t.value for t in result.targets}
    assert targets[("grdp", TargetBasis.COUNCIL)].low == Decimal("8")
    assert targets[("grdp", TargetBasis.STRETCH)].low == Decimal("8.5")
    assert targets[("budget_revenue", TargetBasis.COUNCIL)].low == Decimal("20000")  # nghìn tỷ -> tỷ đồng
    assert targets[("budget_domestic", TargetBasis.STRETCH)].low == Decimal("19500")
    assert targets[("tourists", TargetBasis.STRETCH)].low == Decimal("10500")  # triệu -> 1.000 lượt
    assert all(t.year == 2025 for t in result.targets)
    figures = {f.indicator: f for f in result.figures}
    assert figures["budget_revenue"].period == "2025-H1"
    assert figures["budget_revenue"].value.low == Decimal("11400")
    assert figures["budget_revenue"].qualifier == "ước"
    new_firms = next(i for i in result.indicators if i.key not in {"grdp", "budget_revenue", "budget_domestic",
                                                                  "investment", "tourists", "unemployment"})
    assert new_firms.name == "Số doanh nghiệp thành lập mới"
    assert new_firms.unit == "doanh nghiệp"
    assert {w.code for w in result.warnings} == {"table-year"}
