"""Importing a document uploaded through the web: stage, preview, confirm.

The same importer as ``kehoach inspect`` / ``kehoach import`` (``kehoach.domain.importer``) reads
the staged bytes; ``confirm`` stores them with ``importing.store`` in one transaction. A file
that is not an importable document raises ``ImportFailure`` naming the file and line.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from django.db import transaction

from kehoach.apps.documents.importing import ImportSummary, sha256, store
from kehoach.apps.documents.models import StagedUpload
from kehoach.domain.entities import ParseResult
from kehoach.domain.importer import ImportFailure, inspect_files, require_understood
from kehoach.domain.importer.readers import SUFFIXES

MAX_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = SUFFIXES  # every form the importer reads: Word, PDF, OpenDocument, HTML, text


def safe_name(name: str) -> str:
    """The base name only, NFC, without path separators."""
    base = Path(unicodedata.normalize("NFC", name or "")).name.replace("\x00", "")
    return base or "document.txt"


def stage(user, name: str, content: bytes) -> StagedUpload:
    StagedUpload.objects.filter(user=user).delete()  # one pending upload per user
    return StagedUpload.objects.create(user=user, file_name=safe_name(name), content=content, sha256=sha256(content))


def parse(staged: StagedUpload) -> ParseResult:
    """What the importer reads from the staged file (raises ImportFailure)."""
    with tempfile.TemporaryDirectory(prefix="kehoach-upload-") as folder:
        path = Path(folder) / staged.file_name
        path.write_bytes(bytes(staged.content))
        result = inspect_files([path])
    require_understood(result)  # a document whose tables were all left unread is refused, with the list
    return result


def confirm(staged: StagedUpload) -> ImportSummary:
    """Parse again and store, in one transaction; the staged copy goes with it."""
    result = parse(staged)
    with transaction.atomic():
        summary = store(result, {staged.file_name: bytes(staged.content)})
        staged.delete()
    return summary


__all__ = ["ALLOWED_SUFFIXES", "MAX_BYTES", "ImportFailure", "confirm", "parse", "stage"]
