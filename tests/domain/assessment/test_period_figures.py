"""Periods as reports use them (issue 12 point 6): the single quarter or month next to the cumulative
figure where published, the same period of the year before, and never a single month for a cumulative."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment.model import FigurePeriod
from kehoach.domain.assessment.period_figures import (
    is_cumulative_to,
    is_single,
    period_figures,
    year_earlier,
    year_on_year,
)
from kehoach.domain.entities import MeasureKind

from .helpers import MERGED_CITY, OLD_CITY, figure

NOV_30 = date(2025, 11, 30)


def test_the_month_and_the_cumulative_side_by_side_with_last_year():
    figures = [
        figure("budget_revenue", "2025-YTD-11", "150000", date(2025, 12, 5), scope=MERGED_CITY),
        figure("budget_revenue", "2025-11", "12000", date(2025, 12, 5), scope=MERGED_CITY),
        figure("budget_revenue", "2024-YTD-11", "120000", date(2024, 12, 5), scope=MERGED_CITY),
    ]
    view = period_figures(figures, NOV_30, MERGED_CITY, MeasureKind.FLOW)

    assert view.cumulative.period.code == "2025-YTD-11" and view.single.period.code == "2025-11"
    assert view.last_year.period.code == "2024-YTD-11" and view.year_on_year == Decimal(25)


def test_a_single_month_is_never_taken_for_the_cumulative():
    september = [figure("iip", "2025-09", "118.64", date(2025, 10, 6), scope=MERGED_CITY)]
    view = period_figures(september, date(2025, 9, 30), MERGED_CITY, MeasureKind.INDEX)

    assert view.cumulative is None and view.single.period.code == "2025-09"
    assert period_figures(september, NOV_30, MERGED_CITY, MeasureKind.INDEX).single is None


def test_the_quarter_report_is_about_the_quarter():
    figures = [figure("exports", "2025-9M", "36", date(2025, 10, 6)), figure("exports", "2025-Q3", "18.4", date(2025, 10, 6)),
               figure("exports", "2025-09", "6.2", date(2025, 10, 6))]
    view = period_figures(figures, date(2025, 9, 30), OLD_CITY, MeasureKind.FLOW)

    assert view.single.period.code == "2025-Q3"


def test_a_growth_rate_has_no_year_on_year_of_its_own_and_other_scopes_do_not_count():
    figures = [figure("grdp", "2025-H1", "11.04", date(2025, 7, 5)), figure("grdp", "2024-H1", "10.2", date(2024, 7, 5)),
               figure("grdp", "2025-H1", "11.2", date(2025, 7, 24), scope=MERGED_CITY)]
    view = period_figures(figures, date(2025, 6, 30), OLD_CITY, MeasureKind.GROWTH)

    assert view.cumulative.value.text == "11.04" and view.last_year is not None and view.year_on_year is None


periods = st.builds(
    lambda year, first, length: FigurePeriod.parse(
        f"{year}-{first:02d}" if length == 1 else f"{year}-Q{(first - 1) // 3 + 1}" if length == 3 else
        f"{year}-YTD-{first:02d}"),
    st.integers(min_value=2020, max_value=2030), st.integers(min_value=1, max_value=12), st.sampled_from([1, 3, 0]))


@given(periods)
def test_a_period_is_single_or_cumulative_to_its_end_and_january_is_both(period):
    single, cumulative = is_single(period), is_cumulative_to(period, period.end)
    assert single or cumulative
    assert (single and cumulative) == (period.start.month == 1 and len(period.months) in (1, 3))


@given(periods)
def test_a_year_earlier_is_the_same_span(period):
    start, end = year_earlier(period)
    assert (start.year, end.year) == (period.year - 1, period.year - 1)
    assert (start.month, end.month) == (period.start.month, period.end.month)


@given(st.decimals(min_value=1, max_value=10**6, places=2), st.decimals(min_value=1, max_value=10**6, places=2))
def test_year_on_year_gives_back_the_current_figure(current, previous):
    change = year_on_year(current, previous)
    assert abs(previous * (1 + change / 100) - current) < Decimal("0.0001")
