"""Reading a converted document: its lines, and its tables put back together across page breaks.

Conversion from Word/PDF leaves tables as tab-separated rows (or Markdown pipe rows). A page
break repeats the table's header and may cut a row in two: the rest of the row comes first on
the next page with an empty number column. This module undoes that damage and nothing else;
what the columns mean is decided in :mod:`kehoach.domain.importer.columns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.domain.entities import Location
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.numbers import NumberFormatError, parse_number
from kehoach.domain.text import clean, fold, is_emphasised, nfc

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^\s*[-+•–]\s*")


@dataclass
class Line:
    number: int  # 1-based
    text: str  # NFC, as in the file otherwise


@dataclass
class Source:
    name: str  # the file name, used in every message
    lines: list[Line]
    raw: bytes = b""

    def location(self, line: int, column: int | None = None) -> Location:
        return Location(self.name, line, column)


@dataclass
class Row:
    cells: list[str]  # cleaned text per column
    raw: list[str]  # as in the file (tags kept: <b> marks a group row)
    line: int
    after_break: bool = False  # first row after a page break (repeated header or blank gap)
    lines: list[int] = field(default_factory=list)  # every source line merged into this row

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def emphasised(self) -> bool:
        texts = [r for r in self.raw if r.strip()]
        return bool(texts) and all(is_emphasised(r) for r in texts)


@dataclass
class Table:
    header: list[list[str]]  # header rows, cleaned, padded to the table width
    rows: list[Row]
    line: int  # line of the first header row
    caption: list[str]  # the text lines just above the table (appendix title, subtitle)
    width: int
    breaks: int = 0  # page breaks repaired

    def labels(self) -> list[list[str]]:
        """Per column, the header texts from the top row down.

        A header cell spanning several columns loses its merge in conversion and sits in its
        first column only; a column whose own cell is empty inherits the spanning cell to its
        left when a deeper header row names the column.
        """
        out: list[list[str]] = [[] for _ in range(self.width)]
        depth = len(self.header)
        for r, row in enumerate(self.header):
            carried = ""
            for c in range(self.width):
                text = row[c] if c < len(row) else ""
                if text:
                    carried = text
                    out[c].append(text)
                elif carried and any(self.header[d][c] for d in range(r + 1, depth)):
                    out[c].append(carried)
        return out


def read_source(path: Path) -> Source:
    """The file as lines of NFC text; a clear failure when it is not UTF-8 text."""
    raw = Path(path).read_bytes()
    name = Path(path).name
    if b"\x00" in raw[:4096]:
        raise ImportFailure("this is a binary file, not a converted document", Location(name, 1),
                            expected="UTF-8 text with tab-separated tables")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFailure(f"byte {exc.start} is not UTF-8", Location(name, line),
                            expected="UTF-8 text") from None
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    return Source(name=name, lines=[Line(i + 1, t) for i, t in enumerate(text.split("\n"))], raw=raw)


def split_cells(text: str) -> list[str] | None:
    """The cells of a table line, or None when the line is not a table row."""
    if "\t" in text:
        return text.split("\t")
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        if _PIPE_SEPARATOR.match(stripped):
            return []  # the |---| line under a Markdown header: part of the table, no cells
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.strip() for c in inner.split("|")]
    return None


def is_number(text: str) -> bool:
    try:
        parse_number(text)
    except NumberFormatError:
        return False
    return True


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text)) and not is_number(text)


def _is_header_continuation(cells: list[str]) -> bool:
    """A second or third header row: first cell empty, some text, no cell a plain number."""
    texts = [c for c in cells if c]
    return bool(texts) and not cells[0] and not any(is_number(c) for c in texts) and len(texts) >= 2


def _same_header(a: list[str], b: list[str]) -> bool:
    fa = [fold(x) for x in a if x]
    fb = [fold(x) for x in b if x]
    return bool(fa) and fa == fb


def find_tables(source: Source) -> tuple[list[Table], list[Line]]:
    """The tables of a document, page breaks repaired, and the lines that are not in a table."""
    blocks: list[tuple[int, list[tuple[Line, list[str]]]]] = []  # (index of first line, rows)
    prose: list[Line] = []
    current: list[tuple[Line, list[str]]] = []
    start = 0
    for i, line in enumerate(source.lines):
        cells = split_cells(line.text)
        if cells is None:
            if current:
                blocks.append((start, current))
                current = []
            prose.append(line)
            continue
        if cells == []:
            continue
        if not current:
            start = i
        current.append((line, cells))
    if current:
        blocks.append((start, current))

    tables: list[Table] = []
    previous_end = -1
    for start, block in blocks:
        gap = source.lines[previous_end + 1 : start] if previous_end >= 0 else []
        gap_blank = previous_end >= 0 and all(not g.text.strip() for g in gap)
        first_cells = [clean(c) for c in block[0][1]]
        table = tables[-1] if tables else None
        if table is not None and gap_blank and _same_header(first_cells, table.header[0]):
            skip = 0
            while skip < len(block) and skip < len(table.header) and _same_header(
                [clean(c) for c in block[skip][1]], table.header[skip]
            ):
                skip += 1
            _append_rows(table, block[skip:], after_break=True)
            table.breaks += 1
        elif table is not None and gap_blank and len(block[0][1]) == table.width and first_cells[0] == "":
            # a page break without a repeated header: the next page starts with a cut row
            _append_rows(table, block, after_break=True)
            table.breaks += 1
        else:
            tables.append(_new_table(source, start, block))
        previous_end = start + len(block) - 1
    return tables, prose


def _new_table(source: Source, start: int, block: list[tuple[Line, list[str]]]) -> Table:
    width = max(len(cells) for _, cells in block)
    header = [_pad([clean(c) for c in block[0][1]], width)]
    n = 1
    while n < len(block) and _is_header_continuation([clean(c) for c in block[n][1]]):
        header.append(_pad([clean(c) for c in block[n][1]], width))
        n += 1
    caption: list[str] = []
    i = start - 1
    while i >= 0 and len(caption) < 4:
        text = clean(source.lines[i].text)
        if text:
            caption.insert(0, text)
        elif caption:
            break
        i -= 1
    table = Table(header=header, rows=[], line=block[0][0].number, caption=caption, width=width)
    _append_rows(table, block[n:], after_break=False)
    return table


def _pad(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


def _append_rows(table: Table, block: list[tuple[Line, list[str]]], after_break: bool) -> None:
    for k, (line, cells) in enumerate(block):
        if len(cells) > table.width:
            table.width = len(cells)
            table.header = [_pad(h, table.width) for h in table.header]
            for r in table.rows:
                r.cells = _pad(r.cells, table.width)
                r.raw = _pad(r.raw, table.width)
        cleaned = _pad([clean(c) for c in cells], table.width)
        if not any(cleaned):
            continue
        table.rows.append(
            Row(cells=cleaned, raw=_pad(list(cells), table.width), line=line.number,
                after_break=after_break and k == 0, lines=[line.number])
        )


def join_continuations(rows: list[Row], key_column: int) -> list[Row]:
    """Put rows cut by a page break back together.

    A cut row's rest is the first row after the break, with an empty number column and a
    text that is not a bullet ("- Trong đó", "+ ..."), which would be a sub-row of its own.
    """
    out: list[Row] = []
    for row in rows:
        key = row.cell(key_column)
        lead_text = next((c for c in row.cells if c), "")
        if out and row.after_break and not key and not is_bullet(lead_text):
            prev = out[-1]
            for c, text in enumerate(row.cells):
                if text:
                    prev.cells[c] = _join(prev.cells[c], text)
                    prev.raw[c] = _join(prev.raw[c], row.raw[c])
            prev.lines.extend(row.lines)
            continue
        out.append(row)
    return out


def _join(before: str, after: str) -> str:
    if not before:
        return after
    if before.endswith(("-", "/", "(")):
        return before + after
    return f"{before} {after}"
