"""What every ``kehoach`` command shares: opening the database with a one-line error, the exit
status of a file that cannot be imported, and ``TableImportCommand`` (``kehoach actuals import``,
``kehoach progress import``). The document commands' own helpers are in
``kehoach.apps.plan_import.document_commands``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from kehoach.apps.attribution import attributed
from kehoach.apps.database import ensure_database

EXIT_NOT_IMPORTABLE = 2  # exit status when a file is not such a document or cannot be understood


def open_database() -> None:
    """ensure_database(), with a one-line error instead of a traceback when the server cannot be used."""
    try:
        ensure_database()
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CommandError(f"cannot open the database: {first_line}") from exc


class TableImportCommand(BaseCommand):
    """``kehoach NAME import FILE``: a CSV/XLSX table checked row by row, then stored in one transaction
    (``actuals``, ``progress``). A subclass names itself, describes its file, adds its own options,
    and defines ``run_import(file, skip_invalid, dry_run, **options)`` (its app's ``import_file``,
    returning the report: problems, skipped_lines, outcomes, file) and ``describe(report)`` (the
    counts); the arguments, the error handling, the attribution in the history and the printed
    report are the same for every table."""

    name = ""  # "actuals": the command is `kehoach actuals import`
    file_help = ""
    description = ""
    file_error: type[Exception] = Exception  # a file that cannot be read at all

    def add_import_arguments(self, load) -> None:
        """The table's own options (--status, --place, ...)."""

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        load = subcommands.add_parser("import", help=self.file_help, description=self.description)
        load.add_argument("file", metavar="FILE", help="a .csv or .xlsx file (header in the first row)")
        load.add_argument(
            "--skip-invalid", action="store_true", help="store the valid rows and list the invalid ones skipped"
        )
        load.add_argument(
            "--dry-run", action="store_true",
            help="print what each row would do (created, revised: old → new, unchanged) and store nothing",
        )
        self.add_import_arguments(load)

    def handle(self, *args, action: str, file: str, skip_invalid: bool, dry_run: bool, **options):
        open_database()
        try:
            with attributed(f"kehoach {self.name} import"):
                report = self.run_import(file, skip_invalid=skip_invalid, dry_run=dry_run, **options)
        except self.file_error as exc:
            raise CommandError(f"nothing was stored: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        for problem in report.problems:
            self.stderr.write(str(problem))
        lines = report.skipped_lines
        if report.problems and not skip_invalid:
            raise CommandError(
                f"nothing was stored: {len(report.problems)} problem(s) in {len(lines)} row(s) "
                "(use --skip-invalid to store the valid rows)",
                returncode=EXIT_NOT_IMPORTABLE,
            )
        if report.problems:
            self.stdout.write(f"Skipped {len(lines)} invalid row(s): line(s) {', '.join(map(str, lines))}")
        if dry_run:
            for outcome in report.outcomes:
                self.stdout.write(f"{report.file}: {outcome}")
        self.stdout.write(self.describe(report))
        if dry_run:
            self.stdout.write("Dry run: nothing was stored.")
