"""An index (same period = 100) is said the way it is published: IIP "tăng 18,64% so với cùng kỳ",
never "(118,64%)" (issue 12)."""

from datetime import date
from decimal import Decimal

from kehoach.domain.assessment.model import FigurePeriod, IndicatorAssessment
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.reporting import IndicatorInput
from kehoach.domain.reporting.prose import figure_clause, indicator_paragraph


def iip(actual: str) -> IndicatorInput:
    indicator = Indicator(key="iip", name="Chỉ số sản xuất công nghiệp (IIP)", unit="%", kind=MeasureKind.INDEX)
    a = IndicatorAssessment(indicator="iip", as_of=date(2025, 10, 10), rating=Rating.DAT, comparable=True,
                            reason="Vượt kịch bản.", period=FigurePeriod.parse("2025-09"), actual=Decimal(actual))
    return IndicatorInput(indicator, a, "117")


def test_growth_of_an_index_is_said_as_growth():
    assert figure_clause(iip("118.64")) == "tháng 9 năm 2025 tăng 18,64% so với cùng kỳ"
    assert "118,64" not in indicator_paragraph(iip("118.64"))


def test_a_fall_is_a_fall():
    assert figure_clause(iip("97.5")) == "tháng 9 năm 2025 giảm 2,5% so với cùng kỳ"
