"""The bounds of what a person may enter: days between 1900 and 2100, a publication date no later
than tomorrow, a period within the plan's years and a margin."""

from __future__ import annotations

from datetime import date, timedelta

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
