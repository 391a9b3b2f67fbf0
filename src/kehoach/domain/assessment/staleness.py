"""Is a figure old for its indicator, and does a cumulative series go down?

**Số liệu cũ.** An indicator is published at a rhythm (``Indicator.publication``: month, quarter,
h1, 9m, year; the shortest counts). After the latest period assessed, the next period of that
rhythm is expected ``PUBLICATION_LAG`` days after it ends (statistics offices publish a month's
estimate in the first weeks of the next month). Past that day without it, the figure is old: still
rated, and said to be old. An indicator with no known rhythm is never called old.

**A cumulative series that goes down.** Year-to-date figures of a flow (from 1 January) can only
grow; one lower than an earlier one of the same scope and year (exports 9 months 36 → 10 months
33,37 tỷ USD) is a publication error or a change of definition, and is flagged.
"""

from __future__ import annotations

from datetime import date, timedelta

from kehoach.domain.periods import last_day

from .model import ActualFigure, number_of

PUBLICATION_LAG = timedelta(days=20)
_MONTHS = {"month": 1, "quarter": 3, "h1": 6, "9m": 3, "year": 12}


def rhythm_months(publication: list[str]) -> int | None:
    """The shortest publication rhythm in months, None when unknown."""
    months = [_MONTHS[p] for p in publication if p in _MONTHS]
    return min(months) if months else None


def next_expected(latest_end: date, publication: list[str]) -> date | None:
    """The day by which the next period's figure should be out, None when the rhythm is unknown."""
    months = rhythm_months(publication)
    if months is None:
        return None
    index = latest_end.year * 12 + latest_end.month - 1 + months
    return last_day(index // 12, index % 12 + 1) + PUBLICATION_LAG


def is_stale(latest_end: date, publication: list[str], as_of: date) -> bool:
    expected = next_expected(latest_end, publication)
    return expected is not None and as_of > expected


def decreasing_cumulative(figures: list[ActualFigure]) -> list[tuple[ActualFigure, ActualFigure]]:
    """(earlier, later) pairs of year-to-date figures of one indicator, scope and year where the later is lower.

    Figures of several indicators may be given together (the check after an import): each series is
    one indicator's, never one indicator's figure set against another's.
    """
    found = []
    by_scope: dict[tuple[str, str, int], list[ActualFigure]] = {}
    for f in figures:
        if f.period.is_cumulative and f.period.start == date(f.period.year, 1, 1):
            by_scope.setdefault((f.indicator, f.scope, f.period.year), []).append(f)
    for series in by_scope.values():
        series.sort(key=lambda f: (f.period.end, f.published))
        best: ActualFigure | None = None
        for f in series:
            value = number_of(f.value)
            if value is None:
                continue
            if best is not None and f.period.end > best.period.end and value < number_of(best.value):
                found.append((best, f))
            if best is None or value >= number_of(best.value):
                best = f
    return found
