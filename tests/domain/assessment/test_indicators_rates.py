"""Growth rates (GRDP, %) and indices (IIP, previous year = 100): compared period with period, never summed.

Trajectory (Kế hoạch 86/KH-UBND): GRDP Q1 11,88, Q2 12,36, 6 tháng 12,13, 9 tháng 12,47, year
12,5; IIP Q1 115,5, April 117,0, 6 tháng 116,2, year 117.
"""

from datetime import date
from decimal import Decimal as D

from kehoach.domain.assessment import Rating
from kehoach.domain.assessment.indicators import GROWTH_PROJECTION, GROWTH_REST

from .helpers import MERGED_CITY, assess, figure, r2


def test_grdp_h1_11_04_is_1_09_points_below_the_six_month_trajectory():
    h1 = figure("grdp", "2025-H1", "11.04", date(2025, 7, 11), "ước")
    a = assess("grdp", [h1], date(2025, 7, 20))
    assert (a.ytd_actual, a.ytd_scenario) == (D("11.04"), D("12.13"))
    assert a.gap == D("-1.09")
    assert a.rating == Rating.CHAM  # -1,5 <= -1,09 < -0,5
    # Equal-weight approximation, w = 6/12: the second half needs 2 x 12,5 - 11,04 = 13,96%,
    # the trajectory planned 2 x 12,5 - 12,13 = 12,87%.
    assert a.required_rest == D("13.96")
    assert a.planned_rest == D("12.87")
    assert a.required_rest_vs_plan == D("1.09")
    assert a.rest_method == GROWTH_REST
    # Projection: 0,5 x 11,04 + 0,5 x 12,87 = 11,955 (0,545 points short: < 1,0).
    assert a.projection == D("11.955")
    assert a.projection_method == GROWTH_PROJECTION
    assert a.pct_of_year_target is None  # a growth rate is never a share of the target
    assert a.reason == (
        "6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản (12,13%); "
        "6 tháng cuối năm cần tăng 13,96%, cao hơn kịch bản 1,09 điểm %."
    )


def test_grdp_q1_is_compared_with_q1_and_not_with_the_year():
    q1 = figure("grdp", "2025-Q1", "11.07", date(2025, 4, 10), "ước")
    a = assess("grdp", [q1], date(2025, 4, 30))
    assert a.ytd_scenario == D("11.88")
    assert a.gap == D("-0.81")
    assert a.rating == Rating.CHAM
    # w = 3/12: (12,5 - 0,25 x 11,07) / 0,75 = 12,98; planned (12,5 - 0,25 x 11,88) / 0,75 = 12,71.
    assert r2(a.required_rest) == D("12.98")
    assert r2(a.planned_rest) == D("12.71")
    assert r2(a.required_rest_vs_plan) == D("0.27")


def test_growth_rates_are_never_summed_the_latest_cumulative_figure_is_used():
    q1 = figure("grdp", "2025-Q1", "13", date(2025, 4, 10))
    h1 = figure("grdp", "2025-H1", "12.13", date(2025, 7, 11))
    a = assess("grdp", [q1, h1], date(2025, 7, 20))
    assert a.ytd_actual == D("12.13")  # not 13 + 12,13
    assert a.rating == Rating.DAT


def test_a_growth_at_the_trajectory_is_dat_and_half_a_point_below_is_cham_nhe():
    def rating(x):
        return assess("grdp", [figure("grdp", "2025-H1", x, date(2025, 7, 11))], date(2025, 7, 20)).rating

    assert rating("12.13") == Rating.DAT
    assert rating("11.63") == Rating.CHAM_NHE  # -0,50
    assert rating("11.62") == Rating.CHAM  # -0,51
    assert rating("10.63") == Rating.CHAM  # -1,50
    assert rating("10.62") == Rating.NGUY_CO  # -1,51


def test_at_nine_months_a_gap_of_one_point_puts_the_year_at_risk():
    # w = 9/12: the last quarter needs (12,5 - 0,75 x 11,47) / 0,25 = 15,59%, planned
    # (12,5 - 0,75 x 12,47) / 0,25 = 12,59%: 3 points more than planned (> 1,5).
    a = assess("grdp", [figure("grdp", "2025-9M", "11.47", date(2025, 10, 10))], date(2025, 10, 20))
    assert a.gap == D("-1.00")
    assert r2(a.required_rest) == D("15.59")
    assert r2(a.planned_rest) == D("12.59")
    assert a.rating == Rating.NGUY_CO


def test_iip_index_q1_115_06_is_0_44_points_below_115_5_and_april_is_reported_alongside():
    figures = [
        figure("iip", "2025-01", "115.16", date(2025, 2, 11)),
        figure("iip", "2025-Q1", "115.06", date(2025, 4, 10)),
        figure("iip", "2025-04", "115.82", date(2025, 5, 10)),
        figure("iip", "2025-YTD-04", "115.16", date(2025, 5, 10)),
    ]
    a = assess("iip", figures, date(2025, 5, 20))
    assert a.ytd_period.code == "2025-Q1"
    assert a.gap == D("-0.44")
    assert a.rating == Rating.CHAM_NHE
    assert (a.period.code, a.actual, a.scenario) == ("2025-04", D("115.82"), D("117.0"))
    assert a.uncompared == ("2025-YTD-04",)  # no four-month index in the trajectory
    assert a.reason.startswith(
        "Chỉ số quý I/2025 đạt 115,06 (cùng kỳ = 100), thấp hơn 0,44 điểm so với kịch bản (115,5); "
        "chỉ số tháng 4/2025 đạt 115,82 (cùng kỳ = 100), thấp hơn 1,18 điểm so với kịch bản (117);"
    )


def test_an_index_figure_with_no_trajectory_for_its_period_is_not_compared():
    a = assess("iip", [figure("iip", "2025-YTD-04", "115.16", date(2025, 5, 10))], date(2025, 5, 20))
    assert a.rating == Rating.KHONG_SO_SANH
    assert "không trùng kỳ với kịch bản" in a.reason


def test_grdp_published_for_both_cities_uses_the_old_citys_figure():
    old = figure("grdp", "2025-H1", "11.04", date(2025, 7, 11), "ước")
    merged = figure("grdp", "2025-H1", "11.2", date(2025, 7, 11), "ước", scope=MERGED_CITY)
    a = assess("grdp", [old, merged], date(2025, 7, 20))
    assert a.ytd_actual == D("11.04")
    assert a.rating == Rating.CHAM


def test_an_official_figure_replaces_the_estimate_from_the_day_it_is_approved():
    estimate = figure("grdp", "2025-H1", "11.04", date(2025, 7, 11), "ước", version=1)
    official = figure("grdp", "2025-H1", "11.7", date(2025, 8, 20), version=2)
    assert assess("grdp", [estimate, official], date(2025, 8, 1)).rating == Rating.CHAM
    later = assess("grdp", [estimate, official], date(2025, 8, 21))
    assert later.ytd_actual == D("11.7")
    assert later.rating == Rating.CHAM_NHE  # -0,43
