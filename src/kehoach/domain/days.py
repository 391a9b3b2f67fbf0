"""The one way to read a day people type or a spreadsheet holds.

``parse_day`` reads ``YYYY-MM-DD`` (ISO) and the Vietnamese day-first ``dd/mm/yyyy`` (one or two
digits for the day and the month, four for the year), and takes a spreadsheet's date or
date-time cell as it is; ``month_end=True`` also reads a month alone (``YYYY-MM``, ``mm/yyyy``)
as its last day (a publication dated by its month). Anything else is None: the caller says
where it was and what was expected. Used by the as-of date of the pages, the history filter,
the CSV/XLSX imports (figures, progress) and the workspace upload.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kehoach.domain.periods import last_day

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_MONTH_FIRST = re.compile(r"(\d{1,2})/(\d{4})")


def parse_day(value, *, month_end: bool = False) -> date | None:
    """The day ``value`` means (see the module doc); None when it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := _ISO.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_FIRST.fullmatch(text):
        return _day(int(m[3]), int(m[2]), int(m[1]))
    if month_end:
        if m := _ISO_MONTH.fullmatch(text):
            year, month = int(m[1]), int(m[2])
        elif m := _MONTH_FIRST.fullmatch(text):
            year, month = int(m[2]), int(m[1])
        else:
            return None
        return last_day(year, month) if 1 <= month <= 12 and year >= 1 else None
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
