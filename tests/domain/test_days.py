"""Reading a day: the one parser behind the as-of date, the history filter, the imports and the upload."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.days import parse_day

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_a_day_written_either_way_reads_back(day):
    assert parse_day(day.isoformat()) == day
    assert parse_day(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
    assert parse_day(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_day(f"  {day.isoformat()} ") == day


@given(days)
def test_a_spreadsheet_cell_is_taken_as_it_is(day):
    assert parse_day(day) == day
    assert parse_day(datetime(day.year, day.month, day.day, 9, 30)) == day


@given(st.text(max_size=12))
def test_any_text_gives_a_day_or_none(text):
    assert parse_day(text) is None or isinstance(parse_day(text), date)


def test_what_is_not_a_day_is_none():
    for text in ["", "31/02/2025", "2025-8-1", "01/08/25", "2025-13-01", "tháng 8", "20250801", "2025-08"]:
        assert parse_day(text) is None, text
    assert parse_day(None) is None and parse_day(45000) is None


def test_a_month_alone_is_its_last_day_only_when_asked():
    assert parse_day("2025-02", month_end=True) == date(2025, 2, 28)
    assert parse_day("7/2025", month_end=True) == date(2025, 7, 31)
    assert parse_day("13/2025", month_end=True) is None
    assert parse_day("2025-02") is None
    assert parse_day("06/08/2025", month_end=True) == date(2025, 8, 6)
