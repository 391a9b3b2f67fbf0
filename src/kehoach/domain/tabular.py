"""Reading tables people fill in: CSV (UTF-8) and XLSX files, one row per record, a header first.

The one way kehoach reads a tabular file: ``kehoach actuals import`` (figures), ``kehoach progress
import`` (task progress) and the agency workspace's Excel upload all go through here. No Django:
plain Python and openpyxl.

* ``read_table(path, names, required)``: a CSV or the first sheet of an XLSX file as a ``Table``:
  every non-empty data row with its position (the CSV line where the record starts, the sheet's
  row number; the header is 1) and its cells as text, keyed by the column codes the header names.
* ``open_workbook(source)``: every sheet of a workbook as raw rows; ``table_of`` makes a ``Table``
  of one of them (the workspace upload picks its sheets by name).
* ``match_columns(header, names)``: which column holds which code. A header cell matches a code when,
  case and diacritics ignored (``fold``), it is one of the code's names; the order of the columns is
  free and unknown columns are ignored (``Table.ignored``).
* ``cell_text(value)``: a spreadsheet cell as the text a CSV would hold (dates ISO, numbers of the
  ``number_columns`` in Vietnamese format: ``1.234,5``).
* ``Problem``: a problem of one cell, printed ``FILE:LINE: column NAME: found ..., expected ...``;
  ``Outcome``: what an import did with one row (created, revised with old → new, unchanged), the
  lines a dry run prints.

A file that cannot be read as a table at all (missing, not UTF-8, not CSV, not a workbook, empty,
without the required columns) raises ``TableError`` with a message naming the file and, where
there is one, the line.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kehoach.domain import safezip
from kehoach.domain.days import parse_day  # noqa: F401  (a date cell: the one day parser)
from kehoach.domain.numbers import NumberFormatError, format_number, parse_number
from kehoach.domain.text import fold

XLSX_SUFFIXES = (".xlsx", ".xlsm")


class TableError(Exception):
    """The file as a whole cannot be read as a table: nothing in it is used."""


class MissingColumns(TableError):
    """The header lacks a required column (``missing``: the codes, or alternatives, not found)."""

    def __init__(self, message: str, missing: list[str]):
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Problem:
    """A problem of one cell: where it is, what was found, what was expected."""

    file: str
    line: int
    column: str
    found: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: column {self.column}: found {self.found}, expected {self.expected}"


@dataclass(frozen=True)
class Outcome:
    """What an import did (or would do) with one row: ``created``, ``revised`` or ``unchanged``;
    a revision lists its changes as (column, old, new)."""

    line: int
    record: str
    action: str
    changes: tuple[tuple[str, str, str], ...] = ()

    def __str__(self) -> str:
        text = f"line {self.line}: {self.record}: {self.action}"
        if self.changes:
            text += ": " + "; ".join(f"{column} {old!r} → {new!r}" for column, old, new in self.changes)
        return text


@dataclass(frozen=True)
class Row:
    """One data row: ``cells`` the text of every known column ("" when absent), ``raw`` the values
    as stored (XLSX: numbers, dates, None; CSV: the text)."""

    line: int
    cells: dict[str, str]
    raw: dict[str, object]


@dataclass
class Table:
    file: str
    header: list[str]
    columns: dict[str, int]
    rows: list[Row] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    sheet: str = ""


def found(text: str) -> str:
    """How a problem quotes a cell: ``'text'``, or "an empty cell"."""
    return repr(text) if text else "an empty cell"


def cell_text(value, vietnamese_number: bool = False) -> str:
    """A spreadsheet cell as the text a CSV would hold: dates ISO, numbers as written (in Vietnamese
    format, ``1.234,5``, when ``vietnamese_number``), the rest stripped."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        if vietnamese_number:
            try:
                number = Decimal(str(value))
                if number.is_finite() and number == number.to_integral_value():
                    number = number.quantize(Decimal(1))
                return format_number(number) if number.is_finite() else str(value)
            except (InvalidOperation, ValueError):
                return str(value)
        return str(value)
    return str(value).strip()


