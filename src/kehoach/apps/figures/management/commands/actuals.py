"""``kehoach actuals import FILE``: load published figures from a CSV or XLSX table, all or nothing."""

from __future__ import annotations

from kehoach.apps.commands import TableImportCommand
from kehoach.apps.figures.importing import ActualsFileError, describe, import_file
from kehoach.domain.assessment.model import FigureStatus


class Command(TableImportCommand):
    help = "Actual figures of indicators. `kehoach actuals import FILE`: load published figures from CSV or XLSX."
    name = "actuals"
    file_help = "import figures from a CSV (UTF-8) or XLSX file with the columns of haiphong-2025-figures.csv"
    description = (
        "Check every row, then store all figures in one transaction. Any problem: exit status 2 "
        "and nothing stored, unless --skip-invalid. Importing the same file again changes nothing; "
        "a changed value becomes a new version of the figure."
    )
    file_error = ActualsFileError

    def add_import_arguments(self, load):
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

    def run_import(self, file, skip_invalid, dry_run, status, place=None, **_):
        return import_file(file, skip_invalid=skip_invalid, dry_run=dry_run, status=status, place=place)

    describe = staticmethod(describe)
