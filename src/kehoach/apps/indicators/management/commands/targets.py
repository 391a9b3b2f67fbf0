"""``kehoach targets import FILE``: year targets and scenario values revised from a CSV or XLSX table."""

from __future__ import annotations

from kehoach.apps.commands import TableImportCommand
from kehoach.apps.indicators.revisions import TargetsFileError, describe, import_file


class Command(TableImportCommand):
    help = "Targets and scenario values. `kehoach targets import FILE`: load plan revisions from CSV or XLSX."
    name = "targets"
    file_help = ("import year targets and scenario values from a CSV (UTF-8) or XLSX file "
                 "(format: src/kehoach/apps/indicators/README.md)")
    description = (
        "Check every row, then store all revisions in one transaction. Any problem: exit status 2 and "
        "nothing stored, unless --skip-invalid. A revision never overwrites the value it revises: the "
        "previous one is kept as superseded, with its source. Importing the same file again changes nothing."
    )
    file_error = TargetsFileError

    def run_import(self, file, skip_invalid, dry_run, **_):
        return import_file(file, skip_invalid=skip_invalid, dry_run=dry_run)

    describe = staticmethod(describe)
