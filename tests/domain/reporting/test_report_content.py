"""The report's content from hand-built assessments: title, prose, tasks, projects, attention points."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.domain.assessment.model import (
    FigurePeriod,
    IndicatorAssessment,
    ProjectAssessment,
    TaskAssessment,
    TaskStatus,
)
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.reporting import IndicatorInput, ProjectInput, ReportInput, TaskInput, build, report_period
from kehoach.domain.reporting.numbers import vn

AS_OF = date(2025, 8, 6)


def grdp(rating=Rating.CHAM, parent=None, key="grdp") -> IndicatorInput:
    indicator = Indicator(key=key, name="Tổng sản phẩm trên địa bàn (GRDP)", unit="%", kind=MeasureKind.GROWTH,
                          parent=parent)
    assessment = IndicatorAssessment(
        indicator=key, as_of=AS_OF, rating=rating, comparable=True,
        reason="6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản (12,13%).",
        period=FigurePeriod.parse("2025-H1"), actual=Decimal("11.040000"), qualifier="ước",
        scenario=Decimal("12.13"), ytd_actual=Decimal("11.04"), annual_target=Decimal("12.5"))
    return IndicatorInput(indicator, assessment, "12,5")


def exports() -> IndicatorInput:
    indicator = Indicator(key="exports", name="Kim ngạch xuất khẩu", unit="tỷ USD", kind=MeasureKind.FLOW)
    assessment = IndicatorAssessment(
        indicator="exports", as_of=AS_OF, rating=Rating.DAT, comparable=True, reason="Vượt kịch bản",
        period=FigurePeriod.parse("2025-H1"), actual=Decimal("17.6"), annual_target=Decimal("37"),
        pct_of_year_target=Decimal("47.5675"))
    return IndicatorInput(indicator, assessment, "37")


def task(number: int, status: TaskStatus, leader: str | None = "Lê Anh Quân") -> TaskInput:
    return TaskInput(number=number, content=f"Nội dung nhiệm vụ {number}", group="I. Nhiệm vụ chung",
                     lead=("Sở Tài chính",), leader=leader,
                     assessment=TaskAssessment(task=number, status=status, due=date(2025, 6, 30),
                                               detail="Quá hạn 37 ngày"))


def project(behind: bool, plan: str | None = "1000", disbursed: str = "250") -> ProjectInput:
    a = ProjectAssessment(project=1, plan=Decimal(plan) if plan else None, disbursed=Decimal(disbursed),
                          by_period=(), rate=None, planned_share=None, planned_share_method="", late_milestones=(),
                          behind=behind, reason="Giải ngân chậm so với kế hoạch")
    return ProjectInput(number=1, name="Cầu Nguyễn Trãi", group="Giao thông", value=Decimal("5000"), assessment=a)


def report(**kwargs) -> ReportInput:
    return ReportInput(as_of=AS_OF, kind=kwargs.pop("kind", "month"), **kwargs)


@pytest.mark.parametrize(("kind", "phrase"), [
    ("month", "tháng 7 năm 2025"), ("quarter", "quý II năm 2025"), ("h1", "6 tháng đầu năm 2025"),
    ("9m", "9 tháng năm 2024"), ("year", "năm 2024")])
def test_the_title_names_the_latest_period_of_the_kind_ended_by_the_as_of_date(kind, phrase):
    content = build(report(kind=kind))
    assert content.title == f"Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội {phrase}"


def test_a_month_report_in_january_covers_december():
    assert report_period(date(2025, 1, 10), "month").code == "2024-12"
    assert report_period(date(2025, 3, 31), "quarter").code == "2025-Q1"


def test_numbers_are_printed_vi_vn_with_at_most_two_decimals():
    assert vn(Decimal("11.040000")) == "11,04"
    assert vn(Decimal("112748.000")) == "112.748"
    assert vn(Decimal("47.5675")) == "47,57"
    assert vn(None) == ""


def test_each_main_indicator_gets_a_paragraph_with_its_figure_reason_and_rating():
    content = build(report(indicators=(grdp(), exports(), grdp(parent="grdp", key="grdp_sub"))))
    summary, *paragraphs = content.sections[0].paragraphs
    assert summary.startswith("Kết quả chung: 1/2 chỉ tiêu")  # the sub-indicator is left out
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("1. Tổng sản phẩm trên địa bàn (GRDP):")
    assert "11,04" in paragraphs[0] and "kịch bản (12,13%)" in paragraphs[0]
    assert paragraphs[0].endswith("Đánh giá: Chậm.")
    assert "số liệu 6 tháng đầu năm 2025 17,6 tỷ USD. Vượt kịch bản." in paragraphs[1]
    assert "Lũy kế bằng 47,57% kế hoạch năm (37 tỷ USD)." in paragraphs[1]


def test_the_appendix_rows_keep_numbers_and_the_target_as_written():
    row = build(report(indicators=(grdp(),))).indicator_rows[0]
    assert (row.number, row.name, row.target_text, row.period_label) == (
        1, "Tổng sản phẩm trên địa bàn (GRDP)", "12,5", "6 tháng đầu năm 2025")
    assert row.actual == Decimal("11.04") and row.qualifier == "ước" and row.rating == "Chậm"


def test_tasks_are_counted_by_status_and_overdue_and_soon_ones_listed():
    tasks = (task(2, TaskStatus.QUA_HAN), task(12, TaskStatus.QUA_HAN, leader=None),
             task(5, TaskStatus.SAP_DEN_HAN), task(7, TaskStatus.CHUA_DEN_HAN))
    paragraphs = build(report(tasks=tasks)).sections[1].paragraphs
    assert paragraphs[0] == ("Tổng số 4 nhiệm vụ, trong đó: 2 nhiệm vụ quá hạn chưa hoàn thành, "
                             "1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ chưa đến hạn.")  # the order of PRIORITY
    assert paragraphs[1] == "Các nhiệm vụ quá hạn chưa hoàn thành (2 nhiệm vụ):"
    assert paragraphs[2] == ("- Nhiệm vụ số 2: Nội dung nhiệm vụ 2. Chủ trì: Sở Tài chính; "
                             "lãnh đạo phụ trách: Lê Anh Quân. Quá hạn 37 ngày.")
    assert "lãnh đạo phụ trách: chưa phân công" in paragraphs[3]
    assert paragraphs[4] == "Các nhiệm vụ sắp đến hạn (1 nhiệm vụ):"
    assert paragraphs[5].startswith("- Nhiệm vụ số 5:")


def test_projects_are_counted_with_the_disbursement_where_known():
    paragraphs = build(report(projects=(project(True), project(False, plan=None)))).sections[2].paragraphs
    assert paragraphs[0] == "Tổng số 2 dự án trọng điểm được theo dõi; 1 dự án chậm so với kế hoạch."
    assert "tổng kế hoạch 1.000 triệu đồng; đã giải ngân 250 triệu đồng, đạt 25% kế hoạch vốn" in paragraphs[1]
    assert paragraphs[2] == "- Cầu Nguyễn Trãi: Giải ngân chậm so với kế hoạch."


def test_overdue_tasks_with_no_report_are_named_apart_and_listed_with_the_overdue_ones():
    tasks = (task(2, TaskStatus.QUA_HAN), task(4, TaskStatus.QUA_HAN_CHUA_BAO_CAO), task(7, TaskStatus.CHUA_BAO_CAO))
    content = build(report(tasks=tasks))
    paragraphs = content.sections[1].paragraphs
    assert paragraphs[0] == ("Tổng số 3 nhiệm vụ, trong đó: 1 nhiệm vụ quá hạn, chưa báo cáo; "
                             "1 nhiệm vụ quá hạn chưa hoàn thành; 1 nhiệm vụ chưa báo cáo.")
    assert paragraphs[1] == "Các nhiệm vụ quá hạn chưa hoàn thành (2 nhiệm vụ):"
    assert content.sections[-1].paragraphs[1].startswith(
        "Có 2 nhiệm vụ quá hạn chưa hoàn thành (trong đó 1 nhiệm vụ chưa báo cáo tiến độ)")


def test_the_points_for_attention_name_the_slow_indicators_and_count_the_overdue_tasks():
    content = build(report(indicators=(grdp(Rating.NGUY_CO), exports()),
                           tasks=(task(2, TaskStatus.QUA_HAN), task(3, TaskStatus.QUA_HAN))))
    attention = content.sections[-1].paragraphs
    assert content.sections[-1].heading == "VI. MỘT SỐ VẤN ĐỀ ĐỀ NGHỊ LÃNH ĐẠO QUAN TÂM CHỈ ĐẠO"
    assert attention[0].startswith("Có 1 chỉ tiêu chậm hoặc có nguy cơ không đạt kế hoạch năm: "
                                   "Tổng sản phẩm trên địa bàn (GRDP) (nguy cơ không đạt kế hoạch năm)")
    assert "Kim ngạch" not in attention[0]
    assert attention[1].startswith("Có 2 nhiệm vụ quá hạn chưa hoàn thành")


def test_an_empty_plan_still_makes_a_report():
    content = build(report())
    assert [len(s.paragraphs) for s in content.sections] == [1, 1, 1, 0, 0, 2]
    assert [len(s.parts) for s in content.sections] == [0, 0, 0, 3, 3, 0]
    assert content.indicator_rows == ()
