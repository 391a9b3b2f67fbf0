"""The place and date line of a report, as Nghị định 30/2020/NĐ-CP writes it: a day below 10 and the
months January and February take a leading zero, the other months do not."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.reporting.periods import document_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 8, 6), ("06", "8", "2025")),
        (date(2025, 2, 15), ("15", "02", "2025")),
        (date(2025, 1, 9), ("09", "01", "2025")),
        (date(2025, 12, 31), ("31", "12", "2025")),
        (date(2025, 3, 1), ("01", "3", "2025")),
        (date(2025, 10, 10), ("10", "10", "2025")),
    ],
)
def test_the_day_and_the_months_january_and_february_take_a_leading_zero(day, expected):
    assert document_date(day) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_the_parts_read_back_as_the_same_day(day):
    d, m, y = document_date(day)
    assert date(int(y), int(m), int(d)) == day
    assert len(d) == 2
    assert len(m) == (2 if day.month <= 2 or day.month >= 10 else 1)
