"""The bounds of what a person may enter: days between 1900 and 2100, a publication date no later
than tomorrow, a period within the plan's years and a margin, a value its indicator's kind allows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kehoach.domain.entities import MeasureKind

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def day_in_bounds(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def published_in_bounds(day: date, today: date) -> bool:
    """A figure cannot have been published after tomorrow (time zones) nor before 1900."""
    return EARLIEST <= day <= today + timedelta(days=1)


def year_in_plan(year: int, first: int, last: int, margin: int = 5) -> bool:
    """A period's year within the plan's years, give or take ``margin`` years."""
    return first - margin <= year <= last + margin


# What a figure's value may be, by the indicator's kind of measure (its value in the indicator's unit).
GROWTH_RANGE = (Decimal("-100"), Decimal("1000"))  # % against the same period: never below -100 %
INDEX_RANGE = (Decimal("0"), Decimal("10000"))  # same period = 100


def value_problem(kind: str, low: Decimal | None, high: Decimal | None, may_be_negative: bool = False) -> str | None:
    """Why a value cannot be a figure of an indicator of this kind (None: it can).

    A flow (exports, revenue, tourists) is never negative unless the indicator may be (a balance);
    a growth rate lies between -100 % and 1000 %; an index between 0 and 10.000."""
    values = [v for v in (low, high) if v is not None]
    if kind == MeasureKind.FLOW and not may_be_negative and any(v < 0 for v in values):
        return "a value of 0 or more (a flow such as exports cannot be negative)"
    if kind == MeasureKind.GROWTH and any(not GROWTH_RANGE[0] <= v <= GROWTH_RANGE[1] for v in values):
        return "a growth rate between -100 % and 1.000 %"
    if kind == MeasureKind.INDEX and any(not INDEX_RANGE[0] <= v <= INDEX_RANGE[1] for v in values):
        return "an index between 0 and 10.000 (same period = 100)"
    return None
