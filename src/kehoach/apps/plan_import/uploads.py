"""Importing a document uploaded through the web: stage, preview, correct, confirm.

The same importer as ``kehoach inspect`` / ``kehoach import`` (``kehoach.domain.importer``) reads
the staged bytes; ``confirm`` stores them with ``importing.store`` in one transaction. A file
that is not an importable document raises ``ImportFailure`` naming the file and line.

A person in the loop: on the preview, Sở Tài chính may change a column's meaning, mark a row or
correct a cell (``correct``); the corrections are kept on the staged upload and every preview and
the confirmation parse again with them (``kehoach.domain.importer.corrections``). The reading
profile kept for the issuer's layout is applied unless the person declines it (``use_profiles``).
On confirmation the corrections are kept with the import (``ImportCorrection``: who, when, what)
and saved as the layout's ``ReadingProfile``, in the same transaction as the import.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from django.db import transaction

from kehoach.apps.documents.models import StagedUpload
from kehoach.apps.documents.profiles import (
    declined_profiles,
    load_profiles,
    remember,
    updated_corrections,
)
from kehoach.apps.documents.upsert import sha256
from kehoach.apps.plan_import.importing import ImportSummary, store
from kehoach.domain.entities import ParseResult
from kehoach.domain.importer import ImportFailure, inspect_files, require_understood
from kehoach.domain.importer.corrections import CorrectionError, corrections_from_dict, corrections_to_dict
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


def parse(staged: StagedUpload, strict: bool = True) -> ParseResult:
    """What the importer reads from the staged file (raises ImportFailure). Not `strict`: a document whose
    tables were all left unread is still given (the preview shows its tables, for a person to correct)."""
    with tempfile.TemporaryDirectory(prefix="kehoach-upload-") as folder:
        path = Path(folder) / staged.file_name
        path.write_bytes(bytes(staged.content))
        profiles = load_profiles()
        try:
            corrections = corrections_from_dict(staged.corrections)
        except (CorrectionError, ValueError) as exc:
            raise ImportFailure(f"the corrections kept for this upload cannot be read: {exc}") from exc
        result = inspect_files([path], corrections, profiles if staged.use_profiles else None)
    if not staged.use_profiles:
        declined_profiles(result, profiles)
    if strict:
        require_understood(result)  # a document whose tables were all left unread is refused, with the list
    return result


def correct(staged: StagedUpload, result: ParseResult, fields: dict[str, str]) -> int:
    """A person's corrections from the preview's form (see profiles.updated_corrections), kept on the
    staged upload for the next preview and the confirmation. Returns how many changed."""
    corrections = corrections_from_dict(staged.corrections)
    changed = updated_corrections(corrections, result.readings, fields)
    if changed:
        staged.corrections = corrections_to_dict(corrections)
        staged.save(update_fields=["corrections"])
    return changed


def set_profiles(staged: StagedUpload, use: bool) -> None:
    staged.use_profiles = use
    staged.save(update_fields=["use_profiles"])


def confirm(staged: StagedUpload, user=None) -> ImportSummary:
    """Parse again with the corrections and store, in one transaction with the corrections' history and
    the layout's reading profile; the staged copy goes with it."""
    result = parse(staged)
    with transaction.atomic():
        summary = store(result, {staged.file_name: bytes(staged.content)})
        remember(result, corrections_from_dict(staged.corrections), summary.documents, staged.file_name, user)
        staged.delete()
    return summary


__all__ = ["ALLOWED_SUFFIXES", "MAX_BYTES", "ImportFailure", "confirm", "correct", "parse", "require_understood",
           "set_profiles", "stage"]
