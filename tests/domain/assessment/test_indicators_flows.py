"""Additive flows: summed over months, judged year to date against the cumulative trajectory.

Expected values are computed by hand from Phụ lục II of Kế hoạch 86/KH-UBND (budget revenue:
months 13.896,5 / 15.132,9 / 11.771,8 / 11.934,2 ..., Q1 40.801,2, H1 71.693,1, year 129.519,3).
"""

from datetime import date
from decimal import Decimal as D

from kehoach.domain.assessment import Rating
from kehoach.domain.assessment.indicators import FLOW_PROJECTION, FLOW_REST

from .helpers import assess, figure, pct1, r2

Q1_PUBLISHED = figure("budget_revenue", "2025-Q1", "47873.44", date(2025, 4, 3))


def test_budget_revenue_q1_published_is_117_3_percent_of_the_trajectory_and_rated_dat():
    a = assess("budget_revenue", [Q1_PUBLISHED], date(2025, 4, 30))
    assert a.rating == Rating.DAT and a.label == "Đạt/vượt kịch bản"
    assert a.comparable
    assert a.ytd_period.code == "2025-Q1"
    assert a.ytd_actual == D("47873.44")
    assert a.ytd_scenario == D("40801.2")
    assert pct1(a.ytd_ratio * 100) == D("117.3")  # 47.873,44 / 40.801,2
    assert a.gap == D("7072.24")
    assert r2(a.pct_of_year_target) == D("36.96")  # 47.873,44 / 129.519,3
    assert a.required_rest == D("81645.86")  # 129.519,3 - 47.873,44
    assert a.planned_rest == D("88718.1")  # 129.519,3 - 40.801,2
    assert a.reason == (
        "Lũy kế 3 tháng đạt 47.873 tỷ đồng, bằng 117,3% kịch bản (40.801 tỷ đồng); "
        "9 tháng cuối năm cần 81.646 tỷ đồng, thấp hơn 8,0% so với kịch bản (88.718 tỷ đồng)."
    )


def test_budget_revenue_h1_of_65_210_is_chậm_and_the_rest_must_deliver_11_2_percent_more():
    h1 = figure("budget_revenue", "2025-H1", "65210", date(2025, 7, 5))
    a = assess("budget_revenue", [Q1_PUBLISHED, h1], date(2025, 7, 10))
    assert a.ytd_scenario == D("71693.1")
    assert pct1(a.ytd_ratio * 100) == D("91.0")  # 65.210 / 71.693,1 = 0,9096
    assert a.rating == Rating.CHAM  # 0,85 <= 0,9096 < 0,95
    assert a.required_rest == D("64309.3")  # 129.519,3 - 65.210
    assert a.planned_rest == D("57826.2")  # 129.519,3 - 71.693,1
    assert pct1(a.required_rest_vs_plan * 100) == D("11.2")  # 64.309,3 / 57.826,2 - 1
    assert a.rest_method == FLOW_REST
    # Projection: 65.210 / 71.693,1 x 129.519,3 = 117.807,06: short of the target by 9,0% (< 10%).
    assert r2(a.projection) == D("117807.06")
    assert a.projection_method == FLOW_PROJECTION
    assert a.reason == (
        "Lũy kế 6 tháng đạt 65.210 tỷ đồng, bằng 91,0% kịch bản (71.693 tỷ đồng); "
        "6 tháng cuối năm cần 64.309 tỷ đồng, cao hơn 11,2% so với kịch bản (57.826 tỷ đồng)."
    )


def test_the_year_to_date_is_a_sum_of_months_when_no_cumulative_figure_is_published():
    months = [
        figure("budget_revenue", "2025-01", "14000", date(2025, 2, 5)),
        figure("budget_revenue", "2025-02", "15000", date(2025, 3, 5)),
        figure("budget_revenue", "2025-03", "11500", date(2025, 4, 5)),
    ]
    a = assess("budget_revenue", months, date(2025, 4, 10))
    assert a.ytd_actual == D("40500")  # 14.000 + 15.000 + 11.500
    assert a.ytd_scenario == D("40801.2")
    assert a.rating == Rating.CHAM_NHE  # 40.500 / 40.801,2 = 0,9926
    assert a.period.code == "2025-03"
    assert (a.actual, a.scenario) == (D("11500"), D("11771.8"))