def parse_percent(value) -> int | None:
    """A percent cell: a whole number from 0 to 100 (``50``, ``50%``; a spreadsheet percentage 0,5 is 50);
    None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        if 0 < number <= 1 and number != number.to_integral_value():
            number *= 100  # a cell formatted as a percentage: 0,5 is 50%
    else:
        text = cell_text(value).removesuffix("%").strip()
        try:
            number = parse_number(text)
        except (NumberFormatError, ValueError, ArithmeticError):
            return None
    if number != number.to_integral_value() or not 0 <= number <= 100:
        return None
    return int(number)


def match_columns(header: Sequence[object], names: Mapping[str, Iterable[str]]) -> tuple[dict[str, int], list[str]]:
    """({code: index of its column}, header cells that name no code). The first matching column wins."""
    options = {code: {fold(n).strip() for n in (code, *choices)} for code, choices in names.items()}
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for i, cell in enumerate(header):
        text = cell_text(cell)
        folded = fold(text).strip()
        code = next((c for c, names_ in options.items() if folded in names_ and c not in columns), None)
        if code is not None:
            columns[code] = i
        elif text:
            ignored.append(text)
    return columns, ignored


def table_of(
    file: str,
    rows: Sequence[tuple[int, Sequence[object]]],
    names: Mapping[str, Iterable[str]],
    required: Sequence[str | tuple[str, ...]] = (),
    *,
    number_columns: Collection[str] = (),
    sheet: str = "",
) -> Table:
    """A table of numbered raw rows, the first the header; ``required``: codes (a tuple: one of them)."""
    if not rows:
        raise TableError(f"{file}: empty{' sheet ' + sheet if sheet else ''}; expected a header row "
                         f"with the columns {', '.join(names)}")
    header_line, header_cells = rows[0]
    header = [cell_text(c) for c in header_cells]
    columns, ignored = match_columns(header_cells, names)
    missing = []
    for need in required:
        alternatives = (need,) if isinstance(need, str) else need
        if not any(a in columns for a in alternatives):
            missing.append(" or ".join(alternatives))
    if missing:
        wanted = ", ".join(" or ".join((r,) if isinstance(r, str) else r) for r in required)
        raise MissingColumns(
            f"{file}:{header_line}: column {missing[0]}: found the header "
            f"{', '.join(h for h in header if h) or '(empty)'}, expected a header row with the columns "
            f"{', '.join(names)} ({wanted} required)",
            missing,
        )
    table = Table(file=file, header=header, columns=columns, ignored=ignored, sheet=sheet)
    for line, cells in rows[1:]:
        raw = {code: (cells[i] if i < len(cells) else None) for code, i in columns.items()}
        texts = {code: cell_text(raw.get(code), code in number_columns) for code in names}
        if any(texts.values()):
            table.rows.append(Row(line=line, cells=texts, raw=raw))
    return table


def read_table(
    path: str | Path,
    names: Mapping[str, Iterable[str]],
    required: Sequence[str | tuple[str, ...]] = (),
    *,
    number_columns: Collection[str] = (),
) -> Table:
    """A CSV (UTF-8, with or without BOM) or the first sheet of an XLSX file (by its suffix) as a Table."""
    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise TableError(f"{file}: no such file")
    if path.suffix.lower() in XLSX_SUFFIXES:
        sheets = open_workbook(path, file)
        if not sheets:
            raise TableError(f"{file}: the workbook has no sheet; expected a header row in row 1")
        title, rows = next(iter(sheets.items()))
        if not rows:
            raise TableError(f"{file}: the first sheet is empty; expected a header row in row 1")
        return table_of(file, rows, names, required, number_columns=number_columns, sheet=title)
    return table_of(file, read_csv(path, file), names, required, number_columns=number_columns)


def read_csv(path: Path, file: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, cells) of every record of a UTF-8 CSV file."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(f"{file}: not UTF-8 text (byte {exc.start}); expected a CSV file in UTF-8") from None
    if "\x00" in text:
        raise TableError(f"{file}: a NUL byte at character {text.index(chr(0))}; expected a CSV text file")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if len(rows) >= MAX_ROWS:
                raise TableError(f"{file}:{start}: more than {MAX_ROWS} rows")
            if len(cells) > MAX_COLUMNS:
                raise TableError(f"{file}:{start}: {len(cells)} columns, at most {MAX_COLUMNS}")
            _check_cells(file, f"line {start}", cells)
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"{file}:{reader.line_num}: not a CSV table ({exc})") from None
    if not rows:
        raise TableError(f"{file}: empty file; expected a header row")
    return rows


def open_workbook(source: str | Path | bytes, file: str = "") -> dict[str, list[tuple[int, tuple]]]:
    """{sheet title: [(row number, raw cell values)]} of every sheet of an XLSX workbook.

    The archive is checked first (``safezip.check``: no decompression bomb), and a sheet may hold at
    most ``MAX_ROWS`` rows, ``MAX_COLUMNS`` columns and ``MAX_CELL`` characters in a cell."""
    file = file or str(source if not isinstance(source, bytes) else "upload")
    try:
        safezip.check(source, name=file)
    except safezip.ZipBombError as exc:
        raise TableError(f"{exc}; expected an Excel .xlsx file of a plan's size") from None
    from openpyxl import load_workbook
    try:
        book = load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source,
                             read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise TableError(f"{file}: not an XLSX workbook ({exc}); expected an Excel .xlsx file") from None
    try:
        return {sheet.title: _bounded_rows(file, sheet) for sheet in book.worksheets}
    except TableError:
        raise
    except Exception as exc:  # a damaged sheet inside a readable archive
        raise TableError(f"{file}: a damaged XLSX workbook ({exc}); expected an Excel .xlsx file") from None
    finally:
        book.close()


MAX_ROWS = int(os.environ.get("KEHOACH_TABLE_MAX_ROWS", "") or 100_000)
MAX_COLUMNS = int(os.environ.get("KEHOACH_TABLE_MAX_COLUMNS", "") or 200)
MAX_CELL = 32_767  # Excel's own limit of the characters of a cell


def _bounded_rows(file: str, sheet) -> list[tuple[int, tuple]]:
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise TableError(f"{file}: sheet {sheet.title}: more than {MAX_ROWS} rows")
        if len(values) > MAX_COLUMNS:
            if any(v is not None for v in values[MAX_COLUMNS:]):
                raise TableError(f"{file}: sheet {sheet.title}, row {number}: more than {MAX_COLUMNS} columns")
            values = values[:MAX_COLUMNS]
        _check_cells(file, f"sheet {sheet.title}, row {number}", values)
        rows.append((number, values))
    return rows


def _check_cells(file: str, where: str, values) -> None:
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise TableError(f"{file}: {where}, column {column}: {len(value)} characters in a cell, "
                             f"at most {MAX_CELL}")
