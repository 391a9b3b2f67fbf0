"""Which targets and scenario values are in force on a date, and the bases they are set on.

A plan changes during the year: a later document revises a target (budget revenue 118.079,279 →
129.519,3 tỷ), a merged territory gets its own (GRDP 12,35 % for Hải Phòng from 01/07/2025), the
next year's plan arrives while the year is being closed. Every value carries the day its document
was issued (``issued``; None: undated, the earliest). On a date, the one in force for
(indicator, year, basis, scope) is the latest issued on or before that date; for a scenario value
per (indicator, period, scope). A value issued after the date does not exist yet for that date,
except a scope's first target (``targets_in_force``): with nothing in force for the scope, it stands
for its whole year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Comparator, ScenarioValue, Target, TargetBasis, Value
from kehoach.domain.numbers import format_number
from kehoach.domain.territories import Territory

BASIS_LABELS = {
    TargetBasis.CENTRAL: "dự toán/chỉ tiêu Trung ương giao",
    TargetBasis.COUNCIL: "dự toán/chỉ tiêu HĐND giao",
    TargetBasis.STRETCH: "chỉ tiêu phấn đấu",
}
SCENARIO_LABEL = "kịch bản"
_EARLIEST = date.min


def _issued(value) -> date:
    return value.issued or _EARLIEST


def targets_in_force(targets: Iterable[Target], as_of: date) -> list[Target]:
    """Per (indicator, year, basis, scope): the target of the latest document issued by ``as_of``.

    A scope's first target is not a revision: while a (indicator, year, scope) has no target issued by
    ``as_of``, its earliest-issued target stands for the whole year. The merged city's 12,35 % GRDP
    target was set in July 2025 but is known from a source published in January 2026; it is what the
    merged city's figures of the second half of 2025 are judged against, since nothing else was ever in
    force for that scope. A later value of a scope that already has one is a revision, in force only
    from its own date."""
    targets = list(targets)
    best: dict[tuple, Target] = {}
    for t in targets:
        if _issued(t) > as_of:
            continue
        key = (t.indicator, t.year, t.basis, t.scope)
        current = best.get(key)
        if current is None or (_issued(t), t.document) > (_issued(current), current.document):
            best[key] = t
    planned = {(t.indicator, t.year, t.scope) for t in best.values()}
    first: dict[tuple, Target] = {}
    for t in targets:
        key = (t.indicator, t.year, t.scope)
        if key in planned:
            continue
        current = first.get(key)
        if current is None or (_issued(t), t.basis, t.document) < (_issued(current), current.basis, current.document):
            first[key] = t
    return [*best.values(), *first.values()]


COMPOSED = "tổng chỉ tiêu của các địa bàn hợp thành"


def composed_targets(targets: Iterable[Target], territories: Iterable[Territory]) -> list[Target]:
    """Year targets of a composed territory that has none of its own, as the sum of its parts' (additive
    indicators only; the caller decides): for (indicator, year, basis), when the territory existed in the
    year, every part has a target of that basis and the whole has no target at all for the year.
    ``territories``: the stored territories (their members and validity dates), handed in by the caller. Investment 2025 of Hải Phòng from
    01/07/2025 = 240.000 (old city) + 80.850 (old Hải Dương) = 320.850 tỷ đồng. The document names the
    parts' documents; the value is in force from the latest of them (``issued``)."""
    targets = list(targets)
    own = {(t.indicator, t.year, t.scope) for t in targets}
    by_part: dict[tuple, Target] = {}
    for t in targets:
        key = (t.indicator, t.year, t.basis, t.scope)
        if t.value.is_number and (key not in by_part or _issued(t) > _issued(by_part[key])):
            by_part[key] = t
    out = []
    for territory in territories:
        whole, parts = territory.name, territory.members
        if not parts:
            continue
        for indicator, year, basis in {(t.indicator, t.year, t.basis) for t in targets if t.scope in parts}:
            if (indicator, year, whole) in own or not territory.exists_during(date(year, 1, 1), date(year, 12, 31)):
                continue
            pieces = [by_part.get((indicator, year, basis, part)) for part in parts]
            if not pieces or any(p is None or p.value.comparator != Comparator.EQ for p in pieces):
                continue
            total = sum((p.value.low for p in pieces), Decimal(0))
            text = format_number(total.normalize())
            document = " + ".join(f"{p.scope}: {p.value.text} ({p.document})" for p in pieces)
            issued = max((p.issued for p in pieces if p.issued), default=None)
            out.append(Target(indicator=indicator, year=year, basis=basis, scope=whole, document=document,
                              value=Value(text=text, comparator=Comparator.EQ, low=total, high=total,
                                          note=COMPOSED),
                              issued=issued))
    return out


def scenario_in_force(values: Iterable[ScenarioValue], as_of: date) -> list[ScenarioValue]:
    """Per (indicator, period, scope): the scenario value of the latest document issued by ``as_of``."""
    best: dict[tuple, ScenarioValue] = {}
    for s in values:
        if _issued(s) > as_of:
            continue
        key = (s.indicator, s.period, s.scope)
        current = best.get(key)
        if current is None or (_issued(s), s.document) > (_issued(current), current.document):
            best[key] = s
    return list(best.values())
