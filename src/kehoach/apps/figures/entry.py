"""An agency's officer enters figures (the workspace form, its Excel upload, the API): what is the
agency's, how a figure typed in is read, and recording and submitting it.

* ``indicators_of(agency)``/``owns_indicator``/``owns_figure``: the indicators the agency monitors
  and their figures: the only ones its officers may enter.
* ``FigureChecker`` reads a figure exactly as ``kehoach actuals import`` reads a row of its table
  (:mod:`kehoach.apps.figures.importing`: Vietnamese numbers, qualifiers, units, scopes), with the
  problems in the user's language (``problem_message``).
* ``enter_figure`` records it as a draft of the agency through ``services.record_figure`` (a new
  figure, a new version, a draft completed in place, or nothing; a file's rows go through
  ``bulk.record_all``, which applies the same rules in set-based statements); ``submit_figure`` submits it with the rating it would have if it counted
  (``services.rating_if_counted``), so a figure rated chậm or worse needs its explanation.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from kehoach.apps.figures import bulk, importing, services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.review.services import pk_of
from kehoach.domain.assessment.model import period_label

# The figures importer's columns, and the form fields and template columns that hold them.
IMPORT_COLUMNS = importing.COLUMNS
PROBLEM_MESSAGES = {
    "indicator": _("%(found)s is not an indicator your agency monitors"),
    "period": _("%(found)s is not a period: write it as it is said (Tháng 7/2025, Quý III/2025, "
                "6 tháng đầu năm 2025, 9 tháng năm 2025, Năm 2025)"),
    "value": _("%(found)s is not a number (write it as 1.234,5: “.” groups thousands, “,” is the decimal mark)"),
    "qualifier": _("%(found)s is not one of ước, hơn, trên, gần, khoảng"),
    "unit": _("%(found)s is not a unit that converts to the indicator's unit"),
    "scope": _("%(found)s is not a territorial scope (HP cũ, HP mới, a place or a scope label)"),
    "published": _("%(found)s is not a date (dd/mm/yyyy)"),
}
FigureEntry = bulk.Entry


def indicators_of(agency):
    return Indicator.objects.filter(monitoring_agencies=agency).order_by("key")


def owns_indicator(agency, key: str) -> bool:
    return indicators_of(agency).filter(key=key).exists()


def owns_figure(agency, pk) -> bool:
    return pk_of(pk) is not None and ActualFigure.objects.filter(pk=pk_of(pk),
                                                                 indicator__monitoring_agencies=agency).exists()


class FigureChecker:
    """Reads figures as the figures importer reads the rows of its table (one instance per request)."""

    def __init__(self, agency):
        self.agency = agency
        self.keys = set(indicators_of(agency).values_list("key", flat=True))
        self.checker = importing.RowChecker("", importing.default_place())

    def check(self, line: int, cells: dict[str, str]) -> tuple[importing.FigureRow | None, list[tuple[str, str]]]:
        """(row, [(column, message)]); ``cells`` has the importer's columns."""
        cells = {c: (cells.get(c) or "").strip() for c in IMPORT_COLUMNS}
        if cells["indicator"] not in self.keys:
            found = repr(cells["indicator"]) if cells["indicator"] else None
            return None, [("indicator", problem_message("indicator", found, ""))]
        before = len(self.checker.problems)
        row = self.checker.check(line, cells)
        problems = [(p.column, problem_message(p.column, p.found, p.expected)) for p in self.checker.problems[before:]]
        return (row if not problems else None), problems


def problem_message(column: str, found: str | None, expected: str) -> str:
    """A problem of the importer in the user's language."""
    if found is None or found.startswith("an empty cell"):
        return _g("This cell must not be empty.")
    template = PROBLEM_MESSAGES.get(column)
    specific = (column == "value" and expected.startswith("a Vietnamese number")) or \
               (column == "period" and expected.startswith("a period code")) or \
               column in ("indicator", "qualifier", "unit", "scope") or \
               (column == "published" and expected.startswith("a date:"))
    if template is not None and specific:
        return str(template) % {"found": found}
    return _g("found %(found)s, expected %(expected)s") % {"found": found, "expected": expected}


def enter_figure(agency, entry: bulk.Entry, user, edited: ActualFigure | None = None,
                 expected_version: int | None = None) -> tuple[ActualFigure, str]:
    """Record a figure as a draft of the agency; (figure, action): ``created``, ``revised``,
    ``updated`` (a draft completed in place) or ``unchanged`` (``services.record_figure``).
    ``edited``: the draft opened in the form, ``Conflict`` when someone saved it since ``expected_version``."""
    row = entry.row
    recorded = services.record_figure(
        row.indicator, row.period, row.scope, comparator=row.comparator.value, low=row.low, high=row.high,
        text=row.text, qualifier=row.qualifier, unit_text=row.unit_text, comparison=row.comparison,
        source=row.source, published=row.published, reporting_agency=agency, entered_by=user,
        expected_version=expected_version, edited=edited, **entry.explanation,
    )
    return recorded.figure, recorded.action


def submit_figure(figure: ActualFigure, user, as_of: date) -> ActualFigure:
    """Submit a draft; ``ExplanationRequired`` when it would be rated chậm or worse without its explanation."""
    with transaction.atomic():
        return services.submit(figure, user, services.rating_if_counted(figure, as_of))


def figure_cells(figure: ActualFigure) -> dict[str, str]:
    """A stored figure as the importer's cells (to edit it in the form again)."""
    return {
        "indicator": figure.indicator.key, "period": period_label(figure.period), "value": figure.text,
        "qualifier": figure.qualifier, "unit": figure.unit_text, "comparison": figure.comparison,
        "scope": figure.scope, "source": figure.source,
        "published": figure.published.isoformat() if figure.published else "",
    }
