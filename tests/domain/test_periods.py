"""Periods of a year: codes, months, bounds, parts, labels; Roman numerals."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.periods import KINDS, Period, from_roman, last_day, roman, ytd

# --------------------------------------------------------------------------------------------
# The table of kinds

PERIODS = [
    # code, kind, index, months, start, end, label_vi, cumulative
    ("2025-01", "month", 1, (1,), date(2025, 1, 1), date(2025, 1, 31), "Tháng 1/2025", False),
    ("2024-02", "month", 2, (2,), date(2024, 2, 1), date(2024, 2, 29), "Tháng 2/2024", False),
    ("2025-12", "month", 12, (12,), date(2025, 12, 1), date(2025, 12, 31), "Tháng 12/2025", False),
    ("2025-Q1", "quarter", 1, (1, 2, 3), date(2025, 1, 1), date(2025, 3, 31), "Quý I/2025", False),
    ("2025-Q2", "quarter", 2, (4, 5, 6), date(2025, 4, 1), date(2025, 6, 30), "Quý II/2025", False),
    ("2025-Q3", "quarter", 3, (7, 8, 9), date(2025, 7, 1), date(2025, 9, 30), "Quý III/2025", False),
    ("2025-Q4", "quarter", 4, (10, 11, 12), date(2025, 10, 1), date(2025, 12, 31), "Quý IV/2025", False),
    ("2025-H1", "h1", 1, (1, 2, 3, 4, 5, 6), date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025", True),
    (
        "2025-H2",
        "h2",
        2,
        (7, 8, 9, 10, 11, 12),
        date(2025, 7, 1),
        date(2025, 12, 31),
        "6 tháng cuối năm 2025",
        False,
    ),
    ("2025-9M", "9m", 1, tuple(range(1, 10)), date(2025, 1, 1), date(2025, 9, 30), "9 tháng năm 2025", True),
    ("2025", "year", 1, tuple(range(1, 13)), date(2025, 1, 1), date(2025, 12, 31), "Năm 2025", True),
]


@pytest.mark.parametrize(("code", "kind", "index", "months", "start", "end", "label", "cumulative"), PERIODS)
def test_each_kind_of_period_has_a_code_months_bounds_and_a_label(
    code, kind, index, months, start, end, label, cumulative
):
    period = Period.parse(code)
    assert period == Period(int(code[:4]), kind, index)
    assert str(period) == code == period.code
    assert period.months == months
    assert period.start == start
    assert period.end == end
    assert period.label_vi == label
    assert period.is_cumulative is cumulative


def test_constructors_name_each_kind():
    assert Period.of_month(2025, 3) == Period(2025, "month", 3)
    assert Period.of_quarter(2025, 2) == Period(2025, "quarter", 2)
    assert Period.first_half(2025) == Period(2025, "h1") == Period(2025, "h1", 1)
    assert Period.second_half(2025) == Period(2025, "h2") == Period(2025, "h2", 2)
    assert Period.nine_months(2025) == Period(2025, "9m")
    assert Period.of_year(2025) == Period(2025, "year")


def test_parse_accepts_letters_in_any_case_and_surrounding_spaces():
    assert Period.parse(" 2025-q1 ") == Period.of_quarter(2025, 1)
    assert Period.parse("2025-h1") == Period.first_half(2025)
    assert Period.parse("2025-9m") == Period.nine_months(2025)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "abc",
        "2025-13",
        "2025-00",
        "2025-1",
        "2025-001",
        "2025-Q0",
        "2025-Q5",
        "2025-H3",
        "2025-6M",
        "25-01",
        "0000",
        "2025-",
        "2025/01",
        "Q1-2025",
        "２０２５",
    ],
)
def test_parse_refuses_what_is_not_a_period_code(code):
    with pytest.raises(ValueError, match="period code"):
        Period.parse(code)


@pytest.mark.parametrize(
    ("year", "kind", "index"),
    [
        (2025, "month", 0),
        (2025, "month", 13),
        (2025, "month", None),
        (2025, "quarter", 5),
        (2025, "h1", 2),
        (2025, "h2", 1),
        (2025, "year", 3),
        (2025, "week", 1),
        (0, "year", None),
        (10000, "year", None),
        ("2025", "year", None),
    ],
)
def test_invalid_periods_cannot_be_built(year, kind, index):
    with pytest.raises(ValueError):
        Period(year, kind, index)


def test_the_month_and_the_quarter_of_a_date():
    assert Period.month_of(date(2025, 5, 17)) == Period.parse("2025-05")
    assert Period.quarter_of(date(2025, 5, 17)) == Period.parse("2025-Q2")
    assert Period.quarter_of(date(2025, 12, 31)) == Period.parse("2025-Q4")
    assert Period.quarter_of(date(2025, 1, 1)) == Period.parse("2025-Q1")


def test_contains_is_inclusive_at_both_ends():
    q2 = Period.parse("2025-Q2")
    assert q2.contains(date(2025, 4, 1))
    assert q2.contains(date(2025, 6, 30))
    assert not q2.contains(date(2025, 3, 31))
    assert not q2.contains(date(2025, 7, 1))
    assert not q2.contains(date(2024, 5, 1))


def test_year_to_date_runs_from_january_to_the_month():
    assert ytd(Period.parse("2025-03")) == (
        Period.parse("2025-01"),
        Period.parse("2025-02"),
        Period.parse("2025-03"),
    )
    assert Period.ytd(Period.parse("2025-01")) == (Period.parse("2025-01"),)
    assert [str(p) for p in ytd(Period.parse("2025-H1"))] == [f"2025-{m:02d}" for m in range(1, 7)]


def test_parts_are_the_next_smaller_periods():
    assert [str(p) for p in Period.parse("2025-Q3").parts()] == ["2025-07", "2025-08", "2025-09"]
    assert [str(p) for p in Period.parse("2025").parts()] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert [str(p) for p in Period.parse("2025-H1").parts()] == ["2025-Q1", "2025-Q2"]
    assert [str(p) for p in Period.parse("2025-H2").parts()] == ["2025-Q3", "2025-Q4"]
    assert [str(p) for p in Period.parse("2025-9M").parts()] == ["2025-Q1", "2025-Q2", "2025-Q3"]
    assert Period.parse("2025-05").parts() == ()


def test_periods_are_hashable_and_sortable():
    codes = ["2025-Q2", "2024", "2025-01", "2025-Q1"]
    periods = sorted(Period.parse(c) for c in codes)
    assert periods[0] == Period.parse("2024")
    assert len({Period.parse(c) for c in codes + codes}) == 4


def test_last_day_knows_leap_years():
    assert last_day(2024, 2) == date(2024, 2, 29)
    assert last_day(2025, 2) == date(2025, 2, 28)
    assert last_day(1900, 2) == date(1900, 2, 28)
    assert last_day(2000, 2) == date(2000, 2, 29)


# --------------------------------------------------------------------------------------------
# Roman numerals

ROMANS = [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"), (7, "VII"), (8, "VIII")]
ROMANS += [(9, "IX"), (10, "X"), (11, "XI"), (12, "XII"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")]


@pytest.mark.parametrize(("number", "numeral"), ROMANS)
def test_roman_numerals_both_ways(number, numeral):
    assert roman(number) == numeral
    assert from_roman(numeral) == number
    assert from_roman(numeral.lower()) == number


@pytest.mark.parametrize("text", ["", " ", "IIII", "VX", "IL", "VV", "A", "I I", "IIV", "MMMM", "4", "Ⅳ"])
def test_from_roman_refuses_non_canonical_numerals(text):
    with pytest.raises(ValueError):
        from_roman(text)


@pytest.mark.parametrize("number", [0, -1, 4000, 2.0, True, "4"])
def test_roman_refuses_what_has_no_numeral(number):
    with pytest.raises(ValueError):
        roman(number)


# --------------------------------------------------------------------------------------------
# Properties

years = st.integers(min_value=1, max_value=9999)


@st.composite
def periods(draw):
    year = draw(years)
    kind = draw(st.sampled_from(KINDS))
    if kind == "month":
        return Period(year, kind, draw(st.integers(1, 12)))
    if kind == "quarter":
        return Period(year, kind, draw(st.integers(1, 4)))
    return Period(year, kind)


@given(periods())
def test_a_code_reads_back_as_the_same_period(period):
    assert Period.parse(str(period)) == period


@given(periods())
def test_a_period_starts_before_it_ends_and_contains_both(period):
    assert period.start <= period.end
    assert period.contains(period.start)
    assert period.contains(period.end)
    assert period.start.month == period.months[0]
    assert period.end.month == period.months[-1]
    assert list(period.months) == list(range(period.months[0], period.months[-1] + 1))


@given(periods())
def test_a_period_is_exactly_its_parts(period):
    parts = period.parts()
    if period.kind == "month":
        assert parts == ()
        return
    assert tuple(m for part in parts for m in part.months) == period.months
    assert parts[0].start == period.start
    assert parts[-1].end == period.end


@given(years, st.integers(1, 12))
def test_every_month_is_in_exactly_one_quarter(year, month):
    day = date(year, month, 1)
    containing = [q for q in range(1, 5) if Period.of_quarter(year, q).contains(day)]
    assert len(containing) == 1
    quarter = Period.quarter_of(day)
    assert quarter.index == containing[0]
    assert month in quarter.months
    assert Period.of_month(year, month) in quarter.parts()


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_the_month_and_quarter_of_a_date_contain_it(day):
    assert Period.month_of(day).contains(day)
    assert Period.quarter_of(day).contains(day)
    assert Period.of_year(day.year).contains(day)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 30)))
def test_a_month_ends_the_day_before_the_next_month_starts(day):
    month = Period.month_of(day)
    if month.end < date(9999, 12, 31):
        assert Period.month_of(month.end + timedelta(days=1)).start == month.end + timedelta(days=1)


@given(years, st.integers(1, 12))
def test_year_to_date_ends_with_the_month(year, month):
    months = ytd(Period.of_month(year, month))
    assert len(months) == month
    assert months[0].start == date(year, 1, 1)
    assert months[-1] == Period.of_month(year, month)


@given(st.integers(1, 3999))
def test_roman_round_trip(number):
    assert from_roman(roman(number)) == number
