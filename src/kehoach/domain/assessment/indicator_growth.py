"""Growth rates and indices: never summed; the same span against the trajectory, in points.

See ``indicators`` for the rules; the ratings are decided in ``rules``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Indicator, MeasureKind

from .indicator_plan import Plan, latest_figure
from .indicator_text import WITHIN_PRECISION, YEAR_COMPLETE, compare_words, no_scenario, num, points, rate, reached
from .model import ActualFigure, IndicatorAssessment, number_of
from .precision import interval, rounded_gap, within
from .rules import Rating, Thresholds, good_gap, rate_growth, sign

GROWTH_PROJECTION = (
    "Dự báo cả năm = w × lũy kế thực hiện + (1 − w) × mức kịch bản các tháng còn lại, "
    "w = số tháng đã qua ÷ 12 (xấp xỉ các tháng có trọng số bằng nhau)"
)
GROWTH_REST = (
    "Mức cần đạt các tháng còn lại = (chỉ tiêu năm − w × lũy kế thực hiện) ÷ (1 − w), "
    "w = số tháng đã qua ÷ 12 (xấp xỉ các tháng có trọng số bằng nhau)"
)

_TWELVE = Decimal(12)


def assess_growth(indicator: Indicator, plan: Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    direction = indicator.direction
    index = indicator.kind == MeasureKind.INDEX
    compared = [f for f in figures if plan.exact(f.period) is not None]
    cumulative = [f for f in figures if f.period.is_cumulative and f.period.start == date(plan.year, 1, 1)]
    if not compared and not plan.pieces and plan.target is not None and cumulative:
        return _growth_against_target(indicator, plan, figures, cumulative, base, t)
    if not compared:
        latest = latest_figure(figures)
        value = number_of(latest.value, direction)
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=(
                f"Số liệu {latest.period.words} ({rate(value, index, latest.qualifier)}) không trùng kỳ với "
                "kịch bản nên không so sánh (tốc độ tăng, chỉ số không cộng dồn)."
            ),
            comparable=False,
            figure_scope=latest.scope,
            period=latest.period,
            actual=value,
            qualifier=latest.qualifier,
            uncompared=tuple(f.period.code for f in figures),
        )
    latest_end = max(f.period.end for f in compared)
    period_fig = min(
        (f for f in compared if f.period.end == latest_end),
        key=lambda f: (-f.period.start.toordinal(), -f.published.toordinal(), f.period.code),
    )
    cumulative = [f for f in compared if f.period.is_cumulative]
    ytd_fig = (
        max(cumulative, key=lambda f: (f.period.end, f.published, f.period.code)) if cumulative else None
    )
    basis = ytd_fig or period_fig
    actual = number_of(basis.value, direction)
    scenario = plan.exact(basis.period)
    annual_scenario = plan.exact(plan.year_span)
    target = plan.target if plan.target is not None else annual_scenario
    gap = actual - scenario

    required = planned = vs_plan = rest_excess = projection = shortfall = None
    projection_method = rest_method = ""
    if ytd_fig is not None:
        w = Decimal(ytd_fig.period.end.month) / _TWELVE
        if w < 1:
            if target is not None:
                required = (target - w * actual) / (1 - w)
                rest_method = GROWTH_REST
            if annual_scenario is not None:
                planned = (annual_scenario - w * scenario) / (1 - w)
                projection = w * actual + (1 - w) * planned
                projection_method = GROWTH_PROJECTION
            if required is not None and planned is not None:
                vs_plan = required - planned
                rest_excess = sign(direction) * vs_plan
        else:
            projection, projection_method = actual, YEAR_COMPLETE
        if projection is not None and target is not None:
            shortfall = sign(direction) * (target - projection)
    bounds = interval(basis.value, actual, basis.qualifier, additive=True)
    imprecise = within(scenario, bounds) and actual != scenario
    rating = rate_growth(
        Decimal(0) if imprecise else rounded_gap(good_gap(actual, scenario, direction)),
        rounded_gap(shortfall) if shortfall is not None else None,
        rounded_gap(rest_excess) if rest_excess is not None else None,
        t,
    )

    parts = [_growth_phrase(basis, actual, scenario, index, first=True)]
    if ytd_fig is not None and period_fig is not ytd_fig and period_fig.period.end > ytd_fig.period.end:
        parts.append(
            _growth_phrase(
                period_fig, number_of(period_fig.value, direction), plan.exact(period_fig.period), index, first=False
            )
        )
    if required is not None and vs_plan is not None:
        months_left = 12 - ytd_fig.period.end.month
        rest = "tháng 12" if months_left == 1 else f"{months_left} tháng cuối năm"
        need = f"cần đạt chỉ số {num(required)}" if index else f"cần tăng {num(required)}%"
        shown = rounded_gap(vs_plan)
        more = "cao hơn" if shown > 0 else "thấp hơn" if shown < 0 else "bằng"
        diff = f" {num(abs(vs_plan))} {points(index)}" if shown else ""
        parts.append(f"{rest} {need}, {more} kịch bản{diff}")
    if imprecise:
        parts.append(WITHIN_PRECISION)
    uncompared = tuple(f.period.code for f in figures if plan.exact(f.period) is None)
    return IndicatorAssessment(
        **base,
        rating=rating,
        reason="; ".join(parts) + ".",
        comparable=True,
        figure_scope=plan.scope,
        period=period_fig.period,
        actual=number_of(period_fig.value, direction),
        qualifier=period_fig.qualifier,
        scenario=plan.exact(period_fig.period),
        ytd_period=ytd_fig.period if ytd_fig else None,
        ytd_actual=actual if ytd_fig else None,
        ytd_qualifier=ytd_fig.qualifier if ytd_fig else "",
        ytd_scenario=scenario if ytd_fig else None,
        annual_target=target,
        annual_scenario=annual_scenario,
        gap=gap,
        required_rest=required,
        planned_rest=planned,
        required_rest_vs_plan=vs_plan,
        rest_method=rest_method,
        projection=projection,
        projection_method=projection_method,
        uncompared=uncompared,
    )


def _growth_against_target(indicator: Indicator, plan: Plan, figures, cumulative, base: dict, t: Thresholds):
    """A growth rate or index of a scope with a year target and no scenario: the latest cumulative
    figure against the year target (the points it is short of, and what the rest of the year needs)."""
    direction = indicator.direction
    index = indicator.kind == MeasureKind.INDEX
    fig = max(cumulative, key=lambda f: (f.period.end, f.published, f.period.code))
    actual = number_of(fig.value, direction)
    target = plan.target
    gap = actual - target
    w = Decimal(fig.period.end.month) / _TWELVE
    required = rest_method = None
    if w < 1:
        required = (target - w * actual) / (1 - w)
        rest_method = GROWTH_REST
    rating = rate_growth(rounded_gap(good_gap(actual, target, direction)), None, None, t)
    label = fig.period.label_vi
    if index:
        head = f"Chỉ số {label[0].lower() + label[1:]} {reached(fig.qualifier)} {num(actual)} (cùng kỳ = 100)"
        shown = num(target)
    else:
        verb = "giảm" if actual < 0 else "tăng"
        estimate = "ước " if fig.qualifier == "ước" else ""
        head = f"{label[0].upper() + label[1:]} {estimate}{verb} {num(abs(actual))}%"
        shown = f"{num(target)}%"
    parts = [f"{head}, {compare_words(gap, index)} chỉ tiêu năm ({shown})"]
    if required is not None:
        months_left = 12 - fig.period.end.month
        rest = "tháng 12" if months_left == 1 else f"{months_left} tháng cuối năm"
        parts.append(f"{rest} cần {'đạt chỉ số ' + num(required) if index else 'tăng ' + num(required) + '%'}")
    parts.append(f"{no_scenario(plan.scope)}, đánh giá theo chỉ tiêu năm")
    return IndicatorAssessment(
        **base,
        rating=rating,
        reason="; ".join(parts) + ".",
        comparable=True,
        has_scenario=False,
        annual_target_text=plan.target_text,
        figure_scope=plan.scope,
        period=fig.period,
        actual=actual,
        qualifier=fig.qualifier,
        ytd_period=fig.period,
        ytd_actual=actual,
        ytd_qualifier=fig.qualifier,
        annual_target=target,
        gap=gap,
        required_rest=required,
        rest_method=rest_method or "",
        projection=actual if w == 1 else None,
        projection_method=YEAR_COMPLETE if w == 1 else "",
        uncompared=tuple(f.period.code for f in figures if f is not fig),
    )


def _growth_phrase(figure: ActualFigure, actual: Decimal, scenario: Decimal, index: bool, first: bool) -> str:
    label = figure.period.label_vi
    label = label[0].upper() + label[1:] if first else label[0].lower() + label[1:]
    if index:
        lead = "Chỉ số" if first else "chỉ số"
        head = f"{lead} {label[0].lower() + label[1:]} {reached(figure.qualifier)} {num(actual)} (cùng kỳ = 100)"
        shown = num(scenario)
    else:
        verb = "giảm" if actual < 0 else "tăng"
        estimate = "ước " if figure.qualifier == "ước" else ""
        extra = f"{figure.qualifier} " if figure.qualifier and figure.qualifier != "ước" else ""
        head = f"{label} {estimate}{verb} {extra}{num(abs(actual))}%"
        shown = f"{num(scenario)}%"
    return f"{head}, {compare_words(actual - scenario, index)} kịch bản ({shown})"
