"""Reading profiles and a person's corrections, between the preview's form, the database and the importer.

The corrections themselves are applied by the importer (``kehoach.domain.importer.corrections``);
this module reads them from the preview's form, loads the profiles the importer applies, and keeps
what a person corrected when an import is confirmed: an ``ImportCorrection`` per corrected table
(who, when, what) and the layout's ``ReadingProfile``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

from kehoach.apps.documents.models import Document, ImportCorrection, ReadingProfile
from kehoach.domain.entities import ParseResult
from kehoach.domain.importer.corrections import (
    COLUMN_ROLES,
    ROW_MARKS,
    CorrectionError,
    Corrections,
    Profile,
    Profiles,
    TableCorrections,
    TableReading,
    for_profile,
    profile_issuer,
    row_text,
)
from kehoach.web.templatetags.vi import vn_date


def profile_label(profile: ReadingProfile) -> str:
    who = profile.updated_by.get_username() if profile.updated_by else _("an unknown user")
    return _("%(issuer)s, corrected on %(date)s by %(user)s") % {
        "issuer": profile.issuer_name or _("no issuer"), "date": vn_date(profile.updated_at), "user": who}


def load_profiles() -> dict[tuple[str, str], Profile]:
    """Every reading profile, as the importer takes them; none when the database has no table for them yet
    (``kehoach inspect`` runs without a migrated database); a SQLite file that is not there is not made."""
    if connection.vendor == "sqlite" and not connection.is_in_memory_db() and not Path(
            str(connection.settings_dict["NAME"])).exists():
        return {}
    try:
        rows = list(ReadingProfile.objects.select_related("updated_by"))
    except DatabaseError:
        return {}
    return {(p.issuer, p.header_key): Profile(p.issuer, p.header_key, TableCorrections.from_dict(p.corrections),
                                               profile_label(p)) for p in rows}


def declined_profiles(result: ParseResult, profiles: Profiles) -> None:
    """Say, on each table, that a profile exists for its layout and was not applied."""
    issuers = {d.key: profile_issuer(d.issuer) for d in result.documents}
    for reading in result.readings:
        profile = profiles.get((issuers.get(reading.document, ""), reading.key))
        if profile:
            reading.profile_declined = True
            reading.profile = profile.label


def updated_corrections(corrections: Corrections, readings: list[TableReading], fields: Mapping[str, str]) -> int:
    """Take a person's corrections from the preview's form into `corrections`; returns how many changed.

    Fields: ``column-<table key>-<column>`` = a meaning; ``row-<table key>-<line>`` = task, group, skip or
    "" (as the importer decides); ``cell-<table key>-<line>-<column>`` = the cell's text. A field equal to
    what the table was read as changes nothing, so the whole form can be sent back.
    """
    changed = 0
    for reading in readings:
        fixes = corrections.setdefault(reading.key, TableCorrections())
        for column in reading.columns:
            value = fields.get(f"column-{reading.key}-{column.index}")
            if value is None or value == column.meaning:
                continue
            if value not in COLUMN_ROLES:
                raise CorrectionError(_("column %(n)d: unknown meaning %(value)s") % {"n": column.index + 1,
                                                                                      "value": value})
            fixes.columns[column.index] = value
            changed += 1
        for row in reading.rows:
            mark = fields.get(f"row-{reading.key}-{row.line}")
            if mark is not None and mark != row.mark:
                if mark and mark not in ROW_MARKS:
                    raise CorrectionError(_("line %(line)d: unknown mark %(value)s") % {"line": row.line,
                                                                                       "value": mark})
                if mark:
                    fixes.rows[row.line] = mark
                else:
                    fixes.rows.pop(row.line, None)
                    fixes.row_texts.pop(row_text(row.cells), None)
                changed += 1
            for col, text in enumerate(row.cells):
                value = fields.get(f"cell-{reading.key}-{row.line}-{col}")
                if value is not None and " ".join(value.split()) != " ".join(text.split()):
                    fixes.cells[(row.line, col)] = value.strip()
                    changed += 1
    for key in [k for k, v in corrections.items() if not v]:
        del corrections[key]
    return changed


def remember(result: ParseResult, corrections: Corrections, documents: list[Document], file_name: str,
             user) -> None:
    """On confirmation (inside the import's transaction): each corrected table's corrections with the
    import's history, and the column meanings and row marks as the reading profile of its layout."""
    stored = {d.key: d for d in documents}
    issuers = {d.key: d.issuer for d in result.documents}
    user = user if getattr(user, "pk", None) else None
    for reading in result.readings:
        fixes = corrections.get(reading.key)
        document = stored.get(reading.document)
        if not fixes or document is None:
            continue
        header = " | ".join(" / ".join(c.labels) for c in reading.columns)
        ImportCorrection.objects.create(document=document, user=user, file_name=file_name, header_key=reading.key,
                                        header_text=header, corrections=fixes.to_dict(), profile=reading.profile)
        kept = for_profile(fixes, reading.rows)
        if not kept:
            continue
        issuer = issuers.get(reading.document, "")
        profile, _created = ReadingProfile.objects.get_or_create(
            issuer=profile_issuer(issuer), header_key=reading.key,
            defaults={"issuer_name": issuer, "header_text": header})
        profile.corrections = kept.over(TableCorrections.from_dict(profile.corrections)).to_dict()
        profile.updated_by = user
        profile.save()
