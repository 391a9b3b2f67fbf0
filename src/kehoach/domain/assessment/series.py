"""An indicator's trajectory and actual figures side by side, as the charts and tables show them.

``period_rows`` lists every period of the trajectory (and every period a figure was published
for) with the trajectory's value and the actual figure of exactly that span. ``trend`` gives one
comparable point per month end, so the chart compares like with like:

* flows (additive): year to date: the cumulative trajectory (its own cumulative value for the
  span, else the sum of its months) against the cumulative actual (a cumulative figure, else the
  sum of the month figures from January);
* growth rates and indices: the cumulative span from January (Q1, 6 tháng, 9 tháng, năm; a
  YTD-m figure) — never summed;
* levels: the value at the month end (any trajectory period ending that day).

Only figures of the trajectory's territorial scope are placed on the trend; ``period_rows``
keeps every figure with its scope. Pure: same inputs, same output.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Indicator, MeasureKind, ScenarioValue
from kehoach.domain.periods import last_day

from .indicators import usable_figures
from .model import ActualFigure, FigurePeriod, number_of


@dataclass(frozen=True)
class TrendPoint:
    month: int
    label: str  # "T1", "T2" ...
    scenario: Decimal | None
    actual: Decimal | None
    qualifier: str = ""


@dataclass(frozen=True)
class PeriodRow:
    period: FigurePeriod
    scenario: Decimal | None
    scenario_text: str
    figures: tuple[ActualFigure, ...]  # the figures of exactly this span, every scope


def _scenario_pieces(indicator: Indicator, scenarios: Iterable[ScenarioValue], year: int, scope: str | None):
    pieces: dict[tuple[date, date], tuple[FigurePeriod, Decimal | None, str]] = {}
    for s in scenarios:
        if s.indicator != indicator.key or (scope is not None and s.scope != scope):
            continue
        period = FigurePeriod.parse(s.period)
        if period.year != year:
            continue
        pieces[(period.start, period.end)] = (period, number_of(s.value, indicator.direction), s.value.text)
    return pieces


def plan_scope(indicator: Indicator, scenarios: Iterable[ScenarioValue], year: int) -> str | None:
    scopes = sorted({s.scope for s in scenarios if s.indicator == indicator.key
                     and FigurePeriod.parse(s.period).year == year})
    return scopes[0] if scopes else None


def period_rows(indicator: Indicator, scenarios: list[ScenarioValue], figures: list[ActualFigure], as_of: date,
                year: int) -> list[PeriodRow]:
    """Every period of the year with a trajectory value or a figure, in calendar order."""
    pieces = _scenario_pieces(indicator, scenarios, year, plan_scope(indicator, scenarios, year))
    usable = usable_figures(figures, indicator.key, as_of, year)
    spans: dict[tuple[date, date], FigurePeriod] = {k: v[0] for k, v in pieces.items()}
    for f in usable:
        spans.setdefault((f.period.start, f.period.end), f.period)
    rows = []
    for key in sorted(spans, key=lambda k: (k[1], (k[1] - k[0]).days)):
        period, number, text = pieces.get(key, (spans[key], None, ""))
        rows.append(PeriodRow(spans[key], number, text, tuple(f for f in usable if (f.period.start, f.period.end) == key)))
    return rows


def trend(indicator: Indicator, scenarios: list[ScenarioValue], figures: list[ActualFigure], as_of: date,
          year: int) -> list[TrendPoint]:
    """One point per month end of ``year`` where the trajectory or an actual has a comparable value."""
    scope = plan_scope(indicator, scenarios, year)
    pieces = _scenario_pieces(indicator, scenarios, year, scope)
    usable = [f for f in usable_figures(figures, indicator.key, as_of, year) if scope is None or f.scope == scope]
    jan1 = date(year, 1, 1)
    month_span = {m: (date(year, m, 1), last_day(year, m)) for m in range(1, 13)}
    actual_by_span = {(f.period.start, f.period.end): f for f in usable}
    points = []
    for m in range(1, 13):
        end = last_day(year, m)
        scenario = actual = None
        qualifier = ""
        if indicator.kind == MeasureKind.FLOW:
            scenario = _cumulative(pieces, jan1, end, month_span, m, lambda p: p[1])
            figure = actual_by_span.get((jan1, end))
            if figure is not None:
                actual, qualifier = number_of(figure.value, indicator.direction), figure.qualifier
            else:
                monthly = [actual_by_span.get(month_span[k]) for k in range(1, m + 1)]
                if all(monthly):
                    actual = sum(number_of(f.value, indicator.direction) or Decimal(0) for f in monthly)
                    qualifier = next((f.qualifier for f in monthly if f.qualifier), "")
        elif indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
            piece = pieces.get((jan1, end))
            scenario = piece[1] if piece else None
            figure = actual_by_span.get((jan1, end))
            if figure is not None:
                actual, qualifier = number_of(figure.value, indicator.direction), figure.qualifier
        else:
            ending = sorted((p for k, p in pieces.items() if k[1] == end), key=lambda p: -p[0].start.toordinal())
            scenario = ending[0][1] if ending else None
            ending_figures = [f for f in usable if f.period.end == end]
            if ending_figures:
                figure = max(ending_figures, key=lambda f: f.period.start)
                actual, qualifier = number_of(figure.value, indicator.direction), figure.qualifier
        if scenario is not None or actual is not None:
            points.append(TrendPoint(m, f"T{m}", scenario, actual, qualifier))
    return points


def _cumulative(pieces, jan1: date, end: date, month_span, m: int, value) -> Decimal | None:
    exact = pieces.get((jan1, end))
    if exact is not None and exact[1] is not None:
        return exact[1]
    months = [pieces.get(month_span[k]) for k in range(1, m + 1)]
    if all(p is not None and p[1] is not None for p in months):
        return sum((p[1] for p in months), Decimal(0))
    return None