def test_a_month_after_a_quarter_adds_to_it_and_the_trajectory_sums_its_months():
    ytd4 = [Q1_PUBLISHED, figure("budget_revenue", "2025-04", "4000", date(2025, 5, 5))]
    a = assess("budget_revenue", ytd4, date(2025, 5, 10))
    assert a.ytd_period.code == "2025-YTD-04"
    assert a.ytd_actual == D("51873.44")
    assert a.ytd_scenario == D("52735.4")  # 40.801,2 + 11.934,2
    assert a.rating == Rating.CHAM_NHE  # 0,9837


def test_a_published_four_month_cumulative_figure_is_compared_with_four_months_of_trajectory():
    a = assess("budget_revenue", [figure("budget_revenue", "2025-YTD-04", "50000", date(2025, 5, 5))],
               date(2025, 5, 10))
    assert a.ytd_scenario == D("52735.4")
    assert pct1(a.ytd_ratio * 100) == D("94.8")
    assert a.rating == Rating.CHAM  # 0,948 < 0,95; rest 79.519,3 vs 76.783,9 = +3,6%


def test_a_single_month_that_cannot_be_chained_from_january_is_not_compared():
    may = figure("budget_revenue", "2025-05", "9840", date(2025, 6, 5), "hơn")
    a = assess("budget_revenue", [Q1_PUBLISHED, may], date(2025, 6, 10))
    assert a.ytd_period.code == "2025-Q1"  # the latest sound year to date
    assert a.uncompared == ("2025-05",)
    assert a.rating == Rating.DAT


def test_fdi_range_trajectory_is_met_at_its_low_end():
    at_low_end = assess("fdi", [figure("fdi", "2025-Q1", "451", date(2025, 4, 10))], date(2025, 4, 30))
    assert at_low_end.ytd_scenario == D("451")  # Q1 451-479,8
    assert at_low_end.rating == Rating.DAT
    just_below = assess("fdi", [figure("fdi", "2025-Q1", "450", date(2025, 4, 10))], date(2025, 4, 30))
    assert just_below.rating == Rating.CHAM_NHE


def test_fdi_published_q1_hơn_372_is_82_5_percent_and_the_year_is_at_risk():
    a = assess("fdi", [figure("fdi", "2025-Q1", "372", date(2025, 4, 10), "hơn")], date(2025, 4, 30))
    assert pct1(a.ytd_ratio * 100) == D("82.5")  # 372 / 451
    assert a.rating == Rating.NGUY_CO
    assert a.ytd_qualifier == "hơn"
    assert a.reason.startswith("Lũy kế 3 tháng đạt hơn 372 triệu USD, bằng 82,5% kịch bản (451 triệu USD);")


def test_a_cut_off_that_is_not_a_month_end_is_kept_but_not_compared_with_the_monthly_trajectory():
    figures = [
        figure("fdi", "2025-01", "149.94", date(2025, 2, 11)),
        figure("fdi", "2025-Q1", "372", date(2025, 4, 10), "hơn"),
        figure("fdi", "2025-01-01/2025-04-26", "516.98", date(2025, 5, 12)),
    ]
    a = assess("fdi", figures, date(2025, 5, 20))
    assert a.ytd_period.code == "2025-Q1"
    assert a.uncompared == ("2025-01-01/2025-04-26",)
    assert "số liệu từ đầu năm đến ngày 26/4/2025 (516,98 triệu USD) không trùng kỳ kịch bản tháng" in a.reason
    assert a.reason.count("516,98") == 1  # said once, with why it is not compared, not a second time beside
    only_cut_off = assess("fdi", figures[2:], date(2025, 5, 20))
    assert only_cut_off.rating == Rating.KHONG_SO_SANH
    assert not only_cut_off.comparable
    assert "không phải kỳ tròn tháng" in only_cut_off.reason


