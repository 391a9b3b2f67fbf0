"""A report file to download: built with the functions ``kehoach report`` uses, with an ASCII file name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.apps.reports import docx, xlsx
from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.pdf import docx_to_pdf
from kehoach.domain.periods import Period
from kehoach.domain.report_kinds import BY_CODE

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class ReportFile:
    data: bytes
    name: str
    content_type: str


def file_name(kind: str, period: Period, fmt: str) -> str:
    """ "bao-cao-thang-07-2025.docx", "bao-cao-quy-2-2025", "bao-cao-6-thang-2025", "bao-cao-9-thang-2025",
    "bao-cao-nam-2025" (the period the report covers)."""
    return f"bao-cao-{BY_CODE[kind].file_stem(period)}.{fmt}"


def report_file(as_of: date, kind: str, fmt: str) -> ReportFile:
    report = build_report(as_of, kind)
    # a PDF: docx_to_pdf raises pdf.PdfUnavailable / PdfFailed with what is missing
    data = docx_to_pdf(docx.render(report)) if fmt == "pdf" else (docx if fmt == "docx" else xlsx).render(report)
    return ReportFile(data, file_name(kind, report.content.period, fmt), CONTENT_TYPES[fmt])
