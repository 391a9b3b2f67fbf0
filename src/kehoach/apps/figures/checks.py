"""Checks of the stored series after an import: a cumulative series that goes down (``domain.assessment.staleness``)."""

from __future__ import annotations

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import to_domain
from kehoach.domain.assessment.staleness import decreasing_cumulative


def falling_series(indicator_ids) -> list[str]:
    """One line per year-to-date figure of a flow lower than an earlier one of the same scope and year."""
    rows = (ActualFigure.objects.filter(indicator_id__in=indicator_ids, indicator__kind="flow", is_current=True)
            .select_related("indicator"))
    found = []
    for earlier, later in decreasing_cumulative([to_domain(f) for f in rows]):
        found.append(
            f"warning: {later.indicator} {later.period.code} [{later.scope}] ({later.value.text}) is lower than "
            f"{earlier.period.code} ({earlier.value.text}): a cumulative series cannot go down; check the figures"
        )
    return found
