"""Whether a report is a draft: a figure of its year is submitted but not yet approved.

The assessment counts approved figures only, so such a figure is missing from the report.
"""

from __future__ import annotations

from datetime import date

from kehoach.apps.figures.models import ActualFigure
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus

DRAFT_MARK = "BẢN NHÁP – CÓ SỐ LIỆU CHƯA ĐƯỢC DUYỆT"


def has_unapproved_figures(as_of: date) -> bool:
    """A current figure submitted and not approved, of a period of the as-of year ended by then."""
    periods = (ActualFigure.objects.filter(is_current=True, review_status=FigureStatus.SUBMITTED.value)
               .values_list("period", flat=True))
    for code in periods:
        try:
            period = FigurePeriod.parse(code)
        except ValueError:
            continue
        if period.year == as_of.year and period.start <= as_of:
            return True
    return False
