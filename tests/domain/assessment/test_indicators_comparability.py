"""Only like with like: same scope, a period the trajectory has, approved figures by the date."""

from datetime import date

from kehoach.domain.assessment import FigureStatus, Rating

from .helpers import MERGED_CITY, OLD_CITY, assess, figure


def test_a_merged_city_figure_is_not_compared_with_the_old_citys_trajectory():
    merged = figure("budget_revenue", "2025-YTD-07", "112748", date(2025, 8, 6), scope=MERGED_CITY)
    a = assess("budget_revenue", [merged], date(2025, 8, 10))
    assert a.rating == Rating.KHONG_SO_SANH and a.label == "Không so sánh được"
    assert not a.comparable
    assert (a.scope, a.figure_scope) == (OLD_CITY, MERGED_CITY)
    assert a.reason == (
        "Số liệu lũy kế 7 tháng năm 2025 (112.748 tỷ đồng) thuộc phạm vi Hải Phòng (từ 01/07/2025), khác phạm vi "
        "của "
        "kịch bản và chỉ tiêu (Hải Phòng (trước 01/07/2025)) nên không so sánh; chưa có kịch bản hoặc chỉ tiêu "
        "năm của phạm vi Hải Phòng (từ 01/07/2025) có hiệu lực đến ngày 10/08/2025."
    )


def test_a_newer_merged_city_figure_is_shown_beside_the_comparable_one_never_instead():
    # Issue 12: on 06/08 the merged 7-month figure arrived and the indicator went blank.
    old_h1 = figure("budget_revenue", "2025-H1", "65210", date(2025, 7, 5))
    merged_july = figure("budget_revenue", "2025-YTD-07", "112748", date(2025, 8, 6), scope=MERGED_CITY)
    before = assess("budget_revenue", [old_h1, merged_july], date(2025, 8, 1))
    after = assess("budget_revenue", [old_h1, merged_july], date(2025, 8, 10))

    assert before.rating == after.rating == Rating.CHAM
    assert after.comparable and after.ytd_period.code == "2025-H1" and after.scope == OLD_CITY
    assert after.beside == (
        "số liệu mới hơn: lũy kế 7 tháng năm 2025 của Hải Phòng (từ 01/07/2025): 112.748 tỷ đồng (không so sánh được "
        "với kế hoạch vì chưa có kế hoạch của phạm vi Hải Phòng (từ 01/07/2025))",
    )
    assert after.reason.endswith(after.beside[0] + ".")


def test_merged_city_grdp_names_both_scopes():
    a = assess("grdp", [figure("grdp", "2025-H1", "11.2", date(2025, 7, 11), "ước", scope=MERGED_CITY)],
               date(2025, 7, 20))
    assert a.rating == Rating.KHONG_SO_SANH
    assert MERGED_CITY in a.reason and OLD_CITY in a.reason
    assert "ước 11,2%" in a.reason  # the qualifier is kept


def test_no_approved_figure_yet():
    draft = figure("jobs", "2025-Q1", "15000", date(2025, 4, 5), status=FigureStatus.SUBMITTED)
    a = assess("jobs", [draft], date(2025, 4, 10))
    assert a.rating == Rating.CHUA_CO_SO_LIEU and a.label == "Chưa có số liệu"
    assert a.reason == "Chưa có số liệu năm 2025 được duyệt đến ngày 10/04/2025."


def test_a_figure_published_after_the_as_of_date_does_not_count():
    q1 = figure("jobs", "2025-Q1", "15000", date(2025, 4, 5))
    assert assess("jobs", [q1], date(2025, 4, 4)).rating == Rating.CHUA_CO_SO_LIEU
    a = assess("jobs", [q1], date(2025, 4, 5))
    assert a.rating == Rating.DAT  # 15.000 / 14.450


def test_figures_of_other_indicators_are_ignored():
    a = assess("jobs", [figure("exports", "2025-Q1", "8.58", date(2025, 4, 5), "hơn")], date(2025, 4, 10))
    assert a.rating == Rating.CHUA_CO_SO_LIEU
