"""What the document commands (``inspect``, ``import``, ``demo``) share: reading and parsing the
files with the importer, printing its warnings and what the import changed."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

from kehoach.apps.commands import EXIT_NOT_IMPORTABLE
from kehoach.apps.plan_import.importing import ImportSummary
from kehoach.domain.entities import Finding, ParseResult
from kehoach.domain.importer.wording import vietnamese


def parse_files(names: list[str], use_profiles: bool = True) -> tuple[ParseResult, dict[str, bytes]]:
    """Parse the files with the importer, applying the reading profiles kept for their layouts unless told
    not to; a file that cannot be imported ends the command with status 2."""
    # imported here for start-up time: the importer (and its readers) loads only when files are parsed
    from kehoach.apps.documents.profiles import load_profiles
    from kehoach.domain.importer import ImportFailure, inspect_files, require_understood

    paths = [Path(name) for name in names]
    for path in paths:
        if not path.is_file():
            raise CommandError(f"{path}: no such file", returncode=EXIT_NOT_IMPORTABLE)
    try:
        result = inspect_files(paths, profiles=load_profiles() if use_profiles else None)  # --no-profile: no query
        require_understood(result)  # tables found and none understood: status 2, with the list
    except ImportFailure as exc:
        raise CommandError(str(exc), returncode=EXIT_NOT_IMPORTABLE) from exc
    return result, {path.name: path.read_bytes() for path in paths}


def describe_finding(finding: Finding) -> str:
    """A warning as people read it: in Vietnamese, without its code (``inspect --json`` keeps the code)."""
    where = f"{finding.location}: " if finding.location else ""
    return f"{where}{vietnamese(finding)}"


def write_profiles(out: OutputWrapper, result: ParseResult) -> None:
    """Which reading profile each table was read with."""
    for reading in result.readings:
        if reading.profile:
            out.write(f"{reading.file}: table at line {reading.line}: reading profile applied: {reading.profile}")


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
