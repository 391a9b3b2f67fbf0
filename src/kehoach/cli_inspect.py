"""``kehoach inspect FILE... [--json]`` without Django: what the importer reads in documents.

The command needs no database and no Django at all, so ``kehoach.cli`` runs it here without
``django.setup()`` (the start-up of every app, the API, the tables and the database drivers). The
Django command ``inspect`` (``apps/plan_import/management/commands/inspect.py``) prints the same
lines through ``summary_lines``: one way to describe a parse result.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from kehoach.domain.importer.wording import vietnamese

EXIT_NOT_IMPORTABLE = 2  # as the document commands: a file that is not such a document


def summary_lines(result) -> list[str]:
    """What ``kehoach inspect`` prints without --json (warnings included)."""
    lines = []
    for doc in result.documents:
        date = doc.date.isoformat() if doc.date else "undated"
        lines.append(f"{doc.file}: {doc.kind} {doc.number or '(no number)'} of {date}, {doc.issuer}")
        counts = {
            "targets": sum(1 for t in result.targets if t.document == doc.key),
            "scenario values": sum(1 for s in result.scenarios if s.document == doc.key),
            "reported figures": sum(1 for f in result.figures if f.document == doc.key),
            "tasks": sum(1 for t in result.tasks if t.document == doc.key),
            "projects": sum(1 for p in result.projects if p.document == doc.key),
        }
        lines.append("  " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    lines.append(f"{len(result.indicators)} indicator(s), {len(result.agencies)} agency(ies), "
                 f"{len(result.leaders)} leader(s)")
    for reading in result.readings:
        if reading.profile:
            state = "not applied" if reading.profile_declined else "applied"
            lines.append(f"{reading.file}: table at line {reading.line}: reading profile {state}: {reading.profile}")
    lines.append(f"{len(result.warnings)} warning(s)")
    for finding in result.warnings:  # in Vietnamese, as people read them; --json keeps the code
        where = f"{finding.location}: " if finding.location else ""
        lines.append(f"  {where}{vietnamese(finding)}")
    return lines


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kehoach inspect", description=(
        "Parse documents and print what they contain, without storing anything (no database needed)."))
    p.add_argument("files", nargs="+", metavar="FILE", help="converted document text files")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--no-profile", action="store_true", help="do not apply the reading profiles kept in the database")
    return p


def accepts(argv: list[str]) -> bool:
    """Whether these arguments are this command's alone (Django's options go through Django), and there is
    no database whose reading profiles would apply (``--no-profile`` says not to apply them)."""
    if "--no-profile" in argv:
        argv = [a for a in argv if a != "--no-profile"]
    elif os.environ.get("DATABASE_URL", "").strip() or Path(os.environ.get("KEHOACH_DB", "").strip()
                                                            or "kehoach.sqlite3").exists():
        return False
    return all(not a.startswith("-") or a in ("--json", "-h", "--help") for a in argv)


def main(argv: list[str]) -> int:
    options = parser().parse_args(argv)
    from kehoach.domain.importer import ImportFailure, inspect_files, to_json

    paths = [Path(name) for name in options.files]
    for path in paths:
        if not path.is_file():
            print(f"CommandError: {path}: no such file", file=sys.stderr)
            return EXIT_NOT_IMPORTABLE
    try:
        result = inspect_files(paths)
    except ImportFailure as exc:
        print(f"CommandError: {exc}", file=sys.stderr)
        return EXIT_NOT_IMPORTABLE
    if options.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(result)))
    return 0
