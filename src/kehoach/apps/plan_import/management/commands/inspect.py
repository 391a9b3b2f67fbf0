"""``kehoach inspect FILE... [--json] [--no-profile]``: what the importer reads in documents. Stores nothing; the
only thing it reads from a database, when there is one, is the reading profiles it applies (and says)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from kehoach.apps.plan_import.document_commands import parse_files
from kehoach.cli_inspect import summary_lines


class Command(BaseCommand):
    help = "Parse documents and print what they contain, without storing anything (no database needed)."
    requires_system_checks = []  # the system checks must not open a database connection

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="converted document text files")
        parser.add_argument("--json", action="store_true", help="print the full result as JSON")
        parser.add_argument("--no-profile", action="store_true",
                            help="do not apply the reading profiles kept in the database")

    def handle(self, *args, **options):
        from kehoach.domain.importer import to_json

        result, _contents = parse_files(options["files"], use_profiles=not options["no_profile"])
        if options["json"]:
            self.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2))
            return
        for line in summary_lines(result):  # the reading profiles applied included
            self.stdout.write(line)
