"""``kehoach actuals import FILE``: load published figures from a CSV or XLSX table, all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.documents.management.commands._common import EXIT_NOT_IMPORTABLE, open_database
from kehoach.apps.figures.importing import ActualsFileError, describe, import_file
from kehoach.apps.history.attribution import attributed
from kehoach.domain.assessment.model import FigureStatus


class Command(BaseCommand):
    help = "Actual figures of indicators. `kehoach actuals import FILE`: load published figures from CSV or XLSX."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        load = subcommands.add_parser(
            "import",
            help="import figures from a CSV (UTF-8) or XLSX file with the columns of haiphong-2025-figures.csv",
            description=(
                "Check every row, then store all figures in one transaction. Any problem: exit status 2 "
                "and nothing stored, unless --skip-invalid. Importing the same file again changes nothing; "
                "a changed value becomes a new version of the figure."
            ),
        )
        load.add_argument("file", metavar="FILE", help="a .csv or .xlsx file (header in the first row)")
        load.add_argument(
            "--skip-invalid", action="store_true", help="store the valid rows and list the invalid ones skipped"
        )
        load.add_argument(
            "--dry-run", action="store_true",
            help="print what each row would do (created, revised: old → new, unchanged) and store nothing",
        )
        load.add_argument(
            "--status",
            choices=[FigureStatus.APPROVED.value, FigureStatus.DRAFT.value],
            default=FigureStatus.APPROVED.value,
            help="status of the new figures: approved (default: they are published figures) or draft",
        )
        load.add_argument(
            "--place",
            metavar="NAME",
            default=None,
            help="the locality of rows with an empty scope (default: the place of the most recent document)",
        )

    def handle(self, *args, action: str, **options):
        if action == "import":
            self.import_figures(**options)

    def import_figures(self, file: str, skip_invalid: bool, dry_run: bool, status: str, place: str | None, **_):
        open_database()
        try:
            with attributed("kehoach actuals import"):
                report = import_file(file, skip_invalid=skip_invalid, dry_run=dry_run, status=status, place=place)
        except ActualsFileError as exc:
            raise CommandError(f"nothing was stored: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.problems and not skip_invalid:
            lines = report.skipped_lines
            raise CommandError(
                f"nothing was stored: {len(report.problems)} problem(s) in {len(lines)} row(s) "
                "(use --skip-invalid to store the valid rows)",
                returncode=EXIT_NOT_IMPORTABLE,
            )
        if report.problems:
            lines = report.skipped_lines
            self.stdout.write(f"Skipped {len(lines)} invalid row(s): line(s) {', '.join(map(str, lines))}")
        if dry_run:
            for outcome in report.outcomes:
                self.stdout.write(f"{report.file}: {outcome}")
        self.stdout.write(describe(report))
        if dry_run:
            self.stdout.write("Dry run: nothing was stored.")
