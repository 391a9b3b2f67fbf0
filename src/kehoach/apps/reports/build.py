"""A report of a kind as of a date: its content, draft mark and the place of the plan, ready for a file format.

What a city chooses (issuing bodies, symbol, recipients, signer) is in the Word template
(``word_template``); only what is computed is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.reports.draft import has_unapproved_figures
from kehoach.apps.reports.inputs import report_input
from kehoach.domain.reporting import ReportContent, build
from kehoach.domain.reporting.periods import period_phrase


@dataclass(frozen=True)
class Report:
    content: ReportContent
    draft: bool
    place: str = ""  # of the stored plan documents: the template's {{ dia_danh }}
    period_phrase: str = ""  # "tháng 7 năm 2025": the template's {{ ky }}


def plan_place() -> str:
    """The place of the stored plan documents (``Document.place``), or ""."""
    from kehoach.apps.documents.models import Document

    return Document.objects.exclude(place="").order_by("kind", "-date").values_list("place", flat=True).first() or ""


def build_report(as_of: date, kind: str) -> Report:
    assessment = current_assessment(as_of)
    content = build(report_input(assessment, kind))
    return Report(content, has_unapproved_figures(as_of), plan_place(), period_phrase(kind, content.period))
