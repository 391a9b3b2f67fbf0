"""Every period is said to a person in Vietnamese words by one function, never as its code."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment.model import FigurePeriod, period_label
from kehoach.domain.periods import Period, period_name
from kehoach.domain.reporting.periods import period_phrase

CODE = r"20\d\d-(Q\d|H\d|9M|YTD-\d\d|\d\d)"


@pytest.mark.parametrize(("code", "label", "phrase"), [
    ("2025-07", "Tháng 7/2025", "tháng 7 năm 2025"),
    ("2025-Q2", "Quý II/2025", "quý II năm 2025"),
    ("2025-H1", "6 tháng đầu năm 2025", "6 tháng đầu năm 2025"),
    ("2025-H2", "6 tháng cuối năm 2025", "6 tháng cuối năm 2025"),
    ("2025-9M", "9 tháng năm 2025", "9 tháng năm 2025"),
    ("2025", "Năm 2025", "năm 2025"),
    ("2025-YTD-07", "Lũy kế 7 tháng năm 2025", "lũy kế 7 tháng năm 2025"),
    ("2025-YTD-06", "6 tháng đầu năm 2025", "6 tháng đầu năm 2025"),
    ("2025-YTD-03", "Quý I/2025", "quý I năm 2025"),
    ("2025-01-01/2025-04-26", "Từ đầu năm đến ngày 26/4/2025", "từ đầu năm đến ngày 26/4/2025"),
    ("2025-02-03/2025-04-26", "Từ ngày 3/2/2025 đến ngày 26/4/2025", "từ ngày 3/2/2025 đến ngày 26/4/2025"),
    ("2025-03-01/2025-05-31", "Từ tháng 3 đến tháng 5/2025", "từ tháng 3 đến tháng 5 năm 2025"),
])
def test_a_period_in_words(code, label, phrase):
    span = FigurePeriod.parse(code)
    assert period_name(span.start, span.end) == label == span.label_vi == period_label(code)
    assert period_name(span.start, span.end, in_sentence=True) == phrase


def test_calendar_periods_and_the_report_title_say_it_the_same_way():
    assert Period.parse("2025-Q3").label_vi == "Quý III/2025"
    assert period_phrase("h1", Period.first_half(2025)) == "6 tháng đầu năm 2025"
    assert period_phrase("month", Period.of_month(2025, 7)) == "tháng 7 năm 2025"


def test_text_that_is_not_a_period_stays_as_written():
    assert period_label("cả nhiệm kỳ") == "cả nhiệm kỳ"


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="starts before it ends"):
        period_name(date(2025, 5, 1), date(2025, 4, 1))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       st.integers(min_value=0, max_value=400))
def test_no_label_shows_a_code_or_an_iso_date(start, days):
    import re
    from datetime import timedelta

    end = min(start + timedelta(days=days), date(start.year, 12, 31))
    label = period_name(start, end)
    assert not re.search(CODE, label) and not re.search(r"\d{4}-\d{2}-\d{2}", label)
    # a sentence start: a capital ("Tháng 7/2025", "Quý II/2025") or a count ("6 tháng cuối năm 2000")
    assert str(end.year) in label and (label[0].isupper() or label[0].isdigit())


@pytest.mark.parametrize("code", ["2025-07", "2025-Q3", "2025-H1", "2025-H2", "2025-9M", "2025", "2025-YTD-07",
                                  "2025-YTD-02", "2025-12"])
def test_what_a_label_says_reads_back_as_its_period(code):
    from kehoach.domain.assessment.model import read_period

    span = FigurePeriod.parse(code)
    assert read_period(span.label_vi).same_span(span)
    assert read_period(span.label_vi.upper()).same_span(span)
    assert read_period(code).same_span(span)


def test_a_person_may_write_a_period_loosely():
    from kehoach.domain.assessment.model import read_period

    assert read_period("quy 3 nam 2025").code == "2025-Q3"
    assert read_period("tháng 7 năm 2025").code == "2025-07"
    with pytest.raises(ValueError, match="Tháng 7/2025"):
        read_period("mùa hè 2025")
