"""The rating rules: the ONE place where an indicator's rating is decided.

Every threshold lives in ``Thresholds``; ``indicators.assess_indicator`` measures (ratios, gaps,
projections, required rests) and then asks the functions below for the rating. Nothing else
in the package compares a measure with a threshold.

Four levels, from best to worst (``Rating.severity`` 0..3):

==========  ==================================  ===========================================
rating      label (vi)                          meaning
==========  ==================================  ===========================================
dat         Đạt/vượt kịch bản                   at or above the trajectory
cham_nhe    Chậm nhẹ                            slightly behind
cham        Chậm                                behind
nguy_co     Nguy cơ không đạt kế hoạch năm      the annual target is at risk
==========  ==================================  ===========================================

plus two that are not on the scale: ``khong_so_sanh`` (no sound comparison: different scope,
a period the trajectory has no value for, no trajectory) and ``chua_co_so_lieu`` (no approved
figure yet).

Defaults, and why:

* Flows (additive: revenue, investment, exports, cargo, tourists, FDI, jobs) are judged on the
  year-to-date ratio ``ytd actual / ytd scenario``: >= 1,00 đạt, >= 0,95 chậm nhẹ, >= 0,85 chậm,
  below that nguy cơ.
* Growth rates (GRDP, in %) and indices (IIP, previous year = 100) are judged on the gap
  ``actual - scenario`` in percentage (index) points: >= 0 đạt, >= -0,5 chậm nhẹ, >= -1,5 chậm,
  below that nguy cơ.
* Levels and ratios (unemployment, trained labour) judged at the period's end: in percentage
  points when the unit is a percentage (same bands as growth), otherwise by ratio (same bands
  as flows).
* Whatever the level above, the rating is nguy cơ when the year is at risk:
  - flows: the year-end projection falls short of the annual target by more than 10%, or what
    the remaining months must deliver exceeds what the trajectory planned for them by more than
    20%;
  - growth and index: the projection falls short of the annual target by more than 1,0 point,
    or the growth the remaining months need exceeds the planned one by more than 1,5 points;
  - levels: the latest value misses the annual target by more than 1,0 point (percentages) or
    10% (other units).
* Lower-is-better indicators (unemployment ``< 3,5``) reverse every comparison: all measures
  are turned "good-direction" first (a ratio ``scenario / actual``, a gap ``scenario - actual``),
  so one set of bands serves both directions.

Monotonicity: every measure used here moves one way when the actual gets worse (ratio and gap
fall, projection falls, required rest rises) and each band test is a ``>=`` on it, so a worse
actual never gives a better rating. ``tests/domain/assessment/test_rules.py`` checks it with
Hypothesis for every kind and direction.

Task statuses use ``Thresholds.report_day`` (20) and ``soon_days`` (3): a task not completed is
"sắp đến hạn" when it falls due before the next periodic report (the next ``report_day`` of a
month after the as-of date: the report of 20/12 lists what falls due before 20/01), or within
``soon_days`` days whatever the report calendar (the report of 19/12 still warns of 21/12). Projects use ``disbursement_behind`` (10 percentage
points below the planned cumulative share). Scorecards count an indicator "at risk" when its
rating is in ``at_risk`` (chậm and nguy cơ).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kehoach.domain.entities import Direction


class Rating(StrEnum):
    DAT = "dat"
    CHAM_NHE = "cham_nhe"
    CHAM = "cham"
    NGUY_CO = "nguy_co"
    KHONG_SO_SANH = "khong_so_sanh"
    CHUA_CO_SO_LIEU = "chua_co_so_lieu"

    @property
    def label(self) -> str:
        return _RATING_LABELS[self]

    @property
    def severity(self) -> int | None:
        """0 (đạt) .. 3 (nguy cơ); None for the ratings that are not on the scale."""
        return _SEVERITY.get(self)

    @property
    def is_rated(self) -> bool:
        return self in _SEVERITY


_RATING_LABELS = {
    Rating.DAT: "Đạt/vượt kịch bản",
    Rating.CHAM_NHE: "Chậm nhẹ",
    Rating.CHAM: "Chậm",
    Rating.NGUY_CO: "Nguy cơ không đạt kế hoạch năm",
    Rating.KHONG_SO_SANH: "Không so sánh được",
    Rating.CHUA_CO_SO_LIEU: "Chưa có số liệu",
}
_SCALE = (Rating.DAT, Rating.CHAM_NHE, Rating.CHAM, Rating.NGUY_CO)
_SEVERITY = {r: i for i, r in enumerate(_SCALE)}


@dataclass(frozen=True)
class Bands:
    """Three lower bounds on a good-direction measure: >= dat, >= cham_nhe, >= cham, else nguy_co."""

    dat: Decimal
    cham_nhe: Decimal
    cham: Decimal

    def __post_init__(self) -> None:
        if not self.dat >= self.cham_nhe >= self.cham:
            raise ValueError(f"bands must not increase: {self.dat} >= {self.cham_nhe} >= {self.cham}")

    def rate(self, measure: Decimal) -> Rating:
        if measure >= self.dat:
            return Rating.DAT
        if measure >= self.cham_nhe:
            return Rating.CHAM_NHE
        if measure >= self.cham:
            return Rating.CHAM
        return Rating.NGUY_CO


def _d(text: str) -> Decimal:
    return Decimal(text)


@dataclass(frozen=True)
class Thresholds:
    """Every configurable threshold, with the defaults documented in the module docstring."""

    # Flows: year-to-date actual / year-to-date scenario (1 = on the trajectory).
    flow_ratio: Bands = field(default_factory=lambda: Bands(_d("1.00"), _d("0.95"), _d("0.85")))
    # Flows: nguy cơ when the projection is below the annual target by more than this share ...
    flow_projection_shortfall: Decimal = _d("0.10")
    # ... or the required rest exceeds the trajectory's planned rest by more than this share.
    flow_rest_excess: Decimal = _d("0.20")

    # Growth (%) and index (previous year = 100): actual - scenario, in points.
    growth_gap: Bands = field(default_factory=lambda: Bands(_d("0"), _d("-0.5"), _d("-1.5")))
    growth_projection_shortfall: Decimal = _d("1.0")  # points below the annual target
    growth_rest_excess: Decimal = _d("1.5")  # points above the planned growth of the rest

    # Levels in a percentage unit: actual - scenario, in percentage points.
    level_gap: Bands = field(default_factory=lambda: Bands(_d("0"), _d("-0.5"), _d("-1.5")))
    level_target_shortfall: Decimal = _d("1.0")  # points from the annual target
    # Levels in other units: actual / scenario (scenario / actual when lower is better).
    level_ratio: Bands = field(default_factory=lambda: Bands(_d("1.00"), _d("0.95"), _d("0.85")))
    level_target_shortfall_ratio: Decimal = _d("0.10")

    # Tasks: "sắp đến hạn" when due before the next periodic report, made on this day of every
    # month (clamped to the month's last day; 0: no report calendar, only ``soon_days``) ...
    report_day: int = 20
    # ... or at most this many days before the due date (inclusive).
    soon_days: int = 3
    # Tasks whose due date depends on an event: due this many days after the event when the
    # event itself does not say (ConditionEvent.due) and the deadline has no date of its own.
    condition_days: int = 30

    # Projects: behind when the disbursement rate is below the planned cumulative share by more
    # than this (0,10 = 10 percentage points).
    disbursement_behind: Decimal = _d("0.10")

    # Scorecards: which ratings count as "indicator at risk".
    at_risk: frozenset[Rating] = frozenset({Rating.CHAM, Rating.NGUY_CO})

    def __post_init__(self) -> None:
        if self.soon_days < 0:
            raise ValueError(f"soon_days must be 0 or more, got {self.soon_days}")
        if isinstance(self.report_day, bool) or not 0 <= self.report_day <= 31:
            raise ValueError(f"report_day must be a day of the month from 1 to 31 (0: none), got {self.report_day}")
        if self.condition_days < 0:
            raise ValueError(f"condition_days must be 0 or more, got {self.condition_days}")


DEFAULT = Thresholds()


# Good-direction measures ----------------------------------------------------------------------


def sign(direction: Direction) -> int:
    """+1 when higher is better, -1 when lower is better."""
    return -1 if direction == Direction.LOWER else 1


def good_ratio(actual: Decimal, reference: Decimal, direction: Direction) -> Decimal:
    """How far the actual is from the reference as a ratio, 1 = equal, > 1 = better.

    Higher is better: actual / reference; lower is better: reference / actual. A reference (or,
    lower is better, an actual) of zero or less has no meaningful ratio: the result is then 1
    when the actual is at least as good as the reference, else 0. Both forms never increase when
    the actual gets worse.
    """
    if direction == Direction.LOWER:
        if actual <= 0 or reference <= 0:
            return Decimal(1) if actual <= reference else Decimal(0)
        return reference / actual
    if reference <= 0:
        return Decimal(1) if actual >= reference else Decimal(0)
    return actual / reference


def good_gap(actual: Decimal, reference: Decimal, direction: Direction) -> Decimal:
    """actual - reference, turned so that positive is better."""
    return sign(direction) * (actual - reference)


def worst(*ratings: Rating) -> Rating:
    return max(ratings, key=lambda r: r.severity)


# Ratings ----------------------------------------------------------------------------------------


def rate_flow(
    ytd_ratio: Decimal,
    projection_shortfall: Decimal | None,
    rest_excess: Decimal | None,
    t: Thresholds = DEFAULT,
) -> Rating:
    """A flow: bands on the good-direction ytd ratio, nguy cơ when the year is at risk.

    ``projection_shortfall``: how far the year-end projection falls short of the annual target,
    as a share of it (good direction, > 0 = short). ``rest_excess``: how much more than planned
    the remaining months must deliver, as a share of the planned rest (good direction).
    """
    rating = t.flow_ratio.rate(ytd_ratio)
    if projection_shortfall is not None and projection_shortfall > t.flow_projection_shortfall:
        rating = Rating.NGUY_CO
    if rest_excess is not None and rest_excess > t.flow_rest_excess:
        rating = Rating.NGUY_CO
    return rating


def rate_growth(
    gap: Decimal,
    projection_shortfall: Decimal | None,
    rest_excess: Decimal | None,
    t: Thresholds = DEFAULT,
) -> Rating:
    """A growth rate or an index: bands on the good-direction gap in points, nguy cơ when at risk."""
    rating = t.growth_gap.rate(gap)
    if projection_shortfall is not None and projection_shortfall > t.growth_projection_shortfall:
        rating = Rating.NGUY_CO
    if rest_excess is not None and rest_excess > t.growth_rest_excess:
        rating = Rating.NGUY_CO
    return rating


def rate_level(
    measure: Decimal,
    target_shortfall: Decimal | None,
    percentage: bool,
    t: Thresholds = DEFAULT,
) -> Rating:
    """A level: ``measure`` is a good-direction gap in points (percentage units) or a ratio.

    ``target_shortfall``: how far the latest value misses the annual target (points, or a share
    of the target for other units; good direction, > 0 = misses).
    """
    rating = (t.level_gap if percentage else t.level_ratio).rate(measure)
    margin = t.level_target_shortfall if percentage else t.level_target_shortfall_ratio
    if target_shortfall is not None and target_shortfall > margin:
        rating = Rating.NGUY_CO
    return rating
