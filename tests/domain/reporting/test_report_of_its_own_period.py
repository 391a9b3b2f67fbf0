"""A report of a period that is not cumulative (quarter III, July) says the period alone first — "Riêng quý III
năm 2025: ..." as published, the figure's scope named when it is not the one assessed — then the cumulative
figures the assessment rates, labelled with their own period (lũy kế 9 tháng, 6 tháng đầu năm)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.assessment.model import ActualFigure, FigurePeriod, IndicatorAssessment
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.entities import Comparator, Indicator, MeasureKind, Value
from kehoach.domain.reporting import IndicatorInput, ReportInput, build

AS_OF = date(2025, 10, 10)
MERGED, OLD = "Hải Phòng (từ 01/07/2025)", "Hải Phòng (trước 01/07/2025)"


def figure(key: str, code: str, value: str, scope: str = MERGED, qualifier: str = "") -> ActualFigure:
    number = Decimal(value)
    return ActualFigure(indicator=key, period=FigurePeriod.parse(code), scope=scope, qualifier=qualifier,
                        published=date(2025, 10, 6),
                        value=Value(text=value, comparator=Comparator.EQ, low=number, high=number))


def item(key: str, kind: MeasureKind, unit: str, reason: str, *own: ActualFigure, period: str = "2025-9M",
         scope: str = MERGED) -> IndicatorInput:
    indicator = Indicator(key=key, name=key.upper(), unit=unit, kind=kind)
    a = IndicatorAssessment(indicator=key, as_of=AS_OF, rating=Rating.DAT, comparable=True, reason=reason,
                            period=FigurePeriod.parse(period), scope=scope, figure_scope=scope)
    return IndicatorInput(indicator, a, "", tuple(own))


def paragraphs(*items: IndicatorInput, kind: str = "quarter") -> list[str]:
    return list(build(ReportInput(as_of=AS_OF, kind=kind, indicators=items)).sections[0].paragraphs[1:])


def test_the_quarter_alone_comes_first_then_the_cumulative_figures():
    revenue = item("revenue", MeasureKind.FLOW, "tỷ đồng", "Lũy kế 9 tháng ước đạt 148.948 tỷ đồng",
                   figure("revenue", "2025-Q3", "36200", qualifier="ước"))
    grdp = item("grdp", MeasureKind.GROWTH, "%", "9 tháng năm 2025 ước tăng 11,14%",
                figure("grdp", "2025-Q3", "11.5", qualifier="ước"))
    iip = item("iip", MeasureKind.INDEX, "%", "Chỉ số 9 tháng năm 2025 đạt 115,2", figure("iip", "2025-Q3", "116.4"))
    assert paragraphs(revenue, grdp, iip) == [
        "1. REVENUE: Riêng quý III năm 2025: ước 36.200 tỷ đồng. Lũy kế 9 tháng ước đạt 148.948 tỷ đồng. "
        "Đánh giá: Đạt/vượt kịch bản.",
        "2. GRDP: Riêng quý III năm 2025: ước tăng 11,5%. 9 tháng năm 2025 ước tăng 11,14%. Đánh giá: Đạt/vượt kịch bản.",
        "3. IIP: Riêng quý III năm 2025: tăng 16,4% so với cùng kỳ. Chỉ số 9 tháng năm 2025 đạt 115,2. "
        "Đánh giá: Đạt/vượt kịch bản.",
    ]


def test_a_figure_of_another_scope_is_named_and_several_scopes_each():
    one = item("grdp", MeasureKind.GROWTH, "%", "6 tháng đầu năm 2025 ước tăng 11,04%",
               figure("grdp", "2025-Q3", "11.5", qualifier="ước"), period="2025-H1", scope=OLD)
    both = item("grdp", MeasureKind.GROWTH, "%", "6 tháng đầu năm 2025 ước tăng 11,04%",
                figure("grdp", "2025-Q3", "11.2", scope=OLD), figure("grdp", "2025-Q3", "11.5", qualifier="ước"),
                period="2025-H1", scope=OLD)
    assert paragraphs(one)[0].startswith(f"1. GRDP: Riêng quý III năm 2025 của {MERGED}: ước tăng 11,5%. 6 tháng")
    assert paragraphs(both)[0].startswith(
        f"1. GRDP: Riêng quý III năm 2025: {OLD} tăng 11,2%; {MERGED} ước tăng 11,5%. 6 tháng")


def test_without_a_figure_of_the_period_alone_nothing_is_invented():
    revenue = item("revenue", MeasureKind.FLOW, "tỷ đồng", "Lũy kế 9 tháng ước đạt 148.948 tỷ đồng")
    assert "Riêng" not in paragraphs(revenue)[0]


def test_when_the_assessment_rates_the_period_alone_it_is_said_once():
    grdp = item("grdp", MeasureKind.GROWTH, "%", "Quý III năm 2025 ước tăng 11,5%",
                figure("grdp", "2025-Q3", "11.5", qualifier="ước"), period="2025-Q3")
    assert "Riêng" not in paragraphs(grdp)[0]
