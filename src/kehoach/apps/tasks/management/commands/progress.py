"""``kehoach progress import FILE``: load task progress updates from a CSV or XLSX table, all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.documents.management.commands._common import EXIT_NOT_IMPORTABLE, open_database
from kehoach.apps.tasks.importing import STATUSES, ProgressFileError, describe, import_file
from kehoach.apps.tasks.models import TaskProgress


class Command(BaseCommand):
    help = "Task progress. `kehoach progress import FILE`: load progress updates from CSV or XLSX."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        load = subcommands.add_parser(
            "import",
            help="import progress updates from a CSV (UTF-8) or XLSX file (format: src/kehoach/apps/tasks/README.md)",
            description=(
                "Check every row, then record all updates in one transaction through the tasks' services "
                "(only a task's lead agency reports on it; a submitted update of a task overdue or about to be "
                "needs its causes, difficulties and proposals). Any problem: exit status 2 and nothing stored, "
                "unless --skip-invalid. Importing the same file again changes nothing."
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
            "--status", choices=STATUSES, default=TaskProgress.SUBMITTED,
            help="workflow of the updates: submitted (default: they count, and wait for Sở Tài chính's approval) "
                 "or draft",
        )

    def handle(self, *args, action: str, **options):
        if action == "import":
            self.import_progress(**options)

    def import_progress(self, file: str, skip_invalid: bool, dry_run: bool, status: str, **_):
        open_database()
        try:
            report = import_file(file, skip_invalid=skip_invalid, dry_run=dry_run, status=status)
        except ProgressFileError as exc:
            raise CommandError(f"nothing was stored: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.problems and not skip_invalid:
            raise CommandError(
                f"nothing was stored: {len(report.problems)} problem(s) in {len(report.skipped_lines)} row(s) "
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
