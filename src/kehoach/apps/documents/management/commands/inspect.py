"""``kehoach inspect FILE... [--json]``: what the importer reads in documents. Never touches a database."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from kehoach.apps.documents.document_commands import parse_files, write_warnings


class Command(BaseCommand):
    help = "Parse documents and print what they contain, without storing anything (no database needed)."
    requires_system_checks = []  # the system checks must not open a database connection

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="converted document text files")
        parser.add_argument("--json", action="store_true", help="print the full result as JSON")

    def handle(self, *args, **options):
        from kehoach.domain.importer import to_json

        result, _contents = parse_files(options["files"])
        if options["json"]:
            self.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2))
            return
        for doc in result.documents:
            date = doc.date.isoformat() if doc.date else "undated"
            self.stdout.write(f"{doc.file}: {doc.kind} {doc.number or '(no number)'} of {date}, {doc.issuer}")
            counts = {
                "targets": sum(1 for t in result.targets if t.document == doc.key),
                "scenario values": sum(1 for s in result.scenarios if s.document == doc.key),
                "reported figures": sum(1 for f in result.figures if f.document == doc.key),
                "tasks": sum(1 for t in result.tasks if t.document == doc.key),
                "projects": sum(1 for p in result.projects if p.document == doc.key),
            }
            self.stdout.write("  " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        self.stdout.write(
            f"{len(result.indicators)} indicator(s), {len(result.agencies)} agency(ies), {len(result.leaders)} leader(s)"
        )
        write_warnings(self.stdout, result.warnings)
