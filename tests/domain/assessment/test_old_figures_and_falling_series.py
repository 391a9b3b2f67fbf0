"""A figure older than its indicator's publication rhythm is "số liệu cũ"; a cumulative series that goes
down is flagged (issue 12: a Q1 figure still drove "9 tháng cuối năm cần ..." in January; exports
9 months 36 → 10 months 33,37 tỷ USD)."""

from dataclasses import replace
from datetime import date

from kehoach.domain.assessment import assess_indicator
from kehoach.domain.assessment.staleness import decreasing_cumulative, is_stale, next_expected

from .helpers import assess, figure, indicator, plan


def test_the_next_figure_is_expected_20_days_after_the_next_period_of_the_rhythm():
    assert next_expected(date(2025, 6, 30), ["month"]) == date(2025, 8, 20)
    assert next_expected(date(2025, 3, 31), ["quarter", "year"]) == date(2025, 7, 20)
    assert next_expected(date(2025, 3, 31), []) is None
    assert not is_stale(date(2025, 6, 30), ["month"], date(2025, 8, 20))
    assert is_stale(date(2025, 6, 30), ["month"], date(2025, 8, 21))


def test_a_quarter_figure_late_in_the_year_is_old():
    revenue = replace(indicator("budget_revenue"), publication=["month"])
    q1 = figure("budget_revenue", "2025-Q1", "47873.44", date(2025, 4, 3))
    a = assess_indicator(revenue, plan().scenarios, plan().targets, [q1], date(2025, 12, 20))

    assert a.stale and a.ytd_period.code == "2025-Q1"
    assert "số liệu cũ: kỳ gần nhất kết thúc ngày 31/03/2025" in a.reason
    fresh = assess_indicator(revenue, plan().scenarios, plan().targets, [q1], date(2025, 4, 20))
    assert not fresh.stale and "số liệu cũ" not in fresh.reason


def test_a_cumulative_series_that_goes_down_is_flagged():
    nine = figure("exports", "2025-9M", "36", date(2025, 10, 6))
    ten = figure("exports", "2025-YTD-10", "33.37", date(2025, 11, 6))

    a = assess("exports", [nine, ten], date(2025, 11, 10))

    assert len(a.warnings) == 1
    assert "lũy kế 10 tháng năm 2025" in a.warnings[0] and "thấp hơn 9 tháng năm 2025" in a.warnings[0]
    assert a.warnings[0] in a.reason
    assert not assess("exports", [nine], date(2025, 11, 10)).warnings


def test_series_of_different_indicators_are_never_set_against_each_other():
    # the check after an import gets the figures of every indicator it touched at once: the budget's
    # Q1 revenue (47.873,44 tỷ đồng) above the FDI attracted in 7 months is no falling series
    revenue = figure("budget_revenue", "2025-Q1", "47873.44", date(2025, 4, 3))
    fdi = figure("fdi", "2025-YTD-07", "3120", date(2025, 8, 6))
    assert decreasing_cumulative([revenue, fdi]) == []
    lower = figure("budget_revenue", "2025-YTD-07", "40000", date(2025, 8, 6))
    assert decreasing_cumulative([revenue, fdi, lower]) == [(revenue, lower)]
