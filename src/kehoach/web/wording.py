"""A task's recurrence in words ("every month, every quarter, until 31/12/2025"): the task page and
the history say it the same way."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

RECURRENCE = {"month": _("every month"), "quarter": _("every quarter"), "half": _("every half-year"),
              "year": _("every year")}


def recurrence_words(value) -> str:
    """A stored recurrence ({"every": ["month"], "until": "2025-12-31"}) as a person reads it."""
    if not isinstance(value, dict):
        return "" if value in (None, "", [], {}) else str(value)
    every = ", ".join(str(RECURRENCE.get(word, word)) for word in value.get("every") or [])
    until = value.get("until")
    try:
        day = date.fromisoformat(until) if until else None
    except (TypeError, ValueError):
        day = None
    end = (gettext("until %(day)s") % {"day": f"{day:%d/%m/%Y}"} if day
           else str(until) if until else gettext("with no end date"))
    return f"{every}, {end}" if every else end
