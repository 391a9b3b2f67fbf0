"""kehoach report: the periodic socio-economic report as a Word document or its appendices as Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.commands import open_database
from kehoach.apps.reports import docx, pdf, xlsx
from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.word_template import TemplateBroken, WordTemplate
from kehoach.domain.report_kinds import CODES

FORMATS = ("docx", "xlsx", "pdf")
EXIT_UNAVAILABLE = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of: not a date: {text!r} (expected YYYY-MM-DD)", returncode=2) from None


class Command(BaseCommand):
    help = ("Write the report of a period (month, quarter, h1, 9m, year) as of a date: .docx, .pdf (via LibreOffice), "
            "or .xlsx appendices.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--as-of", required=True, help="the as-of date, YYYY-MM-DD")
        parser.add_argument("--kind", choices=CODES, default="month", help="the report's period kind")
        parser.add_argument("--format", choices=FORMATS, default="docx", dest="fmt", help="the file format")
        parser.add_argument("--out", required=True, help="the file to write")
        parser.add_argument("--template", help="a Word template (.docx) to use instead of the active one "
                            "(docs/report-template.md)")

    def handle(self, *args, as_of: str, kind: str, fmt: str, out: str, template: str | None = None,
               **options) -> None:
        day = _date(as_of)
        given = None
        if template:
            try:
                given = WordTemplate(template, Path(template).read_bytes())
            except OSError as exc:
                raise CommandError(f"--template: cannot read {template}: {exc.strerror}", returncode=2) from None
        if fmt == "pdf" and not pdf.available():
            raise CommandError(pdf.MISSING, returncode=EXIT_UNAVAILABLE)
        open_database()
        report = build_report(day, kind)
        try:
            data = xlsx.render(report) if fmt == "xlsx" else docx.render(report, given)
        except TemplateBroken as exc:  # nothing is written
            raise CommandError(str(exc), returncode=EXIT_UNAVAILABLE) from None
        if fmt == "pdf":
            try:
                data = pdf.docx_to_pdf(data)
            except pdf.PdfUnavailable as exc:
                raise CommandError(str(exc), returncode=EXIT_UNAVAILABLE) from exc
            except pdf.PdfFailed as exc:
                raise CommandError(str(exc)) from exc
        path = Path(out)
        try:
            pdf.write_atomically(path, data)
        except OSError as exc:
            raise CommandError(f"{path}: cannot write: {exc.strerror}") from exc
        draft = " (draft: some figures are not approved)" if report.draft else ""
        self.stdout.write(f"Wrote {path} ({len(data):,} bytes): {report.content.title}{draft}")
