"""What the public sees of the figures (the page /public/ and ``GET /api/v1/public/figures``)."""

from __future__ import annotations

from kehoach.apps.figures.models import ActualFigure


def published_figures(figures=None) -> list[ActualFigure]:
    """The latest public, approved version of each figure (of ``figures``, default: all)."""
    rows = (ActualFigure.objects.all() if figures is None else figures).filter(public=True, review_status="approved")
    latest: dict[tuple, ActualFigure] = {}
    for f in rows.select_related("indicator").order_by("indicator__name", "-period", "scope", "-version"):
        latest.setdefault((f.indicator_id, f.period, f.scope), f)
    return list(latest.values())
