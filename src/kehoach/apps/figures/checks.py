"""Checks of the stored series after an import: a cumulative series that goes down (``domain.assessment.staleness``)."""

from __future__ import annotations

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import to_domain
from kehoach.domain.assessment.staleness import decreasing_cumulative


def falling_series(indicator_ids) -> list[str]:
    """One line per year-to-date figure of a flow lower than an earlier one of the same scope and year."""
    rows = (ActualFigure.objects.filter(indicator_id__in=indicator_ids, indicator__kind="flow", is_current=True)
            .select_related("indicator"))
    names = {f.indicator.key: f.indicator.name for f in rows}
    return [
        f"cảnh báo: {names[later.indicator]} ({later.scope}): số liệu {later.period.words} "
        f"({later.value.text}) thấp hơn {earlier.period.words} ({earlier.value.text}); số liệu lũy kế không thể "
        f"giảm, cần kiểm tra lại"
        for earlier, later in decreasing_cumulative([to_domain(f) for f in rows])
    ]
