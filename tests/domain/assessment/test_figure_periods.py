"""Figure periods: every code the published figures use, with its days and its nature."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment import FigurePeriod, FigureStatus
from kehoach.domain.assessment.indicators import usable_figures
from kehoach.domain.assessment.model import number_of
from kehoach.domain.entities import Comparator, Direction, Value
from kehoach.domain.periods import Period, last_day

from .helpers import MERGED_CITY, OLD_CITY, figure

CODES = [
    # code, start, end, calendar, cumulative, month-aligned, label
    ("2025-01", date(2025, 1, 1), date(2025, 1, 31), True, True, True, "Tháng 1/2025"),
    ("2025-03", date(2025, 3, 1), date(2025, 3, 31), True, False, True, "Tháng 3/2025"),
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), True, True, True, "Quý I/2025"),
    ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30), True, False, True, "Quý II/2025"),
    ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), True, True, True, "6 tháng đầu năm 2025"),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), True, False, True, "6 tháng cuối năm 2025"),
    ("2025-9M", date(2025, 1, 1), date(2025, 9, 30), True, True, True, "9 tháng năm 2025"),
    ("2025", date(2025, 1, 1), date(2025, 12, 31), True, True, True, "Năm 2025"),
    ("2025-YTD-04", date(2025, 1, 1), date(2025, 4, 30), False, True, True, "Lũy kế 4 tháng năm 2025"),
    ("2025-YTD-06", date(2025, 1, 1), date(2025, 6, 30), False, True, True, "6 tháng đầu năm 2025"),
    ("2025-01-01/2025-04-26", date(2025, 1, 1), date(2025, 4, 26), False, True, False,
     "Từ đầu năm đến ngày 26/4/2025"),
    ("2025-02-01/2025-03-31", date(2025, 2, 1), date(2025, 3, 31), False, False, True,
     "Từ tháng 2 đến tháng 3/2025"),
]


@pytest.mark.parametrize(("code", "start", "end", "calendar", "cumulative", "aligned", "label"), CODES)
def test_every_published_code_is_read_with_its_days(code, start, end, calendar, cumulative, aligned, label):
    fp = FigurePeriod.parse(code)
    assert (fp.code, fp.start, fp.end) == (code, start, end)
    assert fp.is_calendar is calendar
    assert fp.is_cumulative is cumulative
    assert fp.month_aligned is aligned
    assert fp.label_vi == label


def test_a_cut_off_that_is_not_a_month_end_is_kept_as_published():
    fp = FigurePeriod.parse("2025-01-01/2025-04-26")
    assert not fp.ends_on_month_end
    assert fp.months == ()
    assert fp.equivalent_period is None


def test_year_to_date_codes_that_match_a_calendar_period_say_which():
    assert FigurePeriod.parse("2025-YTD-03").equivalent_period == Period.parse("2025-Q1")
    assert FigurePeriod.parse("2025-YTD-06").equivalent_period == Period.parse("2025-H1")
    assert FigurePeriod.parse("2025-YTD-09").equivalent_period == Period.parse("2025-9M")
    assert FigurePeriod.parse("2025-YTD-12").equivalent_period == Period.parse("2025")
    assert FigurePeriod.parse("2025-YTD-04").equivalent_period is None
    assert FigurePeriod.parse("2025-01-01/2025-06-30").equivalent_period == Period.parse("2025-H1")


def test_ytd_to_gives_the_calendar_code_when_there_is_one():
    assert FigurePeriod.ytd_to(2025, 6).code == "2025-H1"
    assert FigurePeriod.ytd_to(2025, 1).code == "2025-01"
    assert FigurePeriod.ytd_to(2025, 7).code == "2025-YTD-07"


@pytest.mark.parametrize(
    "code", ["2025-13", "2025-YTD-00", "2025-YTD-13", "2025-04-26/2025-01-01", "2025-02-30/2025-03-01", "Q1", ""]
)
def test_codes_that_mean_nothing_are_refused(code):
    with pytest.raises(ValueError):
        FigurePeriod.parse(code)


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_year_to_date_runs_from_1_january_to_the_month_end(year, month):
    fp = FigurePeriod.parse(f"{year}-YTD-{month:02d}")
    assert fp.start == date(year, 1, 1)
    assert fp.end == last_day(year, month)
    assert fp.is_cumulative and fp.month_aligned
    assert fp.months == tuple(range(1, month + 1))


@given(st.sampled_from(["month", "quarter", "h1", "h2", "9m", "year"]), st.integers(2000, 2100), st.integers(1, 12))
def test_calendar_codes_have_the_days_of_their_period(kind, year, index):
    period = Period(year, kind, index if kind == "month" else (index - 1) // 3 + 1 if kind == "quarter" else None)
    fp = FigurePeriod.parse(period.code)
    assert (fp.start, fp.end) == (period.start, period.end)
    assert fp.period == period and fp.equivalent_period == period
    assert fp.months == period.months
    assert fp.is_cumulative == (period.start.month == 1)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(0, 400))
def test_a_span_reads_back_its_own_code(start, days):
    end = date.fromordinal(min(start.toordinal() + days, date(2100, 12, 31).toordinal()))
    fp = FigurePeriod.parse(f"{start.isoformat()}/{end.isoformat()}")
    assert (fp.start, fp.end) == (start, end)
    assert FigurePeriod.parse(fp.code) == fp


def test_a_plan_value_stands_for_one_number():
    rng = Value(text="451-479,8", comparator=Comparator.RANGE, low=Decimal("451"), high=Decimal("479.8"))
    assert number_of(rng) == Decimal("451")  # a range target is met at its low end
    assert number_of(rng, Direction.LOWER) == Decimal("479.8")
    assert number_of(Value(text="< 3,5", comparator=Comparator.LT, high=Decimal("3.5"))) == Decimal("3.5")
    assert number_of(Value(text="> 10.000", comparator=Comparator.GT, low=Decimal("10000"))) == Decimal("10000")
    assert number_of(Value(text="Hoàn thành", comparator=Comparator.TEXT)) is None


def test_only_approved_figures_published_by_the_date_count_and_the_latest_version_wins():
    estimate = figure("grdp", "2025-Q1", "11.07", date(2025, 4, 10), "ước", version=1)
    official = figure("grdp", "2025-Q1", "11.2", date(2025, 5, 20), version=2)
    draft = figure("grdp", "2025-Q1", "9.9", date(2025, 5, 1), version=3, status=FigureStatus.DRAFT)
    merged = figure("grdp", "2025-Q1", "11.5", date(2025, 4, 10), scope=MERGED_CITY)
    figures = [estimate, official, draft, merged]
    assert usable_figures(figures, "grdp", date(2025, 4, 9)) == []
    assert usable_figures(figures, "grdp", date(2025, 5, 1)) == [estimate, merged]
    assert usable_figures(figures, "grdp", date(2025, 6, 1)) == [official, merged]
    assert OLD_CITY != MERGED_CITY
