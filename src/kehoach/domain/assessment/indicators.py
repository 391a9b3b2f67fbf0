"""An indicator assessed as of a date: actual vs trajectory, year to date, projection, rating.

``assess_indicator(indicator, scenario, targets, figures, as_of)`` is a pure function: the same
data and date always give an equal ``IndicatorAssessment``.

Which figures count
-------------------
Only figures of the indicator that are approved and published on or before ``as_of`` count; of
the versions of one figure (indicator, period, scope) the highest version wins (then the latest
published). Text values (no number) are ignored.

Scope
-----
The plan's scope is the trajectory's (else the target's). A figure is compared only with a
trajectory or target of the same scope. When the latest figures are all of another scope (the
merged city's figures after 1/7/2025 against the old city's trajectory), the assessment is
``khong_so_sanh`` and its reason names both scopes: it never rates across scopes. When both
scopes are published for the latest period, the plan's scope is used.

The annual target is the target of the plan's year and scope, preferring the trajectory's own
document, then the stretch basis (phấn đấu); without one, the trajectory's value for the year.
A plan value stands for one number (``model.number_of``): a range is met at its low end (its
high end when lower is better), a bound (``> 10.000``, ``< 3,5``) at its number.

Flows (additive)
----------------
* Year-to-date actual: the cumulative figure from 1 January that ends latest (YTD-m, 01, Q1,
  H1, 9M, year), or a sum of consecutive whole-month figures from January (months, quarters,
  H1 + 07 ...), fewest pieces first. Only month-aligned spans are compared: a cut-off that is
  not a month end (FDI "to 26/4") is kept, listed in ``uncompared`` and named in the reason.
* Year-to-date scenario: the trajectory's value for the same span, or a sum of its values
  (months, quarters, H1, 9M) covering it, fewest pieces first. The latest month end that has
  both is assessed.
* ``required_rest = annual target - ytd actual``; ``planned_rest = annual scenario - ytd
  scenario``; ``required_rest_vs_plan = required / planned - 1``.
* Projection (``FLOW_PROJECTION``): ytd actual / ytd scenario x annual scenario, i.e. the rest
  of the year keeps the ratio to the trajectory reached so far.

Growth rates and indices
------------------------
Never summed. The latest figure is compared with the trajectory's value for exactly the same
span (Q1 with Q1, YTD-06 with H1, 9M with 9 tháng, a month with that month); the rating uses
the latest cumulative one (from January) and the period's comparison is reported alongside.
With w = months elapsed / 12 and equal monthly weights (``GROWTH_REST``):

* ``required_rest = (annual target - w x ytd actual) / (1 - w)``,
  ``planned_rest = (annual scenario - w x ytd scenario) / (1 - w)``, compared in points;
* projection (``GROWTH_PROJECTION``): w x ytd actual + (1 - w) x planned rest: the remaining
  months grow as the trajectory planned.

The same formulas apply to an index (previous year = 100), in index points.

Levels and ratios
-----------------
Judged at the period's end: the latest figure against the trajectory's value of any period
ending on the same day (Q2, H1 or June for 30/6), else against the annual target. Projection
(``LEVEL_PROJECTION``): the latest level holds to the end of the year.

The ratings themselves are decided in ``rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from kehoach.domain.entities import Direction, Indicator, MeasureKind, ScenarioValue, Target, TargetBasis
from kehoach.domain.numbers import format_number, value_in_unit
from kehoach.domain.units import unit_label

from .model import (
    VERDICT_MET,
    VERDICT_MISSED,
    ActualFigure,
    FigurePeriod,
    FigureStatus,
    IndicatorAssessment,
    TargetComparison,
    number_of,
)
from .plans import BASIS_LABELS, SCENARIO_LABEL, scenario_in_force, targets_in_force
from .precision import interval, rounded_gap, rounded_ratio, within
from .rules import DEFAULT, Rating, Thresholds, good_gap, good_ratio, rate_flow, rate_growth, rate_level, sign
from .staleness import decreasing_cumulative, is_stale, next_expected

FLOW_PROJECTION = "Dự báo cả năm = lũy kế thực hiện ÷ lũy kế kịch bản × kịch bản cả năm"
FLOW_REST = "Cần thực hiện = chỉ tiêu năm − lũy kế thực hiện; kế hoạch = kịch bản cả năm − lũy kế kịch bản"
GROWTH_PROJECTION = (
    "Dự báo cả năm = w × lũy kế thực hiện + (1 − w) × mức kịch bản các tháng còn lại, "
    "w = số tháng đã qua ÷ 12 (xấp xỉ các tháng có trọng số bằng nhau)"
)
GROWTH_REST = (
    "Mức cần đạt các tháng còn lại = (chỉ tiêu năm − w × lũy kế thực hiện) ÷ (1 − w), "
    "w = số tháng đã qua ÷ 12 (xấp xỉ các tháng có trọng số bằng nhau)"
)
LEVEL_PROJECTION = "Dự báo cuối năm = giữ nguyên mức của kỳ gần nhất"
YEAR_COMPLETE = "Số liệu cả năm"
NO_SCENARIO_PROJECTION = "Dự báo cả năm = lũy kế thực hiện ÷ số tháng đã qua × 12 (chưa có kịch bản)"

_ONE_DAY = timedelta(days=1)
_HUNDRED = Decimal(100)
_TWELVE = Decimal(12)
_BASIS_ORDER = {TargetBasis.STRETCH: 0, TargetBasis.COUNCIL: 1, TargetBasis.CENTRAL: 2}


def assess_indicator(
    indicator: Indicator,
    scenario: Iterable[ScenarioValue],
    targets: Iterable[Target],
    figures: Iterable[ActualFigure],
    as_of: date,
    thresholds: Thresholds = DEFAULT,
) -> IndicatorAssessment:
    """Assess one indicator as of a date (see the module docstring for every rule)."""
    figures = [f for f in figures if f.indicator == indicator.key]
    scenario = scenario_in_force([s for s in scenario if s.indicator == indicator.key], as_of)
    targets = targets_in_force([t for t in targets if t.indicator == indicator.key], as_of)
    year = _year(scenario, targets, figures, indicator.key, as_of)
    plans = {scope: _plan(indicator, scenario, targets, year, scope) for scope in _scopes(scenario, targets, year)}
    default = _default_scope(scenario, targets, year)
    valid = usable_figures(figures, indicator.key, as_of, year)
    base = {"indicator": indicator.key, "as_of": as_of, "scope": default, "year": year}
    if not valid:
        return IndicatorAssessment(
            **base,
            rating=Rating.CHUA_CO_SO_LIEU,
            reason=f"Chưa có số liệu năm {year} được duyệt đến ngày {as_of:%d/%m/%Y}.",
            comparable=False,
        )
    if not plans:
        latest = _latest(valid)
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason="Chưa có kịch bản hoặc chỉ tiêu năm để so sánh.",
            comparable=False,
            figure_scope=latest.scope,
            period=latest.period,
            actual=number_of(latest.value, indicator.direction),
            qualifier=latest.qualifier,
        )
    results = []
    for scope, plan in plans.items():
        same_scope = [f for f in valid if f.scope == scope]
        if same_scope:
            results.append((plan, _assess_scope(indicator, plan, same_scope, {**base, "scope": scope}, thresholds)))
    comparable = [(p, a) for p, a in results if a.comparable]
    if not results:
        other = _latest(valid)
        value = number_of(other.value, indicator.direction)
        scopes = ", ".join(sorted(plans))
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=(
                f"Số liệu {other.period.words} ({_amount(value, indicator.unit, other.qualifier)}) thuộc phạm vi "
                f"{other.scope}, khác phạm vi của kịch bản và chỉ tiêu ({scopes}) nên không so sánh; chưa có "
                f"kịch bản hoặc chỉ tiêu năm của phạm vi {other.scope} có hiệu lực đến ngày {as_of:%d/%m/%Y}."
            ),
            comparable=False,
            figure_scope=other.scope,
            period=other.period,
            actual=value,
            qualifier=other.qualifier,
        )
    pool = comparable or results
    plan, best = max(pool, key=lambda pa: (_assessed_end(pa[1]), bool(pa[0].pieces), pa[0].scope == default))
    best = _with_targets_and_verdict(indicator, best, plan, targets, valid, as_of)
    beside = _beside(indicator, best, valid, plans)
    if beside:
        best = replace(best, beside=beside, reason=best.reason[:-1] + "; " + "; ".join(beside) + ".")
    return _with_freshness(indicator, best, valid, as_of)


def _with_freshness(indicator: Indicator, a: IndicatorAssessment, valid: list[ActualFigure], as_of: date):
    """"Số liệu cũ" by the indicator's publication rhythm; a cumulative series that goes down (``staleness``)."""
    notes = []
    end = _assessed_end(a)
    if a.period is not None and not a.verdict and is_stale(end, indicator.publication, as_of):
        expected = next_expected(end, indicator.publication)
        notes.append(f"số liệu cũ: kỳ gần nhất kết thúc ngày {end:%d/%m/%Y}, số liệu kỳ tiếp theo lẽ ra đã công bố "
                     f"trước ngày {expected:%d/%m/%Y}")
    warnings = ()
    if indicator.kind == MeasureKind.FLOW:
        warnings = tuple(
            f"số liệu lũy kế {later.period.words} ({_amount(number_of(later.value), indicator.unit, later.qualifier)}) "
            f"thấp hơn {earlier.period.words} ({_amount(number_of(earlier.value), indicator.unit, earlier.qualifier)})"
            f"{'' if later.scope == a.scope else ' của ' + later.scope}: cần kiểm tra lại số liệu"
            for earlier, later in decreasing_cumulative(valid)
        )
    if not notes and not warnings:
        return a
    return replace(a, stale=bool(notes), warnings=warnings,
                   reason=a.reason[:-1] + "; " + "; ".join([*notes, *warnings]) + ".")


