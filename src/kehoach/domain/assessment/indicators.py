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
from dataclasses import replace
from datetime import date

from kehoach.domain.entities import Indicator, MeasureKind, ScenarioValue, Target
from kehoach.domain.territories import Territory

from .indicator_flows import FLOW_PROJECTION, FLOW_REST, NO_SCENARIO_PROJECTION, assess_flow
from .indicator_growth import GROWTH_PROJECTION, GROWTH_REST, assess_growth
from .indicator_levels import LEVEL_PROJECTION, assess_level
from .indicator_plan import Plan, default_scope, latest_figure, plan_for, plan_scopes, plan_year
from .indicator_text import YEAR_COMPLETE, amount, num, percent, rate
from .indicator_verdicts import with_targets_and_verdict
from .model import ActualFigure, FigureStatus, IndicatorAssessment, number_of
from .period_figures import period_figures
from .plans import COMPOSED, composed_targets, scenario_in_force, targets_in_force
from .rules import DEFAULT, Rating, Thresholds
from .staleness import decreasing_cumulative, is_stale, next_expected

__all__ = [
    "FLOW_PROJECTION", "FLOW_REST", "GROWTH_PROJECTION", "GROWTH_REST", "LEVEL_PROJECTION", "NO_SCENARIO_PROJECTION",
    "YEAR_COMPLETE", "assess_indicator", "usable_figures",
]


def assess_indicator(
    indicator: Indicator,
    scenario: Iterable[ScenarioValue],
    targets: Iterable[Target],
    figures: Iterable[ActualFigure],
    as_of: date,
    thresholds: Thresholds = DEFAULT,
    territories: Iterable[Territory] = (),
) -> IndicatorAssessment:
    """Assess one indicator as of a date (see the module docstring for every rule). ``territories``: the
    stored territories with their members and validity dates (the application reads them, e.g.
    ``assessment.snapshot``); a composed one without a target of its own is planned on its parts'."""
    figures = [f for f in figures if f.indicator == indicator.key]
    scenario = scenario_in_force([s for s in scenario if s.indicator == indicator.key], as_of)
    targets = targets_in_force([t for t in targets if t.indicator == indicator.key], as_of)
    if indicator.kind == MeasureKind.FLOW:
        # A merged territory without a target of its own is planned as the sum of its parts' targets.
        targets = [*targets, *composed_targets(targets, territories)]
    year = plan_year(scenario, targets, figures, indicator.key, as_of)
    plans = {scope: plan_for(indicator, scenario, targets, year, scope) for scope in plan_scopes(scenario, targets, year)}
    default = default_scope(scenario, targets, year)
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
        latest = latest_figure(valid)
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
        other = latest_figure(valid)
        value = number_of(other.value, indicator.direction)
        scopes = ", ".join(sorted(plans))
        return IndicatorAssessment(
            **base,
            rating=Rating.KHONG_SO_SANH,
            reason=(
                f"Số liệu {other.period.words} ({amount(value, indicator.unit, other.qualifier)}) thuộc phạm vi "
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
    best = with_targets_and_verdict(indicator, best, plan, targets, valid, as_of)
    if best.comparable and plan.targets and plan.targets[0].value.note == COMPOSED:
        # The judgement rests on the sum of the parts' targets: say so, with the parts.
        best = replace(best, reason=best.reason[:-1] + f"; chỉ tiêu năm của phạm vi {plan.scope} là {COMPOSED} "
                       f"({plan.targets[0].document}).")
    beside = _beside(indicator, best, valid, plans)
    if beside:
        best = replace(best, beside=beside, reason=best.reason[:-1] + "; " + "; ".join(beside) + ".")
    best = _with_periods(indicator, best, usable_figures(figures, indicator.key, as_of))
    return _with_freshness(indicator, best, valid, as_of)


def _with_periods(indicator: Indicator, a: IndicatorAssessment, usable: list[ActualFigure]) -> IndicatorAssessment:
    """The single quarter or month next to the rated cumulative figure, and the change against the same
    period of last year, where published (``period_figures``)."""
    if not a.comparable or a.period is None:
        return a
    view = period_figures(usable, _assessed_end(a), a.figure_scope or a.scope, indicator.kind)
    index = indicator.kind == MeasureKind.INDEX
    rates = indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX)
    parts = []
    single = view.single if view.cumulative is not None else None
    if single is not None:
        value = number_of(single.value, indicator.direction)
        if index:  # said the way it is published: "tăng 18,64%", not the index 118,64
            growth = value - 100
            q = f"{single.qualifier} " if single.qualifier else ""
            shown = f"{q}{'giảm' if growth < 0 else 'tăng'} {num(abs(growth))}% so với cùng kỳ"
        else:
            shown = rate(value, False, single.qualifier) if rates else amount(value, indicator.unit, single.qualifier)
        parts.append(f"riêng {single.period.words}: {shown}")
    change = view.year_on_year
    if change is not None:
        base = view.cumulative or view.single
        verb = "tăng" if change >= 0 else "giảm"
        parts.append(f"{base.period.words} {verb} {percent(abs(change))} so với cùng kỳ năm trước")
    if not parts:
        return a
    return replace(
        a, reason=a.reason[:-1] + "; " + "; ".join(parts) + ".",
        single_period=single.period if single else None,
        single_actual=number_of(single.value, indicator.direction) if single else None,
        single_qualifier=single.qualifier if single else "",
        year_on_year=change,
        year_on_year_period=(view.cumulative or view.single).period if change is not None else None,
    )


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
            f"số liệu {later.period.words} ({amount(number_of(later.value), indicator.unit, later.qualifier)}) "
            f"thấp hơn {earlier.period.words} ({amount(number_of(earlier.value), indicator.unit, earlier.qualifier)})"
            f"{'' if later.scope == a.scope else ' của ' + later.scope}: cần kiểm tra lại số liệu"
            for earlier, later in decreasing_cumulative(valid)
        )
    if not notes and not warnings:
        return a
    return replace(a, stale=bool(notes), warnings=warnings,
                   reason=a.reason[:-1] + "; " + "; ".join([*notes, *warnings]) + ".")


