"""The targets of every basis side by side, and the closed year's verdict (đạt / không đạt)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.numbers import value_in_unit

from .indicator_plan import Plan
from .indicator_text import amount, compare_words, num, percent
from .model import VERDICT_MET, VERDICT_MISSED, IndicatorAssessment, TargetComparison, number_of
from .plans import BASIS_LABELS, SCENARIO_LABEL
from .precision import rounded_gap, rounded_ratio
from .rules import good_gap, good_ratio

_HUNDRED = Decimal(100)


def with_targets_and_verdict(indicator: Indicator, a: IndicatorAssessment, plan: Plan, targets, valid,
                              as_of: date) -> IndicatorAssessment:
    """Every basis in force for the rated scope side by side, and the closed year's verdict.

    The verdict is given once the year's figure is in (a full-year figure, or the cumulative one to
    31/12), against each target in force; the main one (``Plan.target``) decides it. A figure of a
    period not ended, or labelled "ước", makes it an estimate. After 31/12 without the year's figure a
    flow already past its target is "đạt"; otherwise no verdict yet.
    """
    if not a.comparable:
        return a
    direction, unit = indicator.direction, indicator.unit
    additive = indicator.kind == MeasureKind.FLOW
    actual = a.ytd_actual if a.ytd_actual is not None else a.actual
    if actual is None:
        return a
    percentage = indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX) or (
        indicator.kind == MeasureKind.LEVEL and "%" in unit)
    year_end = date(plan.year, 12, 31)
    period = a.ytd_period or a.period
    full_year = period is not None and period.end == year_end and (
        period.start == date(plan.year, 1, 1) or indicator.kind == MeasureKind.LEVEL)
    closed = full_year or (as_of > year_end and additive)
    rows = []
    values = [(t.basis.value, BASIS_LABELS.get(t.basis, t.basis.value), value_in_unit(t.value), t.document,
               number_of(t.value, direction)) for t in plan.targets]
    annual_scenario = plan.exact(plan.year_span)
    if annual_scenario is not None:
        text = next((str(num(n)) for fp, n in plan.pieces if fp.same_span(plan.year_span)), "")
        values.append(("kich_ban", SCENARIO_LABEL, text, "", annual_scenario))
    for basis, label, text, document, value in values:
        pct = gap = met = None
        if percentage:
            gap = actual - value
            if closed:
                met = good_gap(actual, value, direction) >= 0 or rounded_gap(gap) == 0
        else:
            pct = actual / value * _HUNDRED if value else None
            if closed:
                met = good_ratio(actual, value, direction) >= 1 or (
                    pct is not None and rounded_ratio(pct / _HUNDRED) == 1)
            if closed and not full_year and not met:
                met = None  # the year ended without its figure: only a flow already past the target is sure
        rows.append(TargetComparison(basis=basis, basis_label=label, scope=plan.scope, value=value, text=text,
                                     document=document, pct=pct, gap=gap, met=met))
    a = replace(a, targets=tuple(rows))
    main = rows[0] if rows and plan.targets else None
    if main is None or main.met is None:
        if as_of > year_end and not full_year:
            return replace(a, reason=a.reason[:-1] + f"; chưa có số liệu cả năm {plan.year} để kết luận.")
        return a
    figures = [f for f in valid if f.scope == plan.scope and f.period.end <= (period.end if period else year_end)]
    estimate = a.ytd_qualifier == "ước" or a.qualifier == "ước" or any(
        f.qualifier == "ước" for f in figures if f.period.end == (period.end if period else year_end))
    verdict = VERDICT_MET if main.met else VERDICT_MISSED
    a = replace(a, verdict=verdict, verdict_estimate=estimate)
    details = []
    for r in rows:
        if r.gap is not None:
            words = compare_words(r.gap, indicator.kind == MeasureKind.INDEX)
            shown = f"{num(r.value)}" if indicator.kind == MeasureKind.INDEX else f"{num(r.value)}%"
            details.append(f"{words} {r.basis_label} ({shown})")
        elif r.pct is not None:
            details.append(f"bằng {percent(r.pct)} {r.basis_label} ({amount(r.value, unit)})")
    head = f"Năm {plan.year}: {a.verdict_label}"
    return replace(a, reason=f"{head} ({'; '.join(details)}). {a.reason}")