def _assess_scope(indicator: Indicator, plan: _Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    if indicator.kind == MeasureKind.FLOW:
        return _assess_flow(indicator, plan, figures, base, t)
    if indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
        return _assess_growth(indicator, plan, figures, base, t)
    return _assess_level(indicator, plan, figures, base, t)


def _assessed_end(a: IndicatorAssessment) -> date:
    if a.ytd_period is not None:
        return a.ytd_period.end
    return a.period.end if a.period is not None else date.min


def _year(scenario, targets, figures, key: str, as_of: date) -> int:
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


def _scopes(scenario, targets, year: int) -> list[str]:
    found = {s.scope for s in scenario if FigurePeriod.parse(s.period).year == year}
    found |= {t.scope for t in targets if t.year == year}
    return sorted(found)


def _default_scope(scenario, targets, year: int) -> str:
    """The scope named when nothing else decides: the first with a scenario, else the first with a target."""
    scopes = sorted({s.scope for s in scenario if FigurePeriod.parse(s.period).year == year}) or sorted(
        {t.scope for t in targets if t.year == year})
    return scopes[0] if scopes else ""


def _beside(indicator: Indicator, best: IndicatorAssessment, valid: list[ActualFigure], plans: dict) -> tuple[str, ...]:
    """The figures shown beside the rated one: per other scope its latest figure (of the same or a later
    period), and of the rated scope a later figure not compared. Never instead of the rated one."""
    end = _assessed_end(best)
    out = []
    for scope in sorted({f.scope for f in valid}):
        mine = [f for f in valid if f.scope == scope and f.period.end >= end]
        if scope == best.scope:
            mine = [f for f in mine if f.period.end > end and f.period.code in best.uncompared]
        if not mine:
            continue
        f = _latest(mine)
        value = number_of(f.value, indicator.direction)
        if indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
            shown = _rate(value, indicator.kind == MeasureKind.INDEX, f.qualifier)
        else:
            shown = _amount(value, indicator.unit, f.qualifier)
        if scope == best.scope:
            why = "không trùng kỳ với kế hoạch nên chưa so sánh"
        elif scope in plans:
            why = "so sánh được với kế hoạch của phạm vi đó nhưng không phải số liệu đánh giá"
        else:
            why = f"chưa có kế hoạch của phạm vi {scope} nên không so sánh"
        where = "" if scope == best.scope else f" của {scope}"
        out.append(f"số liệu {f.period.words}{where}: {shown} ({why})")
    return tuple(out)


def usable_figures(figures: Iterable[ActualFigure], indicator: str, as_of: date, year: int | None = None) -> list[ActualFigure]:
    """The figures that count on ``as_of``: approved, published by then, numeric, latest version each."""
    best: dict[tuple[str, str, str], ActualFigure] = {}
    for f in figures:
        if f.indicator != indicator or f.status != FigureStatus.APPROVED or f.published > as_of:
            continue
        if number_of(f.value) is None or (year is not None and f.period.year != year):
            continue
        current = best.get(f.identity)
        if current is None or (f.version, f.published) > (current.version, current.published):
            best[f.identity] = f
    # A figure published before its period ended is an estimate, whatever its label.
    found = [replace(f, qualifier="ước") if f.published <= f.period.end and not f.qualifier else f
             for f in best.values()]
    return sorted(found, key=lambda f: (f.period.end, f.period.start, f.period.code, f.scope))


# The plan: year, scope, trajectory and annual target ------------------------------------------


@dataclass(frozen=True)
class _Plan:
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


def _plan(indicator: Indicator, scenario: list[ScenarioValue], targets: list[Target], year: int, scope: str) -> _Plan:
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
    return _Plan(
        year=year,
        scope=scope,
        pieces=tuple(pieces),
        target=number_of(target.value, indicator.direction) if target else None,
        target_text=value_in_unit(target.value) if target else "",
        targets=tuple(candidates),
    )


# Flows ------------------------------------------------------------------------------------------


def _assess_flow(indicator: Indicator, plan: _Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
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
        latest = _latest(figures)
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
                f"Số liệu {latest.period.words} ({_amount(value, unit, latest.qualifier)}) {why} "
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
    pct = _ratio(ytd_actual, target) * _HUNDRED if target else None
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
        reason = reason[:-1] + f"; {_WITHIN_PRECISION}."
    if linear is not None:
        reason = reason[:-1] + f"; {_no_scenario(plan.scope)}, đánh giá theo chỉ tiêu năm chia đều các tháng."
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
    head = f"Lũy kế {months} tháng {_reached(qualifier)} {_amount(ytd, unit)}"
    if months == 12:
        head = f"Cả năm {_reached(qualifier)} {_amount(ytd, unit)}"
    parts = []
    if ratio is not None:
        parts.append(f"{head}, bằng {_pct(ratio * _HUNDRED)} kịch bản ({_amount(ytd_scenario, unit)})")
    elif pct is not None and months < 12:
        parts.append(f"{head}, bằng {_pct(pct)} chỉ tiêu năm ({_amount(target, unit)})")
    else:
        parts.append(f"{head}, chưa có kịch bản cùng kỳ để so sánh")
    rest = "tháng 12" if months == 11 else f"{12 - months} tháng cuối năm"
    if months == 12 and pct is not None:
        parts.append(f"bằng {_pct(pct)} chỉ tiêu năm ({_amount(target, unit)})")
    elif required is not None and required <= 0 and direction == Direction.HIGHER:
        parts.append(f"đã vượt chỉ tiêu năm ({_amount(target, unit)})")
    elif required is not None and vs_plan is not None:
        shown = rounded_ratio(vs_plan)
        more = "cao hơn" if shown > 0 else "thấp hơn" if shown < 0 else "bằng"
        how = f"{more} {_pct(abs(vs_plan) * _HUNDRED)} so với" if shown else "bằng"
        parts.append(f"{rest} cần {_amount(required, unit)}, {how} kịch bản ({_amount(planned, unit)})")
    elif required is not None and pct is not None and ratio is None:
        parts.append(f"{rest} cần {_amount(required, unit)}")
    elif required is not None and pct is not None:
        parts.append(f"bằng {_pct(pct)} chỉ tiêu năm; {rest} cần {_amount(required, unit)}")
    for f in cutoffs:
        value = number_of(f.value, direction)
        parts.append(
            f"số liệu {f.period.words} ({_amount(value, unit, f.qualifier)}) không trùng kỳ kịch bản tháng nên "
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


# Growth rates and indices -----------------------------------------------------------------------


def _assess_growth(indicator: Indicator, plan: _Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    direction = indicator.direction
    index = indicator.kind == MeasureKind.INDEX
    compared = [f for f in figures if plan.exact(f.period) is not None]
    cumulative = [f for f in figures if f.period.is_cumulative and f.period.start == date(plan.year, 1, 1)]
    if not compared and not plan.pieces and plan.target is not None and cumulative:
        return _growth_against_target(indicator, plan, figures, cumulative, base, t)
    if not compared:
        latest = _latest(figures)
        value = number_of(latest.value, direction)
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=(
                f"Số liệu {latest.period.words} ({_rate(value, index, latest.qualifier)}) không trùng kỳ với "
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
        need = f"cần đạt chỉ số {_num(required)}" if index else f"cần tăng {_num(required)}%"
        shown = rounded_gap(vs_plan)
        more = "cao hơn" if shown > 0 else "thấp hơn" if shown < 0 else "bằng"
        diff = f" {_num(abs(vs_plan))} {_points(index)}" if shown else ""
        parts.append(f"{rest} {need}, {more} kịch bản{diff}")
    if imprecise:
        parts.append(_WITHIN_PRECISION)
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


def _growth_against_target(indicator: Indicator, plan: _Plan, figures, cumulative, base: dict, t: Thresholds):
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
        head = f"Chỉ số {label[0].lower() + label[1:]} {_reached(fig.qualifier)} {_num(actual)} (cùng kỳ = 100)"
        shown = _num(target)
    else:
        verb = "giảm" if actual < 0 else "tăng"
        estimate = "ước " if fig.qualifier == "ước" else ""
        head = f"{label[0].upper() + label[1:]} {estimate}{verb} {_num(abs(actual))}%"
        shown = f"{_num(target)}%"
    parts = [f"{head}, {_compare_words(gap, index)} chỉ tiêu năm ({shown})"]
    if required is not None:
        months_left = 12 - fig.period.end.month
        rest = "tháng 12" if months_left == 1 else f"{months_left} tháng cuối năm"
        parts.append(f"{rest} cần {'đạt chỉ số ' + _num(required) if index else 'tăng ' + _num(required) + '%'}")
    parts.append(f"{_no_scenario(plan.scope)}, đánh giá theo chỉ tiêu năm")
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
        head = f"{lead} {label[0].lower() + label[1:]} {_reached(figure.qualifier)} {_num(actual)} (cùng kỳ = 100)"
        shown = _num(scenario)
    else:
        verb = "giảm" if actual < 0 else "tăng"
        estimate = "ước " if figure.qualifier == "ước" else ""
        extra = f"{figure.qualifier} " if figure.qualifier and figure.qualifier != "ước" else ""
        head = f"{label} {estimate}{verb} {extra}{_num(abs(actual))}%"
        shown = f"{_num(scenario)}%"
    return f"{head}, {_compare_words(actual - scenario, index)} kịch bản ({shown})"


def _compare_words(diff: Decimal, index: bool) -> str:
    if rounded_gap(diff) == 0:
        return "bằng"
    return f"{'cao hơn' if diff > 0 else 'thấp hơn'} {_num(abs(diff))} {_points(index)} so với"


def _points(index: bool) -> str:
    return "điểm" if index else "điểm %"


def _rate(value: Decimal, index: bool, qualifier: str = "") -> str:
    q = f"{qualifier} " if qualifier else ""
    return f"{q}{_num(value)}" if index else f"{q}{_num(value)}%"


# Levels -----------------------------------------------------------------------------------------


def _assess_level(indicator: Indicator, plan: _Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
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
        compared = f"bằng {what} ({_amount(reference, unit)})"
    elif percentage:
        compared = (
            f"{'cao hơn' if diff > 0 else 'thấp hơn'} {what} ({_amount(reference, unit)}) {_num(abs(diff))} điểm %"
        )
    else:
        compared = f"bằng {_pct(actual / reference * _HUNDRED)} {what} ({_amount(reference, unit)})"
    if direction == Direction.LOWER:
        compared += " (chỉ tiêu càng thấp càng tốt)"
    label = latest.period.label_vi
    reason = f"{label[0].upper() + label[1:]} {_reached(latest.qualifier)} {_amount(actual, unit)}, {compared}"
    if scenario is not None and target is not None:
        reason += f"; chỉ tiêu năm {plan.target_text}{'' if unit == '%' else ' '}{unit_label(unit)}"
    if imprecise:
        reason += f"; {_WITHIN_PRECISION}"
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
        pct_of_year_target=_ratio(actual, target) * _HUNDRED if target else None,
        gap=diff,
        projection=actual,
        projection_method=LEVEL_PROJECTION,
    )


# Helpers ----------------------------------------------------------------------------------------

def _no_scenario(scope: str) -> str:
    return f"chưa có kịch bản của phạm vi {scope}" if scope else "chưa có kịch bản"


def _with_targets_and_verdict(indicator: Indicator, a: IndicatorAssessment, plan: _Plan, targets, valid,
                              as_of: date) -> IndicatorAssessment:
    """Every basis in force for the rated scope side by side, and the closed year's verdict.

    The verdict is given once the year's figure is in (a full-year figure, or the cumulative one to
    31/12), against each target in force; the main one (``_Plan.target``) decides it. A figure of a
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
        text = next((str(_num(n)) for fp, n in plan.pieces if fp.same_span(plan.year_span)), "")
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
            words = _compare_words(r.gap, indicator.kind == MeasureKind.INDEX)
            shown = f"{_num(r.value)}" if indicator.kind == MeasureKind.INDEX else f"{_num(r.value)}%"
            details.append(f"{words} {r.basis_label} ({shown})")
        elif r.pct is not None:
            details.append(f"bằng {_pct(r.pct)} {r.basis_label} ({_amount(r.value, unit)})")
    head = f"Năm {plan.year}: {a.verdict_label}"
    return replace(a, reason=f"{head} ({'; '.join(details)}). {a.reason}")


_WITHIN_PRECISION = "chênh lệch nhỏ hơn độ chính xác của số liệu công bố nên coi như đạt kịch bản"


def _chain_interval(chain: list[ActualFigure], direction: Direction) -> tuple[Decimal, Decimal]:
    """Where the true sum of a chain of published figures lies (``precision.interval`` of each)."""
    low = high = Decimal(0)
    for f in chain:
        a, b = interval(f.value, number_of(f.value, direction), f.qualifier)
        low, high = low + a, high + b
    return low, high



def _latest(figures: list[ActualFigure]) -> ActualFigure:
    return max(figures, key=lambda f: (f.period.end, -f.period.start.toordinal(), f.published, f.period.code, f.scope))


def _ratio(a: Decimal, b: Decimal) -> Decimal:
    return a / b


def _num(value: Decimal) -> str:
    """vi-VN: no decimals from 1.000 up, else at most two (trailing zeros dropped)."""
    value = Decimal(value)
    if abs(value) >= 1000:
        return format_number(value, 0)
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    places = max(0, -rounded.normalize().as_tuple().exponent)
    return format_number(rounded, places)


def _pct(value: Decimal) -> str:
    return f"{format_number(value, 1)}%"


def _amount(value: Decimal | None, unit: str, qualifier: str = "") -> str:
    q = f"{qualifier} " if qualifier else ""
    if value is None:
        return "?"
    return f"{q}{_num(value)}{unit}" if unit == "%" else f"{q}{_num(value)} {unit_label(unit)}"


def _reached(qualifier: str) -> str:
    """ "đạt", "ước đạt", "đạt hơn", "đạt khoảng" ... the qualifier kept as published."""
    if qualifier == "ước":
        return "ước đạt"
    return f"đạt {qualifier}" if qualifier else "đạt"
