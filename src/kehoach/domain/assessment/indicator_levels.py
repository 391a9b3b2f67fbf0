"""Levels and ratios: judged at the period's end against the trajectory, else the annual target.

See ``indicators`` for the rules; the ratings are decided in ``rules``.
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.domain.entities import Direction, Indicator

from .indicator_plan import Plan
from .indicator_text import WITHIN_PRECISION, amount, num, percent, reached, unit_words
from .model import ActualFigure, IndicatorAssessment, number_of
from .precision import interval, rounded_gap, rounded_ratio, within
from .rules import Rating, Thresholds, good_gap, good_ratio, rate_level, sign

LEVEL_PROJECTION = "Dự báo cuối năm = giữ nguyên mức của kỳ gần nhất"

_HUNDRED = Decimal(100)


def assess_level(indicator: Indicator, plan: Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    direction, unit = indicator.direction, indicator.unit
    percentage = "%" in unit
    latest = min(
        (f for f in figures if f.period.end == max(g.period.end for g in figures)),
        key=lambda f: (-f.period.start.toordinal(), -f.published.toordinal(), f.period.code),
    )
    actual = number_of(latest.value, direction)
    exact = plan.exact(latest.period)
    ending = plan.ending(latest.period.end)
    scenario = exact if exact is not None else (ending[1] if ending else None)
    target = plan.target
    reference = scenario if scenario is not None else target
    if reference is None:
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=f"Chưa có kịch bản hoặc chỉ tiêu để so sánh số liệu {latest.period.words}.",
            comparable=False,
            figure_scope=latest.scope,
            period=latest.period,
            actual=actual,
            qualifier=latest.qualifier,
        )
    imprecise = within(reference, interval(latest.value, actual, latest.qualifier)) and actual != reference
    if percentage:
        measure = Decimal(0) if imprecise else rounded_gap(good_gap(actual, reference, direction))
        shortfall = rounded_gap(sign(direction) * (target - actual)) if target is not None else None
    else:
        measure = Decimal(1) if imprecise else rounded_ratio(good_ratio(actual, reference, direction))
        shortfall = rounded_ratio(1 - good_ratio(actual, target, direction)) if target is not None else None
    rating = rate_level(measure, shortfall, percentage, t)

    what = "kịch bản" if scenario is not None else "chỉ tiêu năm"
    diff = actual - reference
    if (rounded_gap(diff) if percentage else rounded_ratio(actual / reference) - 1 if reference else diff) == 0:
        compared = f"bằng {what} ({amount(reference, unit)})"
    elif percentage:
        compared = (
            f"{'cao hơn' if diff > 0 else 'thấp hơn'} {what} ({amount(reference, unit)}) {num(abs(diff))} điểm %"
        )
    else:
        compared = f"bằng {percent(actual / reference * _HUNDRED)} {what} ({amount(reference, unit)})"
    if direction == Direction.LOWER:
        compared += " (chỉ tiêu càng thấp càng tốt)"
    label = latest.period.label_vi
    reason = f"{label[0].upper() + label[1:]} {reached(latest.qualifier)} {amount(actual, unit)}, {compared}"
    if scenario is not None and target is not None:
        reason += f"; chỉ tiêu năm {plan.target_text}{'' if unit == '%' else ' '}{unit_words(unit)}"
    if imprecise:
        reason += f"; {WITHIN_PRECISION}"
    return IndicatorAssessment(
        **base,
        rating=rating,
        reason=reason + ".",
        comparable=True,
        figure_scope=plan.scope,
        period=latest.period,
        actual=actual,
        qualifier=latest.qualifier,
        scenario=scenario,
        annual_target=target,
        annual_scenario=plan.exact(plan.year_span),
        pct_of_year_target=actual / target * _HUNDRED if target else None,
        gap=diff,
        projection=actual,
        projection_method=LEVEL_PROJECTION,
    )
