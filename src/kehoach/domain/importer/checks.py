"""Consistency checks run on what was imported. They only warn: the source is kept as written.

- a flow indicator's months must add up to their quarter, and its quarters to 6 months,
  9 months and the year, within the rounding of the printed numbers;
- a target that another document sets differently for the same indicator, year and territory.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import (
    Comparator,
    Document,
    Finding,
    Indicator,
    MeasureKind,
    ScenarioValue,
    Target,
    Value,
)
from kehoach.domain.numbers import format_number


def _parts(year: str) -> dict[str, list[str]]:
    quarters = {f"{year}-Q{q}": [f"{year}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)] for q in range(1, 5)}
    q = [f"{year}-Q{i}" for i in range(1, 5)]
    return {
        **quarters,
        f"{year}-H1": q[:2],
        f"{year}-H2": q[2:],
        f"{year}-9M": q[:3],
        year: q,
    }


def check_scenario_sums(scenarios: list[ScenarioValue], indicators: dict[str, Indicator]) -> list[Finding]:
    findings: list[Finding] = []
    by_series: dict[tuple[str, str], dict[str, ScenarioValue]] = defaultdict(dict)
    for s in scenarios:
        by_series[(s.indicator, s.document)][s.period] = s
    for (key, _document), series in by_series.items():
        indicator = indicators.get(key)
        if indicator is None or indicator.kind != MeasureKind.FLOW:
            continue
        years = {p.split("-")[0] for p in series}
        for year in sorted(years):
            for total_code, part_codes in _parts(year).items():
                total = series.get(total_code)
                parts = [series.get(c) for c in part_codes]
                if total is None or any(p is None for p in parts):
                    continue
                problem = _sum_problem(total.value, [p.value for p in parts])
                if problem:
                    findings.append(Finding(
                        "scenario-sum",
                        f"{indicator.name}: {' + '.join(part_codes)} = {problem[0]}, but {total_code} is "
                        f"{total.value.text!r} ({problem[1]})",
                        total.location,
                    ))
    return findings


def _half_unit(*values: Decimal | None) -> Decimal:
    """Half a unit of the last printed digit of each value: how far rounding may have moved them."""
    return sum((Decimal(5).scaleb(v.as_tuple().exponent - 1) for v in values if v is not None), Decimal(0))


def _sum_problem(total: Value, parts: list[Value]) -> tuple[str, str] | None:
    if any(p.comparator not in (Comparator.EQ, Comparator.RANGE) for p in parts):
        return None
    low = sum((p.low for p in parts), Decimal(0))
    high = sum((p.high if p.high is not None else p.low for p in parts), Decimal(0))
    written = format_number(low) if low == high else f"{format_number(low)}-{format_number(high)}"
    if total.comparator in (Comparator.EQ, Comparator.RANGE):
        t_low, t_high = total.low, total.high if total.high is not None else total.low
        tolerance_low = _half_unit(t_low, *(p.low for p in parts))
        tolerance_high = _half_unit(t_high, *((p.high or p.low) for p in parts))
        if total.comparator == Comparator.EQ and low != high:  # ranges adding up to one planned figure
            inside = low - tolerance_low <= t_low <= high + tolerance_high
            return None if inside else (written, "outside the range")
        if abs(low - t_low) > tolerance_low or abs(high - t_high) > tolerance_high:
            return written, "beyond rounding"
        return None
    if total.comparator in (Comparator.GT, Comparator.GE) and total.low is not None and high < total.low:
        return written, "below the bound"
    if total.comparator in (Comparator.LT, Comparator.LE) and total.high is not None and low > total.high:
        return written, "above the bound"
    return None


def check_target_history(targets: list[Target], documents: list[Document]) -> list[Finding]:
    """Targets for the same indicator, year and territory that differ between documents."""
    dated = {d.key: d for d in documents}
    findings: list[Finding] = []
    groups: dict[tuple[str, int, str], list[Target]] = defaultdict(list)
    for t in targets:
        groups[(t.indicator, t.year, t.scope)].append(t)
    for (indicator, year, _scope), items in groups.items():
        items.sort(key=lambda t: (dated[t.document].date or date.min, t.document))  # undated first
        for earlier, later in zip(items, items[1:], strict=False):
            if earlier.document == later.document or _same(earlier.value, later.value):
                continue
            relation = ("supersedes it (same basis)" if earlier.basis == later.basis
                        else f"stands beside it (basis {later.basis.value} vs {earlier.basis.value})")
            findings.append(Finding(
                "target-changed",
                f"{indicator} {year}: {later.document} sets {later.value.text!r}, {earlier.document} set "
                f"{earlier.value.text!r}; the later target {relation}",
                later.location,
            ))
    return findings


def _same(a: Value, b: Value) -> bool:
    return (a.comparator, a.low, a.high) == (b.comparator, b.low, b.high) or (
        a.comparator == b.comparator == Comparator.TEXT and a.text == b.text
    )
