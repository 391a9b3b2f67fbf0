"""Flows (additive indicators): year to date against the trajectory, the rest of the year, the projection.

See ``indicators`` for the rules; the ratings are decided in ``rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from kehoach.domain.entities import Direction, Indicator

from .indicator_plan import Plan, latest_figure
from .indicator_text import WITHIN_PRECISION, YEAR_COMPLETE, amount, no_scenario, percent, reached
from .model import ActualFigure, FigurePeriod, IndicatorAssessment, number_of
from .precision import interval, rounded_ratio, within
from .rules import Rating, Thresholds, good_ratio, rate_flow, sign

FLOW_PROJECTION = "Dự báo cả năm = lũy kế thực hiện ÷ lũy kế kịch bản × kịch bản cả năm"
FLOW_REST = "Cần thực hiện = chỉ tiêu năm − lũy kế thực hiện; kế hoạch = kịch bản cả năm − lũy kế kịch bản"
NO_SCENARIO_PROJECTION = "Dự báo cả năm = lũy kế thực hiện ÷ số tháng đã qua × 12 (chưa có kịch bản)"

_ONE_DAY = timedelta(days=1)
_HUNDRED = Decimal(100)
_TWELVE = Decimal(12)


def assess_flow(indicator: Indicator, plan: Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    direction, unit = indicator.direction, indicator.unit
    jan1 = date(plan.year, 1, 1)
    aligned = [f for f in figures if f.period.month_aligned]
    actual_chains = _chains([(f.period, f) for f in aligned], jan1, _figure_rank)
    plan_chains = _chains(list(plan.pieces), jan1, _piece_rank)
    ends = sorted(actual_chains, reverse=True)
    chosen = next((d for d in ends if d in plan_chains), None)
    if chosen is None and not plan.pieces and ends:
        chosen = ends[0]
    if chosen is None:
        latest = latest_figure(figures)
        value = number_of(latest.value, direction)
        why = (
            "không phải kỳ tròn tháng tính từ đầu năm"
            if not (latest.period.month_aligned and latest.period.is_cumulative)
            else "không trùng kỳ với kịch bản"
        )
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=(
                f"Số liệu {latest.period.words} ({amount(value, unit, latest.qualifier)}) {why} "
                "nên không so sánh với kịch bản."
            ),
            comparable=False,
            figure_scope=latest.scope,
            period=latest.period,
            actual=value,
            qualifier=latest.qualifier,
            uncompared=tuple(f.period.code for f in figures),
        )

    chain = actual_chains[chosen]
    ytd_actual = sum((number_of(f.value, direction) for f in chain), Decimal(0))
    qualifier = _combined_qualifier(f.qualifier for f in chain)
    ytd_period = FigurePeriod.ytd_to(plan.year, chosen.month)
    ytd_scenario = _sum(plan_chains.get(chosen))
    annual_scenario = _sum(plan_chains.get(date(plan.year, 12, 31)))
    target = plan.target if plan.target is not None else annual_scenario
    months = chosen.month

    # The latest single period ending on the assessed day, with its trajectory value.
    last = min(
        (f for f in aligned if f.period.end == chosen),
        key=lambda f: (-f.period.start.toordinal(), -f.published.toordinal(), f.period.code),
    )
    last_actual = number_of(last.value, direction)
    last_scenario = _sum(_chains(list(plan.pieces), last.period.start, _piece_rank).get(chosen))

    uncompared = tuple(f.period.code for f in figures if f.period.end > chosen)
    pct = ytd_actual / target * _HUNDRED if target else None
    ratio = ytd_actual / ytd_scenario if ytd_scenario else None
    gap = ytd_actual - ytd_scenario if ytd_scenario is not None else None

    required = planned = vs_plan = rest_excess = None
    projection = projection_shortfall = None
    projection_method = ""
    if months < 12:
        if target is not None:
            required = target - ytd_actual
        if annual_scenario is not None and ytd_scenario is not None:
            planned = annual_scenario - ytd_scenario
        if required is not None and planned is not None and planned > 0:
            vs_plan = required / planned - 1
            rest_excess = sign(direction) * (required - planned) / planned
        if ytd_scenario and annual_scenario is not None:
            projection = ytd_actual / ytd_scenario * annual_scenario
            projection_method = FLOW_PROJECTION
    else:
        projection, projection_method = ytd_actual, YEAR_COMPLETE
    if projection is not None and target:
        projection_shortfall = sign(direction) * (target - projection) / abs(target)

    imprecise = False
    linear = None
    if ytd_scenario is None and not plan.pieces and target:
        # No scenario for this scope: judged against the year target spread evenly over the months.
        linear = target * Decimal(months) / _TWELVE
        projection = ytd_actual / Decimal(months) * _TWELVE if months < 12 else ytd_actual
        projection_method = NO_SCENARIO_PROJECTION if months < 12 else YEAR_COMPLETE
        projection_shortfall = sign(direction) * (target - projection) / abs(target)
        rating = rate_flow(rounded_ratio(good_ratio(ytd_actual, linear, direction)),
                           rounded_ratio(projection_shortfall), None, t)
    elif ytd_scenario is None:
        rating = Rating.KHONG_SO_SANH
    else:
        # Rated on the figures as printed (rounded once) and within the figures' own precision.
        bounds = _chain_interval(chain, direction)
        imprecise = within(ytd_scenario, bounds) and ytd_actual != ytd_scenario
        measure = Decimal(1) if imprecise else rounded_ratio(good_ratio(ytd_actual, ytd_scenario, direction))
        rating = rate_flow(
            measure,
            rounded_ratio(projection_shortfall) if projection_shortfall is not None else None,
            rounded_ratio(rest_excess) if rest_excess is not None else None,
            t,
        )

    reason = _flow_reason(
        unit, months, ytd_actual, qualifier, ytd_scenario, ratio, required, planned, vs_plan, target, pct,
        [f for f in figures if f.period.end > chosen and not f.period.month_aligned], direction,
    )
    if imprecise:
        reason = reason[:-1] + f"; {WITHIN_PRECISION}."
    if linear is not None:
        reason = reason[:-1] + f"; {no_scenario(plan.scope)}, đánh giá theo chỉ tiêu năm chia đều các tháng."
    return IndicatorAssessment(
        **base,
        rating=rating,
        reason=reason,
        comparable=ytd_scenario is not None or linear is not None,
        has_scenario=bool(plan.pieces),
        annual_target_text=plan.target_text,
        figure_scope=plan.scope,
        period=last.period,
        actual=last_actual,
        qualifier=last.qualifier,
        scenario=last_scenario,
        ytd_period=ytd_period,
        ytd_actual=ytd_actual,
        ytd_qualifier=qualifier,
        ytd_scenario=ytd_scenario,
        ytd_ratio=ratio,
        annual_target=target,
        annual_scenario=annual_scenario,
        pct_of_year_target=pct,
        gap=gap,
        required_rest=required,
        planned_rest=planned,
        required_rest_vs_plan=vs_plan,
        rest_method=FLOW_REST if required is not None else "",
        projection=projection,
        projection_method=projection_method,
        uncompared=uncompared,
    )


def _flow_reason(unit, months, ytd, qualifier, ytd_scenario, ratio, required, planned, vs_plan, target, pct,
                 cutoffs, direction) -> str:
    head = f"Lũy kế {months} tháng {reached(qualifier)} {amount(ytd, unit)}"
    if months == 12:
        head = f"Cả năm {reached(qualifier)} {amount(ytd, unit)}"
    parts = []
    if ratio is not None:
        parts.append(f"{head}, bằng {percent(ratio * _HUNDRED)} kịch bản ({amount(ytd_scenario, unit)})")
    elif pct is not None and months < 12:
        parts.append(f"{head}, bằng {percent(pct)} chỉ tiêu năm ({amount(target, unit)})")
    else:
        parts.append(f"{head}, chưa có kịch bản cùng kỳ để so sánh")
    rest = "tháng 12" if months == 11 else f"{12 - months} tháng cuối năm"
    if months == 12 and pct is not None:
        parts.append(f"bằng {percent(pct)} chỉ tiêu năm ({amount(target, unit)})")
    elif required is not None and required <= 0 and direction == Direction.HIGHER:
        parts.append(f"đã vượt chỉ tiêu năm ({amount(target, unit)})")
    elif required is not None and vs_plan is not None:
        shown = rounded_ratio(vs_plan)
        more = "cao hơn" if shown > 0 else "thấp hơn" if shown < 0 else "bằng"
        how = f"{more} {percent(abs(vs_plan) * _HUNDRED)} so với" if shown else "bằng"
        parts.append(f"{rest} cần {amount(required, unit)}, {how} kịch bản ({amount(planned, unit)})")
    elif required is not None and pct is not None and ratio is None:
        parts.append(f"{rest} cần {amount(required, unit)}")
    elif required is not None and pct is not None:
        parts.append(f"bằng {percent(pct)} chỉ tiêu năm; {rest} cần {amount(required, unit)}")
    for f in cutoffs:
        value = number_of(f.value, direction)
        parts.append(
            f"số liệu {f.period.words} ({amount(value, unit, f.qualifier)}) không trùng kỳ kịch bản tháng nên "
            "chưa so sánh"
        )
    return "; ".join(parts) + "."


def _chains(pieces, start: date, rank) -> dict[date, list]:
    """Consecutive pieces (FigurePeriod, item) from ``start``: for each end day reached, the best chain.

    Best: fewest pieces, then ``rank`` (smaller first). Pieces are visited in order of their
    first day, so every chain a piece extends is complete when the piece is visited.
    """
    best: dict[date, list] = {start - _ONE_DAY: []}
    for fp, item in sorted(pieces, key=lambda p: (p[0].start, p[0].end, p[0].code)):
        before = best.get(fp.start - _ONE_DAY)
        if before is None or fp.start < start:
            continue
        candidate = [*before, (fp, item)]
        current = best.get(fp.end)
        if current is None or (len(candidate), rank(candidate)) < (len(current), rank(current)):
            best[fp.end] = candidate
    del best[start - _ONE_DAY]
    return {end: [item for _, item in chain] for end, chain in best.items()}


def _figure_rank(chain) -> tuple:
    # Fresher first, then the codes for a deterministic choice.
    return (-max(f.published for _, f in chain).toordinal(), tuple(fp.code for fp, _ in chain))


def _piece_rank(chain) -> tuple:
    return tuple(fp.code for fp, _ in chain)


def _sum(numbers: list[Decimal] | None) -> Decimal | None:
    return sum(numbers, Decimal(0)) if numbers is not None else None


def _combined_qualifier(qualifiers: Iterable[str]) -> str:
    """One piece's qualifier as published; a sum of pieces with different qualifiers is "khoảng"."""
    distinct = set(qualifiers)
    if len(distinct) == 1:
        return distinct.pop()
    return "khoảng" if distinct - {""} else ""


def _chain_interval(chain: list[ActualFigure], direction: Direction) -> tuple[Decimal, Decimal]:
    """Where the true sum of a chain of published figures lies (``precision.interval`` of each)."""
    low = high = Decimal(0)
    for f in chain:
        a, b = interval(f.value, number_of(f.value, direction), f.qualifier)
        low, high = low + a, high + b
    return low, high
