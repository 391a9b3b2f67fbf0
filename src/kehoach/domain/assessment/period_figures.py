"""Periods as reports use them: the single month or quarter next to the cumulative figure, and the same
period of the year before ("tăng 8,5% so với cùng kỳ") where it was published (issue 12 point 6).

Pure: the figures that count on the as-of date (``indicators.usable_figures``, every year) in, plain
values out. Rules:

* The cumulative figure for a day is a figure from 1 January to that day; a single month or quarter
  is never taken for one (a September IIP figure says nothing of January-November).
* The single period next to it is the quarter ending that day when published (the quarter report is
  about the quarter), else the month.
* Year on year: the same span a year earlier, same scope. For amounts (flows, levels) the change in %;
  a growth rate or an index is already measured against the same period of last year, so it has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import MeasureKind

from .model import ActualFigure, FigurePeriod, number_of

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PeriodFigures:
    end: date
    cumulative: ActualFigure | None  # from 1 January to ``end``
    single: ActualFigure | None  # the quarter, else the month, ending on ``end``
    last_year: ActualFigure | None  # the same span as ``cumulative`` (else ``single``) a year earlier
    year_on_year: Decimal | None  # % change against ``last_year``; None for growth rates and indices


def is_single(period: FigurePeriod) -> bool:
    """A single calendar month or quarter."""
    return period.month_aligned and len(period.months) in (1, 3) and (
        len(period.months) == 1 or period.start.month in (1, 4, 7, 10))


def is_cumulative_to(period: FigurePeriod, end: date) -> bool:
    """Whether a figure of ``period`` stands for the cumulative from 1 January to ``end``."""
    return period.end == end and period.start == date(end.year, 1, 1)


def year_earlier(period: FigurePeriod) -> tuple[date, date]:
    """The same span a year earlier, as (start, end); 29 February becomes 28."""
    def back(day: date) -> date:
        return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else day.day))
    return back(period.start), back(period.end)


def year_on_year(current: Decimal, previous: Decimal) -> Decimal | None:
    """The change in % of ``current`` against ``previous`` (the same period of last year); None without a base."""
    if not previous:
        return None
    return (Decimal(current) / Decimal(previous) - 1) * _HUNDRED


def period_figures(figures: Iterable[ActualFigure], end: date, scope: str, kind: MeasureKind) -> PeriodFigures:
    """The cumulative and single figures of ``scope`` ending on ``end``, and the year-earlier comparison."""
    mine = [f for f in figures if f.scope == scope]
    ending = [f for f in mine if f.period.end == end]
    cumulative = _latest(f for f in ending if is_cumulative_to(f.period, end))
    singles = [f for f in ending if is_single(f.period)]
    single = _latest(f for f in singles if len(f.period.months) == 3) or _latest(singles)
    if single is not None and cumulative is not None and single.period.same_span(cumulative.period):
        single = None  # January, or the first quarter: the cumulative figure is the single one
    base = cumulative or single
    last_year = change = None
    if base is not None:
        span = year_earlier(base.period)
        last_year = _latest(f for f in mine if (f.period.start, f.period.end) == span)
        if last_year is not None and kind in (MeasureKind.FLOW, MeasureKind.LEVEL):
            now, before = number_of(base.value), number_of(last_year.value)
            if now is not None and before is not None:
                change = year_on_year(now, before)
    return PeriodFigures(end, cumulative, single, last_year, change)


def _latest(figures: Iterable[ActualFigure]) -> ActualFigure | None:
    return max(figures, key=lambda f: (f.published, f.version, f.period.code), default=None)
