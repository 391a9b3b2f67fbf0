"""``kehoach progress import FILE``: load task progress updates from a CSV or XLSX table, all or nothing."""

from __future__ import annotations

from kehoach.apps.commands import TableImportCommand
from kehoach.apps.tasks.importing import STATUSES, ProgressFileError, describe, import_file
from kehoach.apps.tasks.models import TaskProgress


class Command(TableImportCommand):
    help = "Task progress. `kehoach progress import FILE`: load progress updates from CSV or XLSX."
    name = "progress"
    file_help = "import progress updates from a CSV (UTF-8) or XLSX file (format: src/kehoach/apps/tasks/README.md)"
    description = (
        "Check every row, then record all updates in one transaction through the tasks' services "
        "(only a task's lead agency reports on it; a submitted update of a task overdue or about to be "
        "needs its causes, difficulties and proposals). Any problem: exit status 2 and nothing stored, "
        "unless --skip-invalid. Importing the same file again changes nothing."
    )
    file_error = ProgressFileError

    def add_import_arguments(self, load):
        load.add_argument(
            "--status", choices=STATUSES, default=TaskProgress.SUBMITTED,
            help="workflow of the updates: submitted (default: they count, and wait for Sở Tài chính's approval) "
                 "or draft",
        )

    def run_import(self, file, skip_invalid, dry_run, status, **_):
        return import_file(file, skip_invalid=skip_invalid, dry_run=dry_run, status=status)

    describe = staticmethod(describe)
