"""The plan an indicator is assessed against: the year, the scopes, the trajectory and the annual target.

The plan year is the as-of year, or the year before while the new one has no figure; each scope with a
scenario or a target of that year has its own ``Plan``. The annual target prefers the trajectory's own
document, then the stretch basis (phấn đấu), then the council's, then the central government's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Indicator, ScenarioValue, Target, TargetBasis
from kehoach.domain.numbers import value_in_unit

from .model import ActualFigure, FigurePeriod, FigureStatus, number_of

_BASIS_ORDER = {TargetBasis.STRETCH: 0, TargetBasis.COUNCIL: 1, TargetBasis.CENTRAL: 2}


def plan_year(scenario, targets, figures, key: str, as_of: date) -> int:
    """The plan year assessed: the as-of year; while it has no figure published yet, the year before
    when that has figures (January 2026 still closes 2025); else the latest plan year by then."""
    published = {f.period.year for f in figures
                 if f.indicator == key and f.status == FigureStatus.APPROVED and f.published <= as_of}
    if as_of.year in published:
        return as_of.year
    if as_of.year - 1 in published:
        return as_of.year - 1
    years = {FigurePeriod.parse(s.period).year for s in scenario} | {t.year for t in targets}
    if as_of.year in years or not years:
        return as_of.year
    past = [y for y in years if y <= as_of.year]
    return max(past) if past else min(years)


def plan_scopes(scenario, targets, year: int) -> list[str]:
    found = {s.scope for s in scenario if FigurePeriod.parse(s.period).year == year}
    found |= {t.scope for t in targets if t.year == year}
    return sorted(found)


def default_scope(scenario, targets, year: int) -> str:
    """The scope named when nothing else decides: the first with a scenario, else the first with a target."""
    scopes = sorted({s.scope for s in scenario if FigurePeriod.parse(s.period).year == year}) or sorted(
        {t.scope for t in targets if t.year == year})
    return scopes[0] if scopes else ""


@dataclass(frozen=True)
class Plan:
    year: int
    scope: str
    pieces: tuple[tuple[FigurePeriod, Decimal], ...]  # the trajectory's numeric values
    target: Decimal | None
    target_text: str
    targets: tuple[Target, ...] = ()  # every target in force for the scope and year, the main one first

    def exact(self, period: FigurePeriod) -> Decimal | None:
        for fp, number in self.pieces:
            if fp.same_span(period):
                return number
        return None

    def ending(self, day: date) -> tuple[FigurePeriod, Decimal] | None:
        """The trajectory's value of a period ending on ``day`` (the shortest such period)."""
        matches = [(fp, n) for fp, n in self.pieces if fp.end == day]
        return min(matches, key=lambda p: (p[0].start.toordinal() * -1, p[0].code)) if matches else None

    @property
    def year_span(self) -> FigurePeriod:
        return FigurePeriod.parse(str(self.year))


def plan_for(indicator: Indicator, scenario: list[ScenarioValue], targets: list[Target], year: int, scope: str) -> Plan:
    """The plan of one scope for one year, from the values in force (``plans``)."""
    scenario = [s for s in scenario if FigurePeriod.parse(s.period).year == year and s.scope == scope]
    targets = [t for t in targets if t.year == year and t.scope == scope]
    documents = {s.document for s in scenario}
    pieces = []
    for s in scenario:
        number = number_of(s.value, indicator.direction)
        if number is not None:
            pieces.append((FigurePeriod.parse(s.period), number))
    pieces.sort(key=lambda p: (p[0].start, p[0].end, p[0].code))
    candidates = sorted(
        (t for t in targets if number_of(t.value, indicator.direction) is not None),
        key=lambda t: (t.document not in documents, _BASIS_ORDER.get(t.basis, 9), t.document),
    )
    target = candidates[0] if candidates else None
    return Plan(
        year=year,
        scope=scope,
        pieces=tuple(pieces),
        target=number_of(target.value, indicator.direction) if target else None,
        target_text=value_in_unit(target.value) if target else "",
        targets=tuple(candidates),
    )


def latest_figure(figures: list[ActualFigure]) -> ActualFigure:
    return max(figures, key=lambda f: (f.period.end, -f.period.start.toordinal(), f.published, f.period.code, f.scope))
