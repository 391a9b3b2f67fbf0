"""Chart definitions of the stored plan: the same ``kehoach.charts.Chart`` for a page and a report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from kehoach.apps.assessment.snapshot import Snapshot
from kehoach.charts import Chart, sparkline, trajectory_chart
from kehoach.domain import entities as e
from kehoach.domain.assessment.series import trend
from kehoach.domain.numbers import format_number


def vn_number(value) -> str:
    """1234.50 -> "1.234,5" (vi-VN, no trailing zeros)."""
    number = Decimal(str(value))
    return format_number(number, 0) if number == number.to_integral_value() else format_number(number.normalize())


def indicator_trend_chart(snapshot: Snapshot, indicator: e.Indicator, as_of: date, year: int,
                          small: bool = False) -> Chart:
    """Trajectory against actual by month end (year to date for flows; cumulative rates; levels)."""
    points = trend(indicator, snapshot.scenarios, snapshot.figures, as_of, year)
    labels = [p.label for p in points]
    scenario = [p.scenario for p in points]
    actual = [p.actual for p in points]
    cumulative = indicator.kind in (e.MeasureKind.FLOW, e.MeasureKind.GROWTH, e.MeasureKind.INDEX)
    description = _("%(name)s: trajectory and actual%(ytd)s, %(year)s") % {
        "name": indicator.name, "year": year, "ytd": _(" (year to date)") if cumulative else "",
    }
    if small:  # the text alternative says the latest figure and its trajectory too
        latest = next((p for p in reversed(points) if p.actual is not None), None)
        if latest is not None:
            description += "; " + _("%(period)s: actual %(actual)s, trajectory %(scenario)s") % {
                "period": latest.label, "actual": vn_number(latest.actual),
                "scenario": vn_number(latest.scenario) if latest.scenario is not None else "—"}
        return sparkline(indicator.name, labels, scenario, actual, description=description,
                         scenario_name=_("Trajectory"), actual_name=_("Actual"))
    return trajectory_chart(indicator.name, indicator.unit, labels, scenario, actual,
                            _("Trajectory"), _("Actual"), description=description)