def test_a_cut_off_ending_on_a_month_end_is_compared():
    a = assess("fdi", [figure("fdi", "2025-01-01/2025-03-31", "460", date(2025, 4, 10))], date(2025, 4, 30))
    assert a.ytd_scenario == D("451")
    assert a.rating == Rating.DAT


def test_tourists_target_above_10_000_is_judged_at_the_bound():
    a = assess("tourists", [figure("tourists", "2025-Q1", "1800", date(2025, 4, 15), "khoảng")], date(2025, 4, 30))
    assert a.annual_target == D("10000")  # "> 10.000"
    # The trajectory's own Q1 value as written (1.857), not the sum of its rounded months (1.856,81).
    assert a.ytd_scenario == D("1857")
    assert a.required_rest == D("8200")  # 10.000 - 1.800
    assert a.rating == Rating.CHAM_NHE  # 1.800 / 1.857 = 0,969
    assert a.reason.startswith("Lũy kế 3 tháng đạt khoảng 1.800 nghìn lượt, bằng 96,9% kịch bản")


def test_investment_has_only_quarterly_trajectory_so_a_four_month_figure_waits_for_its_quarter():
    ytd4 = figure("investment", "2025-YTD-04", "60000", date(2025, 5, 10))
    a = assess("investment", [ytd4], date(2025, 5, 20))
    assert a.rating == Rating.KHONG_SO_SANH
    assert "không trùng kỳ với kịch bản" in a.reason
    q1 = figure("investment", "2025-Q1", "45390.7", date(2025, 4, 3), "ước")
    b = assess("investment", [q1, ytd4], date(2025, 5, 20))
    assert b.ytd_scenario == D("43959")
    assert b.rating == Rating.DAT  # 45.390,7 / 43.959 = 1,033
    assert b.uncompared == ("2025-YTD-04",)
    assert b.reason.startswith("Lũy kế 3 tháng ước đạt 45.391 tỷ đồng, bằng 103,3% kịch bản")


def test_a_worse_year_to_date_late_in_the_year_puts_the_target_at_risk():
    # 9 months: scenario 100.538,7. At 96% the ratio alone is chậm nhẹ, but the last quarter
    # must deliver 129.519,3 - 96.517,15 = 33.002,15 vs 28.980,6 planned: +13,9% (< 20%),
    # projection 124.338,5, 4,0% short (< 10%): still chậm nhẹ. At 92%: the rest needs
    # 129.519,3 - 92.495,6 = 37.023,7 vs 28.980,6, +27,8% (> 20%) -> nguy cơ.
    nine = figure("budget_revenue", "2025-9M", str(D("100538.7") * D("0.96")), date(2025, 10, 5))
    assert assess("budget_revenue", [nine], date(2025, 10, 10)).rating == Rating.CHAM_NHE
    worse = figure("budget_revenue", "2025-9M", str(D("100538.7") * D("0.92")), date(2025, 10, 5))
    a = assess("budget_revenue", [worse], date(2025, 10, 10))
    assert a.rating == Rating.NGUY_CO
    assert pct1(a.required_rest_vs_plan * 100) == D("27.8")


def test_the_whole_year_is_compared_with_the_annual_target():
    a = assess("budget_revenue", [figure("budget_revenue", "2025", "130000", date(2026, 1, 20))],
               date(2026, 1, 31))
    assert a.rating == Rating.DAT
    assert a.required_rest is None
    assert a.projection == D("130000")
    assert a.reason == (
        "Năm 2025: Đạt kế hoạch năm (bằng 100,4% chỉ tiêu phấn đấu (129.519 tỷ đồng); bằng 100,4% kịch bản "
        "(129.519 tỷ đồng)). Cả năm đạt 130.000 tỷ đồng, bằng 100,4% kịch bản (129.519 tỷ đồng); bằng 100,4% "
        "chỉ tiêu năm (129.519 tỷ đồng)."
    )
