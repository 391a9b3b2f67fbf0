"""A person in the loop: what a person corrects in how a document's tables were read.

The importer decides what each column of a table means (:mod:`.columns`) and what each row is
(a task, a group, a continuation of the row above, or not read). A person who sees that reading
(the upload preview, ``kehoach inspect``) may say otherwise:

* a column's meaning: one of :data:`COLUMN_ROLES`, ``attribute`` (kept as a task attribute) or
  ``ignored``;
* a row's mark: ``task``, ``group`` or ``skip``;
* a cell's text.

Corrections are kept per table, the table named by its *header key* (:func:`header_key`, the folded
header texts: the same for every document of that layout). They are applied to the tables found
in a document before its rows are parsed, so the web upload and the commands share one way of
applying them and the result is parsed again from the corrected cells — never patched afterwards.

A *reading profile* is the column meanings and row marks a person gave for an issuer's layout,
kept to be applied the next time a document of that issuer with that header arrives
(:class:`Profile`; stored by ``kehoach.apps.documents``). Row marks of a profile name rows by their
text (a document of the same layout has other line numbers); cell edits belong to one document and
are never part of a profile.

What a table was read as, row by row and column by column, is given as :class:`TableReading`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from kehoach.domain.importer.columns import ROLE_RULES, Column
from kehoach.domain.importer.reader import Row, Table
from kehoach.domain.text import fold

ATTRIBUTE = "attribute"  # a column kept as written, as an attribute of each task (funding, assigning document)
IGNORED = "ignored"  # a column not read at all
COLUMN_ROLES: tuple[str, ...] = tuple(role for role, _patterns in ROLE_RULES) + (ATTRIBUTE, IGNORED)
ROW_MARKS = ("task", "group", "skip")


class CorrectionError(ValueError):
    """A correction that cannot apply: an unknown meaning or mark, a column outside the table."""


def header_key(table: Table) -> str:
    """The table's layout, the same in every document that writes this header: a hash of its folded labels."""
    return hashlib.sha256(header_text(table).encode()).hexdigest()[:20]


def header_text(table: Table) -> str:
    return " | ".join(" / ".join(fold(x) for x in labels) for labels in table.labels())


def row_text(cells: list[str]) -> str:
    """How a profile names a row: its folded cells (line numbers differ from one document to the next)."""
    return " | ".join(fold(c) for c in cells if c)[:300]


@dataclass
class TableCorrections:
    columns: dict[int, str] = field(default_factory=dict)  # 0-based column index -> meaning
    rows: dict[int, str] = field(default_factory=dict)  # row line -> mark
    row_texts: dict[str, str] = field(default_factory=dict)  # row_text -> mark (a profile's rows)
    cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row line, 0-based column) -> text

    def __bool__(self) -> bool:
        return bool(self.columns or self.rows or self.row_texts or self.cells)

    def validate(self) -> None:
        for index, role in self.columns.items():
            if role not in COLUMN_ROLES:
                raise CorrectionError(f"column {index + 1}: unknown meaning {role!r} (expected one of "
                                      f"{', '.join(COLUMN_ROLES)})")
        for where, mark in [*self.rows.items(), *self.row_texts.items()]:
            if mark not in ROW_MARKS:
                raise CorrectionError(f"row {where}: unknown mark {mark!r} (expected task, group or skip)")

    def over(self, base: TableCorrections | None) -> TableCorrections:
        """These corrections applied over `base` (a profile): a person's latest word wins."""
        if not base:
            return self
        return TableCorrections(columns={**base.columns, **self.columns}, rows={**base.rows, **self.rows},
                                row_texts={**base.row_texts, **self.row_texts}, cells={**base.cells, **self.cells})

    def to_dict(self) -> dict:
        """As JSON (the staged upload, the profile, the import's history)."""
        return {"columns": {str(k): v for k, v in self.columns.items()},
                "rows": {str(k): v for k, v in self.rows.items()},
                "row_texts": dict(self.row_texts),
                "cells": {f"{line}:{col}": text for (line, col), text in self.cells.items()}}

    @classmethod
    def from_dict(cls, data: Mapping | None) -> TableCorrections:
        data = data or {}
        cells = {}
        for key, text in (data.get("cells") or {}).items():
            line, col = key.split(":")
            cells[(int(line), int(col))] = text
        out = cls(columns={int(k): v for k, v in (data.get("columns") or {}).items()},
                  rows={int(k): v for k, v in (data.get("rows") or {}).items()},
                  row_texts=dict(data.get("row_texts") or {}), cells=cells)
        out.validate()
        return out


Corrections = dict[str, TableCorrections]  # header key -> the corrections of the tables of that header


def corrections_to_dict(corrections: Corrections) -> dict:
    return {key: c.to_dict() for key, c in corrections.items() if c}


def corrections_from_dict(data: Mapping | None) -> Corrections:
    return {key: TableCorrections.from_dict(value) for key, value in (data or {}).items()}


@dataclass
class Profile:
    """A reading profile: the corrections kept for an issuer's table layout, and how to name it to a person."""

    issuer: str  # folded issuer (see profile_issuer)
    header: str  # header_key
    corrections: TableCorrections
    label: str = ""  # e.g. "Ủy ban nhân dân tỉnh Quảng Ninh, 12/05/2025, người sửa: tc"


