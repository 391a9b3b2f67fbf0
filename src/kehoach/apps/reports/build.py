"""A report of a kind as of a date: its content, draft mark and the place of the plan, ready for a file format.

What a city chooses (issuing bodies, symbol, recipients, signer) is in the Word template
(``word_template``); only what is computed is here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kehoach.apps.assessment.evaluate import assess_all, current_assessment
from kehoach.apps.documents.models import Document
from kehoach.apps.reports.draft import has_unapproved_figures
from kehoach.apps.reports.inputs import report_input
from kehoach.domain.reporting import ReportContent, build, report_period
from kehoach.domain.reporting.periods import period_phrase


@dataclass(frozen=True)
class Report:
    content: ReportContent
    draft: bool
    place: str = ""  # of the stored plan documents: the template's {{ dia_danh }}
    period_phrase: str = ""  # "tháng 7 năm 2025": the template's {{ ky }}


def plan_place() -> str:
    """The place of the stored plan documents (``Document.place``), or ""."""
    return Document.objects.exclude(place="").order_by("kind", "-date").values_list("place", flat=True).first() or ""


def report_assessment(as_of: date, kind: str):
    """The assessment a report of ``kind`` as of ``as_of`` rests on: figures of periods after the
    report's own period are left out (the November report does not use the year's estimate published
    on 09/12, nor a December month)."""
    assessment = current_assessment(as_of)
    end = report_period(as_of, kind).end
    figures = assessment.snapshot.figures
    if all(f.period.end <= end for f in figures):
        return assessment
    return assess_all(as_of, snapshot=replace(assessment.snapshot, figures=[f for f in figures if f.period.end <= end]))


def build_report(as_of: date, kind: str) -> Report:
    assessment = report_assessment(as_of, kind)
    content = build(report_input(assessment, kind))
    return Report(content, has_unapproved_figures(as_of), plan_place(), period_phrase(kind, content.period))
