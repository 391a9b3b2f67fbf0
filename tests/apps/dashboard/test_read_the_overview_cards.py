"""Tổng quan's cards don't contradict themselves: the unit written once and right, an index as an
index and a growth rate as growth, a chart with axes and a text alternative; what needs action first."""

from __future__ import annotations

import re

import pytest

from tests.apps.dashboard.test_view_overview import tile

pytestmark = pytest.mark.django_db


@pytest.fixture
def overview(people, login) -> str:
    return login(people["leader"]).get("/?as_of=2025-08-06").content.decode()


def test_a_unit_in_thousands_is_said_in_words_once(overview):
    _rating, body = tile(overview, "tourists")
    assert "nghìn lượt" in body and "1.000 lượt" not in body


def test_an_index_is_an_index_and_growth_is_growth(overview):
    _rating, iip = tile(overview, "iip")
    assert "(cùng kỳ = 100)" in iip and not re.search(r"115,01\s*(<[^>]+>\s*)*%", iip)
    _rating, grdp = tile(overview, "grdp")
    assert "tăng so với cùng kỳ" in grdp


def test_each_trend_chart_has_axes_and_says_its_latest_figures(overview):
    _rating, grdp = tile(overview, "grdp")
    title = re.search(r"<svg[^>]*>\s*<title>(.*?)</title>", grdp, re.S).group(1)
    assert "thực hiện 11,04" in title and "kịch bản 12,13" in title
    assert 'id="xtick_1"' in grdp and 'id="ytick_1"' in grdp
    assert 'class="legend' in overview


def test_what_needs_action_comes_first_and_the_rest_is_folded(overview):
    main = overview.split("<main", 1)[1]
    assert main.index('id="h-attention"') < main.index('id="overdue"') < main.index('data-indicator="grdp"')
    folded = main[main.index('<details class="fold">'):]
    assert 'data-indicator="exports"' in folded  # rated Đạt: folded
    assert 'data-indicator="grdp"' not in folded  # rated Chậm: needs action


def test_the_card_rates_the_comparable_figure_and_shows_the_newer_one_on_its_own_line(overview):
    rating, revenue = tile(overview, "budget_revenue")
    assert rating == "dat"  # the old city's comparable 6-month figure rates
    beside = re.search(r'<ul class="small beside">(.*?)</ul>', revenue, re.S).group(1)
    assert re.search(r"<li>Số liệu mới hơn: lũy kế 7 tháng năm 2025 của Hải Phòng \(từ 01/07/2025\): 112\.748 tỷ đồng "
                     r"\(không so sánh được với kế hoạch vì chưa có kế hoạch của phạm vi Hải Phòng \(từ 01/07/2025\)\)</li>", beside)
