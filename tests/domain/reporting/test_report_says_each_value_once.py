"""A report writer's rule: a value is said once. Bases that set the same value (the chỉ tiêu phấn đấu, the
HĐND's and the scenario's year value all at 37 tỷ USD) are named together with it, not listed one by one
with the same number, and the share of the year's plan is not said again beside them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.assessment.model import FigurePeriod, IndicatorAssessment, TargetComparison
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.reporting import IndicatorInput
from kehoach.domain.reporting.prose import indicator_paragraph

AS_OF = date(2025, 10, 20)


def basis(code, label, value, text, pct=None, gap=None) -> TargetComparison:
    return TargetComparison(basis=code, basis_label=label, scope="Hải Phòng (trước 01/07/2025)",
                            value=Decimal(value), text=text, document="86/KH-UBND", pct=pct, gap=gap)


def flow(targets) -> IndicatorInput:
    indicator = Indicator(key="exports", name="Kim ngạch xuất khẩu", unit="tỷ USD", kind=MeasureKind.FLOW)
    a = IndicatorAssessment(
        indicator="exports", as_of=AS_OF, rating=Rating.DAT, comparable=True,
        reason="Lũy kế 6 tháng đạt 17,6 tỷ USD, bằng 101,1% kịch bản (17,4 tỷ USD).",
        period=FigurePeriod.parse("2025-H1"), actual=Decimal("17.6"), ytd_actual=Decimal("17.6"),
        annual_target=Decimal("37"), pct_of_year_target=Decimal("47.57"), targets=tuple(targets))
    return IndicatorInput(indicator, a, "37")


def test_three_bases_setting_37_say_37_once_with_the_three_bases_named():
    text = indicator_paragraph(flow([
        basis("chi_tieu_phan_dau", "chỉ tiêu phấn đấu", "37", "37", pct=Decimal("47.57")),
        basis("hdnd", "dự toán/chỉ tiêu HĐND giao", "37", "37", pct=Decimal("47.57")),
        basis("kich_ban", "kịch bản", "37", "37", pct=Decimal("47.57")),
    ]))
    assert text.count("37 tỷ USD") == 1
    assert text.count("47,") == 1
    assert ("So với kế hoạch năm: bằng 47,6% chỉ tiêu phấn đấu, dự toán/chỉ tiêu HĐND giao và kịch bản cả năm "
            "(37 tỷ USD).") in text


def test_two_values_are_each_said_once_and_the_share_of_the_plan_is_not_said_again():
    text = indicator_paragraph(flow([
        basis("chi_tieu_phan_dau", "chỉ tiêu phấn đấu", "37", "37", pct=Decimal("47.57")),
        basis("hdnd", "dự toán/chỉ tiêu HĐND giao", "35", "35", pct=Decimal("50.29")),
        basis("kich_ban", "kịch bản", "37", "37", pct=Decimal("47.57")),
    ]))
    assert "Lũy kế bằng 47,57% kế hoạch năm" not in text
    assert ("So với từng căn cứ: bằng 47,6% chỉ tiêu phấn đấu và kịch bản cả năm (37 tỷ USD); "
            "bằng 50,3% dự toán/chỉ tiêu HĐND giao (35 tỷ USD).") in text


def test_a_growth_rate_below_four_bases_at_12_5_says_the_gap_once():
    indicator = Indicator(key="grdp", name="Tổng sản phẩm trên địa bàn (GRDP)", unit="%", kind=MeasureKind.GROWTH)
    a = IndicatorAssessment(
        indicator="grdp", as_of=AS_OF, rating=Rating.CHAM, comparable=True,
        reason="6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản (12,13%).",
        period=FigurePeriod.parse("2025-H1"), actual=Decimal("11.04"), qualifier="ước",
        annual_target=Decimal("12.5"), targets=tuple(
            basis(code, label, "12.5", "12,5", gap=Decimal("-1.46")) for code, label in (
                ("chi_tieu_phan_dau", "chỉ tiêu phấn đấu"), ("hdnd", "dự toán/chỉ tiêu HĐND giao"),
                ("trung_uong", "dự toán/chỉ tiêu Trung ương giao"), ("kich_ban", "kịch bản"))))
    text = indicator_paragraph(IndicatorInput(indicator, a, "12,5"))
    assert text.count("1,46") == 1 and text.count("12,5%") == 1
    # the year's scenario value is not called plain "kịch bản", the name of the period's 12,13%
    assert "và kịch bản cả năm (12,5%) 1,46 điểm %" in text
