"""Reporting calendar: Nghị định 09/2019/NĐ-CP windows, configurable deadlines, what is owed and when."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment import Deadlines, ReportingObligation, ReportStatus, Submission, owed, window
from kehoach.domain.assessment.calendar import on_time_rate, records, status
from kehoach.domain.periods import Period

WINDOWS = [
    ("2025-01", date(2024, 12, 15), date(2025, 1, 14)),
    ("2025-03", date(2025, 2, 15), date(2025, 3, 14)),
    ("2025-12", date(2025, 11, 15), date(2025, 12, 14)),
    ("2025-Q1", date(2024, 12, 15), date(2025, 3, 14)),
    ("2025-Q2", date(2025, 3, 15), date(2025, 6, 14)),
    ("2025-Q4", date(2025, 9, 15), date(2025, 12, 14)),
    ("2025-H1", date(2024, 12, 15), date(2025, 6, 14)),
    ("2025-9M", date(2024, 12, 15), date(2025, 9, 14)),
    ("2025", date(2024, 12, 15), date(2025, 12, 14)),
]


@pytest.mark.parametrize(("code", "start", "end"), WINDOWS)
def test_a_reporting_window_runs_from_the_15th_to_the_14th(code, start, end):
    assert window(code) == (start, end)


def test_the_decree_defines_no_window_for_the_second_half_alone():
    with pytest.raises(ValueError):
        window("2025-H2")


def _tiles(windows, start, end):
    assert windows[0][0] == start and windows[-1][1] == end
    for (_, a_end), (b_start, _) in zip(windows, windows[1:], strict=False):
        assert b_start == a_end + timedelta(days=1)  # no gap, no overlap


@given(st.integers(1901, 2999))
def test_months_and_quarters_tile_the_years_window_without_gaps_or_overlaps(year):
    start, end = window(Period.of_year(year))
    _tiles([window(Period.of_month(year, m)) for m in range(1, 13)], start, end)
    _tiles([window(Period.of_quarter(year, q)) for q in range(1, 5)], start, end)
    _tiles([window(Period.first_half(year)), window(Period.of_quarter(year, 3)), window(Period.of_quarter(year, 4))],
           start, end)
    _tiles([window(Period.nine_months(year)), window(Period.of_quarter(year, 4))], start, end)
    next_start, _ = window(Period.of_year(year + 1))
    assert next_start == end + timedelta(days=1)  # years tile too


@given(st.dates(date(1901, 1, 1), date(2999, 12, 31)))
def test_every_day_falls_in_exactly_one_monthly_window(day):
    year = day.year + 1 if (day.month, day.day) >= (12, 15) else day.year
    holders = [m for m in range(1, 13) if window(Period.of_month(year, m))[0] <= day <= window(Period.of_month(year, m))[1]]
    assert len(holders) == 1


def test_submission_deadlines_are_configurable():
    assert Deadlines().due("2025-03") == date(2025, 3, 18)
    assert Deadlines().due("2025-H1") == date(2025, 6, 18)
    custom = Deadlines(month_day=20, year_day=31)
    assert custom.due("2025-03") == date(2025, 3, 20)
    assert custom.due("2025") == date(2025, 12, 31)
    assert Deadlines(quarter_day=31).due("2025-Q2") == date(2025, 6, 30)  # clamped to the month's end
    with pytest.raises(ValueError):
        Deadlines(month_day=10)  # before the window ends


OBLIGATIONS = [
    ReportingObligation("Sở Tài chính", "Báo cáo thu ngân sách", ("month",)),
    ReportingObligation("Sở Xây dựng", "Báo cáo KT-XH", ("quarter", "h1", "9m", "year")),
]


def test_what_each_agency_owes_and_when():
    dues = owed(OBLIGATIONS, date(2025, 4, 30))
    assert len(dues) == 12 + 4 + 3
    assert [(d.agency, d.period, d.due) for d in dues[:3]] == [
        ("Sở Tài chính", "2025-01", date(2025, 1, 18)),
        ("Sở Tài chính", "2025-02", date(2025, 2, 18)),
        ("Sở Tài chính", "2025-03", date(2025, 3, 18)),
    ]
    q1 = next(d for d in dues if d.period == "2025-Q1")
    assert (q1.window_start, q1.window_end, q1.due) == (date(2024, 12, 15), date(2025, 3, 14), date(2025, 3, 18))


def test_submitted_late_missing_pending_and_the_on_time_rate():
    dues = owed(OBLIGATIONS[:1], date(2025, 4, 30))
    submissions = [
        Submission("Sở Tài chính", "Báo cáo thu ngân sách", "2025-01", date(2025, 1, 16)),
        Submission("Sở Tài chính", "Báo cáo thu ngân sách", "2025-02", date(2025, 2, 20)),
        Submission("Sở Tài chính", "Báo cáo thu ngân sách", "2025-02", date(2025, 2, 25)),  # resent
    ]
    result = records(dues, submissions, date(2025, 4, 30))
    assert [r.status for r in result[:5]] == [
        ReportStatus.SUBMITTED, ReportStatus.LATE, ReportStatus.MISSING, ReportStatus.MISSING, ReportStatus.PENDING,
    ]
    assert result[1].submitted_on == date(2025, 2, 20)
    assert on_time_rate(result) == {"Sở Tài chính": (1, 4, D("0.25"))}
    assert status(dues[0], submissions, date(2025, 1, 15)).status == ReportStatus.PENDING  # not yet received
