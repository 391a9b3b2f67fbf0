"""What the document commands share: reading and parsing files, printing results."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper
from django.db import DatabaseError

from kehoach.apps.documents.importing import ImportSummary
from kehoach.domain.entities import Finding, ParseResult
from kehoach.site.database import ensure_database

EXIT_NOT_IMPORTABLE = 2  # exit status when a file is not such a document or cannot be understood


def parse_files(names: list[str]) -> tuple[ParseResult, dict[str, bytes]]:
    """Parse the files with the importer; a file that cannot be imported ends the command with status 2."""
    from kehoach.domain.importer import ImportFailure, inspect_files

    paths = [Path(name) for name in names]
    for path in paths:
        if not path.is_file():
            raise CommandError(f"{path}: no such file", returncode=EXIT_NOT_IMPORTABLE)
    try:
        result = inspect_files(paths)
    except ImportFailure as exc:
        raise CommandError(str(exc), returncode=EXIT_NOT_IMPORTABLE) from exc
    return result, {path.name: path.read_bytes() for path in paths}


def open_database() -> None:
    """ensure_database(), with a one-line error instead of a traceback when the server cannot be used."""
    try:
        ensure_database()
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CommandError(f"cannot open the database: {first_line}") from exc


def describe_finding(finding: Finding) -> str:
    where = f"{finding.location}: " if finding.location else ""
    return f"{where}[{finding.code}] {finding.message}"


def write_warnings(out: OutputWrapper, findings: list[Finding]) -> None:
    out.write(f"{len(findings)} warning(s)")
    for finding in findings:
        out.write(f"  {describe_finding(finding)}")


def write_summary(out: OutputWrapper, summary: ImportSummary) -> None:
    out.write(f"{'model':<16}{'created':>9}{'updated':>9}{'unchanged':>11}{'deleted':>9}")
    for name, created, updated, unchanged, deleted in summary.rows():
        out.write(f"{name:<16}{created:>9}{updated:>9}{unchanged:>11}{deleted:>9}")
    if summary.superseded:
        out.write(f"{summary.superseded} target(s) changed whether they are superseded")
    if not summary.changed:
        out.write("Nothing changed: the database already holds these documents as they are.")
