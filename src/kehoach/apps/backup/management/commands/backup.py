"""``kehoach backup FILE``: every table (data, history, accounts) in one portable file."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.backup.archive import BackupError, write_backup
from kehoach.apps.commands import EXIT_NOT_IMPORTABLE, open_database


class Command(BaseCommand):
    help = (
        "Write the whole database (every table, its history, the accounts) to FILE, a zip archive that "
        "`kehoach restore` reads back into SQLite or PostgreSQL. FILE is replaced only once it is complete."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the backup file to write (e.g. kehoach-2025-08-06.zip)")

    def handle(self, *args, file: str, **options):
        open_database()
        try:
            summary = write_backup(file)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=EXIT_NOT_IMPORTABLE) from exc
        except OSError as exc:
            raise CommandError(f"{file}: cannot write the backup: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        filled = sum(1 for rows in summary.tables.values() if rows)
        self.stdout.write(
            f"{file}: {summary.rows} row(s) of {len(summary.tables)} table(s) ({filled} not empty), "
            f"{summary.files} uploaded file(s), kehoach {summary.kehoach_version}, {summary.created_at}"
        )
        for name in summary.missing_files:
            self.stderr.write(f"warning: {name}: a row refers to this uploaded file, which is not in the storage")
