"""What a chart shows, as plain frozen data: the same definition serves the web and the reports.

A ``Chart`` has category labels on the x axis (periods as Vietnamese labels) and one or more
``Series`` of values (None where there is no value). Builders here decide which series a kind of
chart shows and how they look; ``kehoach.charts.render`` draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Number = float | None


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Number, ...]
    style: str = "line"  # line | dashed | bar | band-low/band-high are drawn as lines too
    color: str = "#0b5cab"


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    small: bool = False  # a sparkline: light axes, no legend (the page gives one legend for all)
    description: str = ""  # the text alternative read by screen readers

    @property
    def empty(self) -> bool:
        return not self.labels or all(v is None for s in self.series for v in s.values)


TRAJECTORY = "#5f6b76"
ACTUAL = "#0b5cab"
PLAN = "#b58100"


def _f(value) -> Number:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal | int | float) else None


def trajectory_chart(title: str, unit: str, labels: list[str], scenario: list, actual: list,
                     scenario_name: str, actual_name: str, description: str = "") -> Chart:
    """Trajectory (kịch bản) against actual figures, period by period."""
    return Chart(
        title=title, unit=unit, labels=tuple(labels), description=description,
        series=(
            Series(scenario_name, tuple(_f(v) for v in scenario), "dashed", TRAJECTORY),
            Series(actual_name, tuple(_f(v) for v in actual), "line", ACTUAL),
        ),
    )


def sparkline(title: str, labels: list[str], scenario: list, actual: list, description: str = "",
              scenario_name: str = "", actual_name: str = "") -> Chart:
    """The dashboard's small trend chart: trajectory (dashed) and actual, with light axes."""
    return Chart(
        title=title, labels=tuple(labels), small=True, description=description,
        series=(
            Series(scenario_name, tuple(_f(v) for v in scenario), "dashed", TRAJECTORY),
            Series(actual_name, tuple(_f(v) for v in actual), "line", ACTUAL),
        ),
    )


def disbursement_chart(title: str, labels: list[str], plan: list, disbursed: list,
                       plan_name: str, disbursed_name: str, unit: str = "", description: str = "") -> Chart:
    """Cumulative disbursement against the year's capital plan."""
    return Chart(
        title=title, unit=unit, labels=tuple(labels), description=description,
        series=(
            Series(plan_name, tuple(_f(v) for v in plan), "dashed", PLAN),
            Series(disbursed_name, tuple(_f(v) for v in disbursed), "bar", ACTUAL),
        ),
    )
