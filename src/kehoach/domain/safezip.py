"""Check a zip-based file (.xlsx, .docx, a backup) before anything decompresses it.

A decompression bomb is a small archive that expands to gigabytes: a 151 KB workbook once took the
web server to 1,86 GB. ``check`` reads only the archive's central directory (the members' declared
sizes; Python's zipfile never inflates a member beyond its declared size) and refuses, naming the
member, an archive with too many members, a member too large, a total too large, or a member
whose compression ratio is beyond what real documents have.

The limits are ``Limits``; ``limits(environ, kind)`` reads them from the environment:
``KEHOACH_ZIP_MAX_MEMBER_MB`` (default 100), ``KEHOACH_ZIP_MAX_TOTAL_MB`` (200),
``KEHOACH_ZIP_MAX_RATIO`` (100) and ``KEHOACH_ZIP_MAX_MEMBERS`` (2000); backups have their own,
larger size limits (``KEHOACH_BACKUP_MAX_TOTAL_MB``, default 20000, ratio 200).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


class ZipBombError(ValueError):
    """The archive would expand beyond the limits; the message names the member and the limit."""


@dataclass(frozen=True)
class Limits:
    max_member: int = 100 * MB  # uncompressed bytes of one member
    max_total: int = 200 * MB  # uncompressed bytes of every member together
    max_ratio: float = 100.0  # uncompressed / compressed size of one member (members above 1 MB)
    max_members: int = 2000


def limits(environ: Mapping[str, str] | None = None, kind: str = "document") -> Limits:
    """The limits of a kind of file ("document": .xlsx, .docx; "backup") from the environment."""
    environ = os.environ if environ is None else environ

    def number(name: str, default: float) -> float:
        text = environ.get(name, "").strip()
        return float(text) if text else default

    if kind == "backup":
        return Limits(max_member=int(number("KEHOACH_BACKUP_MAX_MEMBER_MB", 10000) * MB),
                      max_total=int(number("KEHOACH_BACKUP_MAX_TOTAL_MB", 20000) * MB),
                      max_ratio=number("KEHOACH_BACKUP_MAX_RATIO", 200),
                      max_members=int(number("KEHOACH_BACKUP_MAX_MEMBERS", 1_000_000)))
    return Limits(max_member=int(number("KEHOACH_ZIP_MAX_MEMBER_MB", 100) * MB),
                  max_total=int(number("KEHOACH_ZIP_MAX_TOTAL_MB", 200) * MB),
                  max_ratio=number("KEHOACH_ZIP_MAX_RATIO", 100),
                  max_members=int(number("KEHOACH_ZIP_MAX_MEMBERS", 2000)))


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def check(source: str | Path | bytes, limits_: Limits | None = None, name: str = "") -> None:
    """Raise ZipBombError unless every declared size of the archive is within ``limits_``.

    A file that is not a zip archive passes (the reader that opens it says what it is not)."""
    limits_ = limits_ or limits()
    name = name or (str(source) if not isinstance(source, bytes) else "upload")
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > limits_.max_members:
            raise ZipBombError(f"{name}: {len(members)} members in the archive, at most {limits_.max_members}")
        total = 0
        for member in members:
            if member.file_size > MB and member.file_size > limits_.max_ratio * max(member.compress_size, 1):
                ratio = member.file_size / max(member.compress_size, 1)
                raise ZipBombError(f"{name}: {member.filename} is compressed {ratio:.0f} to 1 "
                                   f"(at most {limits_.max_ratio:.0f} to 1): a decompression bomb")
            if member.file_size > limits_.max_member:
                raise ZipBombError(f"{name}: {member.filename} would expand to {_megabytes(member.file_size)}, "
                                   f"at most {_megabytes(limits_.max_member)} per member")
            total += member.file_size
            if total > limits_.max_total:
                raise ZipBombError(f"{name}: the members would expand to more than "
                                   f"{_megabytes(limits_.max_total)} together")
