"""The rating and the reason's text always agree, and a gap smaller than a figure's own precision is not a gap.

Issue 12: FDI "bằng 100,0% kịch bản ... cao hơn 0,0%" was rated "Chậm nhẹ"; a figure "khoảng 1,8 triệu"
tourists was rated behind a 1.857 thousand trajectory by 3%, less than the figure's own rounding.
"""

from datetime import date
from decimal import Decimal as D

from kehoach.domain.assessment import ActualFigure, FigurePeriod, Rating
from kehoach.domain.assessment.precision import interval
from kehoach.domain.entities import Comparator, Value

from .helpers import OLD_CITY, assess


def printed(key, period, text, number, qualifier, published) -> ActualFigure:
    """A figure as published ("1,8" triệu lượt) stored in the indicator's unit (1.800 nghìn lượt)."""
    n = D(number)
    return ActualFigure(indicator=key, period=FigurePeriod.parse(period), scope=OLD_CITY, published=published,
                  value=Value(text=text, comparator=Comparator.EQ, low=n, high=n), qualifier=qualifier)


def test_a_ratio_printed_as_100_0_percent_is_rated_on_the_trajectory():
    # 1.384,95 / 1.385 (the low end of the H1 range) = 99,996%: printed "100,0%", so rated đạt.
    a = assess("fdi", [printed("fdi", "2025-H1", "1.384,95", "1384.95", "", date(2025, 7, 10))], date(2025, 7, 20))

    assert "bằng 100,0% kịch bản" in a.reason
    assert a.rating == Rating.DAT


def test_a_ratio_printed_below_100_percent_is_behind():
    a = assess("fdi", [printed("fdi", "2025-H1", "1.370", "1370", "", date(2025, 7, 10))], date(2025, 7, 20))

    assert "bằng 98,9% kịch bản" in a.reason
    assert a.rating == Rating.CHAM_NHE


def test_about_1_8_million_tourists_is_not_behind_a_1857_thousand_trajectory():
    # "khoảng 1,8" triệu lượt: one unit of the last digit either way, 1,7-1,9 triệu; 1.857 nghìn is inside.
    a = assess("tourists", [printed("tourists", "2025-Q1", "1,8", "1800", "khoảng", date(2025, 4, 5))],
               date(2025, 4, 20))

    assert a.ytd_actual == D(1800) and a.ytd_scenario == D(1857)
    assert a.rating == Rating.DAT
    assert "độ chính xác của số liệu" in a.reason


def test_an_exact_1_8_million_is_behind_the_same_trajectory():
    # Printed to the thousand (1.800 nghìn): the 3% gap is real.
    a = assess("tourists", [printed("tourists", "2025-Q1", "1.800", "1800", "", date(2025, 4, 5))],
               date(2025, 4, 20))

    assert a.rating == Rating.CHAM_NHE
    assert "độ chính xác" not in a.reason


def test_a_growth_gap_printed_as_0_00_points_is_on_the_trajectory():
    # Q1 GRDP ước 11,876% against 11,88%: 0,004 points short, printed "bằng", rated đạt.
    a = assess("grdp", [printed("grdp", "2025-Q1", "11,876", "11.876", "ước", date(2025, 4, 10))],
               date(2025, 4, 20))

    assert "bằng kịch bản" in a.reason
    assert a.rating == Rating.DAT


def test_qualifiers_give_the_interval_the_true_value_lies_in():
    v = Value(text="1,8", comparator=Comparator.EQ, low=D(1800), high=D(1800))
    assert interval(v, D(1800), "") == (D(1750), D(1850))
    assert interval(v, D(1800), "khoảng") == (D(1700), D(1900))
    assert interval(v, D(1800), "hơn") == (D(1800), D(1900))
    assert interval(v, D(1800), "gần") == (D(1700), D(1800))
    growth = Value(text="15,06", comparator=Comparator.EQ, low=D("115.06"), high=D("115.06"))
    assert interval(growth, D("115.06"), "", additive=True) == (D("115.055"), D("115.065"))
