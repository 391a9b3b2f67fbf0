"""``kehoach import FILE...``: parse documents and store them, all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.attribution import attributed
from kehoach.apps.commands import open_database
from kehoach.apps.plan_import.document_commands import parse_files, write_profiles, write_summary, write_warnings
from kehoach.apps.plan_import.importing import StoreError, store


class Command(BaseCommand):
    help = (
        "Import documents into the database (created and migrated when needed) in one transaction. "
        "Exit status 2 when a file is not an importable document; nothing is stored then."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="converted document text files")
        parser.add_argument("--no-profile", action="store_true",
                            help="do not apply the reading profiles kept for the documents' layouts")

    def handle(self, *args, files: list[str], **options):
        # parsed first: a file that is not a document ends the command before any database is made
        result, contents = parse_files(files, use_profiles=not options["no_profile"])
        open_database()
        try:
            with attributed("kehoach import"):
                summary = store(result, contents)
        except StoreError as exc:
            raise CommandError(f"nothing was stored: {exc}") from exc
        for document in summary.documents:
            self.stdout.write(f"{document.file_name}: {document}")
        write_profiles(self.stdout, result)
        write_summary(self.stdout, summary)
        write_warnings(self.stdout, result.warnings + summary.findings)