def _assess_scope(indicator: Indicator, plan: Plan, figures: list[ActualFigure], base: dict, t: Thresholds):
    if indicator.kind == MeasureKind.FLOW:
        return assess_flow(indicator, plan, figures, base, t)
    if indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
        return assess_growth(indicator, plan, figures, base, t)
    return assess_level(indicator, plan, figures, base, t)


def _assessed_end(a: IndicatorAssessment) -> date:
    if a.ytd_period is not None:
        return a.ytd_period.end
    return a.period.end if a.period is not None else date.min


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
        f = latest_figure(mine)
        value = number_of(f.value, indicator.direction)
        if indicator.kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
            shown = rate(value, indicator.kind == MeasureKind.INDEX, f.qualifier)
        else:
            shown = amount(value, indicator.unit, f.qualifier)
        if scope == best.scope:
            if f"số liệu {f.period.words} ({shown})" in best.reason:
                continue  # the reason already says this figure and why it is not compared: not twice
            why = "không trùng kỳ với kế hoạch nên chưa so sánh"
        elif scope in plans:
            why = "so sánh được với kế hoạch của phạm vi đó nhưng không phải số liệu đánh giá"
        else:
            why = f"chưa có kế hoạch của phạm vi {scope} nên không so sánh"
        where = "" if scope == best.scope else f" của {scope}"
        if f.period.end > end and not (scope != best.scope and scope in plans):
            # newer than the rated figure and not comparable: said as such, never in its place
            why = why.removesuffix(" nên chưa so sánh").removesuffix(" nên không so sánh")
            out.append(f"số liệu mới hơn: {f.period.words}{where}: {shown} (không so sánh được với kế hoạch vì {why})")
            continue
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
