"""The reporting calendar: Nghị định 09/2019/NĐ-CP reporting windows, what is owed, on-time rate.

Windows (the period a periodic report covers, "thời gian chốt số liệu"), by default after
Nghị định 09/2019/NĐ-CP, Article 12:

==========  ===========================================================================
kind        window
==========  ===========================================================================
month M     15th of month M-1 to 14th of month M (15/12 of the previous year for January)
quarter     15th of the month before the quarter to the 14th of its last month
h1          15/12 of the previous year to 14/6
9m          15/12 of the previous year to 14/9
year        15/12 of the previous year to 14/12
==========  ===========================================================================

The months of a year, and its quarters, tile the year's window exactly. The decree defines no
window for the second half alone (h2): ``window`` refuses it.

The decree leaves the submission deadline to whoever issues the reporting regime, so it is
configurable (``Deadlines``): the day of the month in which the window ends. The default, the
18th, is a placeholder to set to the city's own reporting regime.

A report is *submitted* (on time) when received on or before its due date, *late* when after,
*missing* when the due date has passed without it, *pending* otherwise. The on-time rate of an
agency is on-time reports / reports whose status is not pending (None when there is none).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.domain.periods import H1, H2, MONTH, NINE_MONTHS, QUARTER, YEAR, Period, last_day
from kehoach.domain.report_kinds import CODES

from .model import ReportingDue, ReportingObligation, ReportingRecord, ReportStatus, Submission

REPORT_KINDS = CODES  # the kinds of periodic report (domain.report_kinds)
FIRST_DAY = 15  # a window starts on the 15th ...
LAST_DAY = 14  # ... and ends on the 14th


def window(period: Period | str) -> tuple[date, date]:
    """The reporting window of a period: (first day, last day), both inclusive."""
    period = Period.parse(period) if isinstance(period, str) else period
    if period.kind == H2:
        raise ValueError("Nghị định 09/2019/NĐ-CP defines no reporting window for the second half (h2)")
    end = date(period.year, period.months[-1], LAST_DAY)
    if period.kind in (MONTH, QUARTER):
        first_month = period.months[0]
        start = date(period.year, first_month - 1, FIRST_DAY) if first_month > 1 else date(period.year - 1, 12, 15)
        return start, end
    return date(period.year - 1, 12, FIRST_DAY), end


@dataclass(frozen=True)
class Deadlines:
    """Submission deadline of each kind of report: a day of the month in which its window ends (15..31,
    clamped to the month's last day)."""

    month_day: int = 18
    quarter_day: int = 18
    h1_day: int = 18
    nine_months_day: int = 18
    year_day: int = 18

    def __post_init__(self) -> None:
        for name in ("month_day", "quarter_day", "h1_day", "nine_months_day", "year_day"):
            day = getattr(self, name)
            if isinstance(day, bool) or not isinstance(day, int) or not FIRST_DAY <= day <= 31:
                raise ValueError(f"{name} must be a day from {FIRST_DAY} to 31 (after the window ends), got {day!r}")

    def due(self, period: Period | str) -> date:
        period = Period.parse(period) if isinstance(period, str) else period
        _, end = window(period)
        day = {
            MONTH: self.month_day,
            QUARTER: self.quarter_day,
            H1: self.h1_day,
            NINE_MONTHS: self.nine_months_day,
            YEAR: self.year_day,
        }[period.kind]
        return date(end.year, end.month, min(day, last_day(end.year, end.month).day))


DEFAULT_DEADLINES = Deadlines()


def next_report_date(as_of: date, day: int) -> date:
    """The first periodic report date after ``as_of``: ``day`` of its month if still ahead, else
    of the next month (clamped to the month's last day). 20/12 -> 20/01 of the next year."""
    if not 1 <= day <= 31:
        raise ValueError(f"a report day is a day of the month from 1 to 31, got {day!r}")
    year, month = as_of.year, as_of.month
    while True:
        candidate = date(year, month, min(day, last_day(year, month).day))
        if candidate > as_of:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def periods_of(kind: str, year: int) -> list[Period]:
    if kind == MONTH:
        return [Period.of_month(year, m) for m in range(1, 13)]
    if kind == QUARTER:
        return [Period.of_quarter(year, q) for q in range(1, 5)]
    if kind not in REPORT_KINDS:
        raise ValueError(f"no periodic report of kind {kind!r}: expected one of {', '.join(REPORT_KINDS)}")
    return [Period(year, kind)]


def owed(
    obligations: Iterable[ReportingObligation],
    as_of: date,
    deadlines: Deadlines = DEFAULT_DEADLINES,
    year: int | None = None,
) -> list[ReportingDue]:
    """Every report each agency owes for the periods of a year (the as-of year by default), by due date."""
    year = as_of.year if year is None else year
    dues = []
    for ob in obligations:
        for kind in ob.kinds:
            for period in periods_of(kind, year):
                start, end = window(period)
                dues.append(ReportingDue(ob.agency, ob.report, period.code, start, end, deadlines.due(period)))
    return sorted(dues, key=lambda d: (d.due, d.agency, d.report, d.window_start, d.period))


def status(due: ReportingDue, submissions: Iterable[Submission], as_of: date) -> ReportingRecord:
    """Submitted (on time), late, missing or pending as of a date: the first submission counts."""
    received = sorted(
        s.submitted_on for s in submissions
        if (s.agency, s.report, s.period) == (due.agency, due.report, due.period) and s.submitted_on <= as_of
    )
    if received:
        first = received[0]
        return ReportingRecord(due, ReportStatus.SUBMITTED if first <= due.due else ReportStatus.LATE, first)
    return ReportingRecord(due, ReportStatus.MISSING if as_of > due.due else ReportStatus.PENDING)


def records(dues: Iterable[ReportingDue], submissions: Iterable[Submission], as_of: date) -> list[ReportingRecord]:
    submissions = list(submissions)
    return [status(d, submissions, as_of) for d in dues]


def on_time_rate(records: Iterable[ReportingRecord]) -> dict[str, tuple[int, int, Decimal | None]]:
    """Per agency: (reports on time, reports counted, rate); pending reports are not counted."""
    counts: dict[str, list[int]] = {}
    for r in records:
        on_time, counted = counts.setdefault(r.due.agency, [0, 0])
        if r.status == ReportStatus.PENDING:
            continue
        counts[r.due.agency] = [on_time + (r.status == ReportStatus.SUBMITTED), counted + 1]
    return {
        agency: (ok, n, Decimal(ok) / Decimal(n) if n else None) for agency, (ok, n) in sorted(counts.items())
    }