Profiles = Mapping[tuple[str, str], Profile]  # (profile_issuer, header_key) -> profile


def profile_issuer(issuer: str) -> str:
    return " ".join(fold(issuer).split())


def for_profile(corrections: TableCorrections, rows: list[Row]) -> TableCorrections:
    """What of a document's corrections is kept in its layout's profile: column meanings, and row
    marks by the rows' text. Cell edits are the document's own."""
    texts = {r.line: row_text(r.cells) for r in rows}
    marks = dict(corrections.row_texts)
    marks.update({texts[line]: mark for line, mark in corrections.rows.items() if texts.get(line)})
    return TableCorrections(columns=dict(corrections.columns), row_texts=marks)


def apply_to_rows(table: Table, corrections: TableCorrections) -> list[Row]:
    """Cell edits and row marks into the table's rows, before any parser reads them. Returns the rows a
    person marked `skip` (taken out of the table)."""
    skipped: list[Row] = []
    kept: list[Row] = []
    for row in table.rows:
        for (line, col), text in corrections.cells.items():
            if line == row.line:
                if col >= len(row.cells):
                    raise CorrectionError(f"row at line {line}: the table has {len(row.cells)} columns, "
                                          f"no column {col + 1}")
                row.cells[col] = " ".join(text.split())
                row.raw[col] = text
        mark = corrections.rows.get(row.line) or corrections.row_texts.get(row_text(row.cells), "")
        if mark == "skip":
            skipped.append(row)
            continue
        row.mark = mark
        kept.append(row)
    table.rows = kept
    return skipped


def apply_to_columns(columns: list[Column], corrections: TableCorrections) -> list[Column]:
    """The columns with a person's meanings: a meaning given to a column is taken from any other column
    (a meaning is held by one column only)."""
    for index in corrections.columns:
        if index >= len(columns):
            raise CorrectionError(f"the table has {len(columns)} columns, no column {index + 1}")
    out = list(columns)
    given = {role for role in corrections.columns.values() if role not in (ATTRIBUTE, IGNORED)}
    for i, column in enumerate(out):
        role = corrections.columns.get(column.index)
        if role is None:
            if column.role in given:
                out[i] = Column(column.index, column.labels)
            continue
        if role == IGNORED:
            out[i] = Column(column.index, [])  # no labels: not read, not kept as an attribute
        elif role == ATTRIBUTE:
            out[i] = Column(column.index, column.labels or [f"Cột {column.index + 1}"])
        else:
            out[i] = Column(column.index, column.labels or [f"Cột {column.index + 1}"], role=role)
    return out


# --- what a table was read as --------------------------------------------------------------------------


@dataclass
class ColumnReading:
    index: int  # 0-based
    labels: list[str]
    meaning: str  # a role of COLUMN_ROLES, "attribute" or "ignored"; "" for a column with no header
    corrected: bool = False


@dataclass
class RowReading:
    line: int
    cells: list[str]
    kind: str  # task, group, continuation, header, read (a row of indicators, targets, projects), skipped
    why: str = ""  # for a skipped row: why it was not read
    mark: str = ""  # what a person marked it (task, group, skip)
    edited: list[int] = field(default_factory=list)  # 0-based columns a person corrected


@dataclass
class TableReading:
    file: str
    document: str  # the document's key
    line: int
    key: str  # header_key
    caption: str
    kind: str | None  # tasks, scenario, targets, projects, assignments, layout, None (not understood)
    columns: list[ColumnReading]
    rows: list[RowReading]
    profile: str = ""  # the label of the reading profile applied, if any
    profile_declined: bool = False  # a profile exists for this layout and the person chose not to apply it


def column_readings(original: list[Column], used: list[Column], corrections: TableCorrections,
                    kind: str | None) -> list[ColumnReading]:
    out = []
    for before, column in zip(original, used, strict=True):
        if column.role:
            meaning = column.role
        elif not column.labels:
            meaning = IGNORED if before.labels else ""
        elif kind == "tasks" or corrections.columns.get(column.index) == ATTRIBUTE:
            meaning = ATTRIBUTE
        elif column.period_kind or column.year or column.target or column.estimate:
            meaning = "values"  # a column of values per period or year (scenario, targets)
        else:
            meaning = IGNORED
        out.append(ColumnReading(column.index, before.labels, meaning, column.index in corrections.columns))
    return out


def row_readings(snapshot: list[tuple[Row, list[str]]], skipped: list[Row], kinds: Mapping[int, str],
                 read: set[int], warnings: Mapping[int, str], why: str, corrections: TableCorrections
                 ) -> list[RowReading]:
    """Every row of the table, in order, with what it was read as (`snapshot`: the rows and their cells
    before the parser joined any)."""
    skipped_lines = {r.line for r in skipped}
    out = []
    for row, cells in snapshot:
        edited = sorted(col for (line, col) in corrections.cells if line == row.line)
        if row.line in skipped_lines:
            out.append(RowReading(row.line, cells, "skipped", "Người dùng đánh dấu bỏ qua", "skip", edited))
            continue
        if row.line in kinds:
            kind, reason = kinds[row.line], ""
        elif set(row.lines or [row.line]) & read:
            kind, reason = "read", ""
        else:
            kind, reason = "skipped", warnings.get(row.line, why)
        out.append(RowReading(row.line, cells, kind, reason, row.mark, edited))
    return out
