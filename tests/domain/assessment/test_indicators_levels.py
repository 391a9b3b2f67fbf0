"""Levels and ratios, judged at the period's end; lower-is-better reverses the comparison.

Trajectory (Kế hoạch 86/KH-UBND): unemployment Q1 < 3,5, Q2 3,68, Q3 3,59, Q4 3,5, year < 3,5
(lower is better); trained labour Q1 87,23, Q2 87,5, Q3 87,88, year 88.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from kehoach.domain.assessment import Rating
from kehoach.domain.assessment.indicators import LEVEL_PROJECTION

from .helpers import assess, figure, r2


def test_unemployment_q2_3_9_is_above_the_3_68_trajectory_and_lower_is_better():
    a = assess("unemployment", [figure("unemployment", "2025-Q2", "3.9", date(2025, 7, 15))], date(2025, 7, 20))
    assert a.scenario == D("3.68")
    assert a.gap == D("0.22")  # above the trajectory: worse, since lower is better
    assert a.rating == Rating.CHAM_NHE  # 0,22 points worse (<= 0,5); 0,4 from the target (<= 1,0)
    assert a.annual_target == D("3.5")
    assert a.projection == D("3.9") and a.projection_method == LEVEL_PROJECTION
    assert a.reason == (
        "Quý II/2025 đạt 3,9%, cao hơn kịch bản (3,68%) 0,22 điểm % (chỉ tiêu càng thấp càng tốt); "
        "chỉ tiêu năm < 3,5%."
    )


@pytest.mark.parametrize(
    ("actual", "rating"),
    [
        ("3.2", Rating.DAT),  # below the trajectory: better
        ("3.68", Rating.DAT),
        ("4.18", Rating.CHAM_NHE),  # 0,50 worse
        ("4.5", Rating.CHAM),  # 0,82 worse; 1,0 from the target: not more than the margin
        ("4.6", Rating.NGUY_CO),  # 0,92 worse but 1,1 from the target < 3,5
        ("5.3", Rating.NGUY_CO),
    ],
)
def test_unemployment_lower_is_better_reverses_every_band(actual, rating):
    a = assess("unemployment", [figure("unemployment", "2025-Q2", actual, date(2025, 7, 15))], date(2025, 7, 20))
    assert a.rating == rating


def test_unemployment_q1_bound_below_3_5_is_judged_at_its_number():
    at = assess("unemployment", [figure("unemployment", "2025-Q1", "3.4", date(2025, 4, 15))], date(2025, 4, 20))
    assert at.scenario == D("3.5")
    assert at.rating == Rating.DAT


def test_trained_labour_is_judged_at_the_periods_end_with_any_period_ending_that_day():
    a = assess("trained_labour", [figure("trained_labour", "2025-06", "87.1", date(2025, 7, 15))], date(2025, 7, 20))
    assert a.scenario == D("87.5")  # the Q2 value: June ends with the quarter
    assert a.gap == D("-0.4")
    assert a.rating == Rating.CHAM_NHE
    assert r2(a.pct_of_year_target) == D("98.98")  # 87,1 / 88


def test_a_level_with_no_trajectory_for_its_day_is_judged_against_the_annual_target():
    a = assess("trained_labour", [figure("trained_labour", "2025-05", "88.2", date(2025, 6, 15))], date(2025, 6, 20))
    assert a.scenario is None
    assert a.rating == Rating.DAT
    assert "chỉ tiêu năm (88%)" in a.reason


def test_the_latest_level_counts_not_a_sum():
    figures = [
        figure("trained_labour", "2025-Q1", "80", date(2025, 4, 15)),
        figure("trained_labour", "2025-Q2", "87.6", date(2025, 7, 15)),
    ]
    a = assess("trained_labour", figures, date(2025, 7, 20))
    assert a.actual == D("87.6")
    assert a.rating == Rating.DAT
