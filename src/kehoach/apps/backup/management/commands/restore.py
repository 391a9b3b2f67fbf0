"""``kehoach restore FILE [--force] [--allow-unsigned]``: put a backup back, all or nothing; a backup
whose signature does not match (``kehoach.apps.backup.signature``) is refused."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from kehoach.apps.backup.archive import BackupError, read_manifest, restore
from kehoach.apps.commands import EXIT_NOT_IMPORTABLE, open_database


class Command(BaseCommand):
    help = (
        "Restore a file of `kehoach backup` into the database (created and migrated when needed) in one "
        "transaction. The whole file is checked first; a database that holds data is refused unless --force, "
        "and so is a backup made at other migrations. Exit status 2 and nothing changed on any problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="a file written by `kehoach backup`")
        parser.add_argument(
            "--force", action="store_true", help="replace everything in a database that already holds data"
        )
        parser.add_argument(
            "--allow-unsigned", action="store_true",
            help="restore a backup without a signature (one made before backups were signed)",
        )

    def handle(self, *args, file: str, force: bool, allow_unsigned: bool = False, **options):
        try:
            manifest = read_manifest(file, allow_unsigned=allow_unsigned)
        except BackupError as exc:
            raise CommandError(f"nothing was restored: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        open_database()
        try:
            summary = restore(file, manifest, force=force)
        except BackupError as exc:
            raise CommandError(f"nothing was restored: {exc}", returncode=EXIT_NOT_IMPORTABLE) from exc
        except DatabaseError as exc:
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CommandError(
                f"nothing was restored: the database refused a row of {file}: {first_line}",
                returncode=EXIT_NOT_IMPORTABLE,
            ) from exc
        self.stdout.write(
            f"{file}: restored {summary.rows} row(s) of {len(summary.tables)} table(s) and {summary.files} "
            "uploaded file(s) "
            f"(backup of {summary.created_at}, kehoach {summary.kehoach_version})"
        )
