"""A report of a kind as of a date: its content, issuer and draft mark, ready for a file format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.reports.draft import has_unapproved_figures
from kehoach.apps.reports.inputs import report_input
from kehoach.apps.reports.issuer import Issuer, issuer_for_plan
from kehoach.domain.reporting import ReportContent, build


@dataclass(frozen=True)
class Report:
    content: ReportContent
    issuer: Issuer
    draft: bool


def build_report(as_of: date, kind: str, issuer: Issuer | None = None) -> Report:
    assessment = assess_all(as_of)
    content = build(report_input(assessment, kind))
    return Report(content, issuer or issuer_for_plan(), has_unapproved_figures(as_of))
