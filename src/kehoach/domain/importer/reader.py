"""A document's tables, put back together across page breaks, from its document model.

Every input is first read into a :class:`~kehoach.domain.importer.document.DocumentModel` by
:mod:`kehoach.domain.importer.readers`. A page break repeats the table's header and may cut a row
in two: the rest of the row comes first on the next page with an empty number column. This
module undoes that damage and nothing else; what the columns mean is decided in
:mod:`kehoach.domain.importer.columns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.domain.importer.document import Break, DocumentModel, Paragraph, TableBlock
from kehoach.domain.numbers import NumberFormatError, parse_number
from kehoach.domain.text import clean, fold, is_emphasised

_BULLET = re.compile(r"^\s*[-+•–]\s*")


@dataclass
class Row:
    cells: list[str]  # cleaned text per column
    raw: list[str]  # as in the file (tags kept: <b> marks a group row)
    line: int
    after_break: bool = False  # first row after a page break (repeated header or blank gap)
    lines: list[int] = field(default_factory=list)  # every source line merged into this row
    merged: list[bool] = field(default_factory=list)  # per column, True where the text is merged from above
    mark: str = ""  # what a person said the row is (task, group), see importer.corrections

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


def read_source(path: Path) -> DocumentModel:
    """The document model of a file, whatever its form (see :mod:`kehoach.domain.importer.readers`)."""
    from kehoach.domain.importer.readers import read_document

    return read_document(path)


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


_COLUMN_NUMBER = re.compile(r"^([A-ZĐ]|\d{1,2}|\d{1,2}\s*=\s*[\d\s/+*x().-]+)$")


def is_column_numbers(cells: list[str]) -> bool:
    """A row numbering the columns under a header: A, B, 1, 2, 3, 4=3/2 (every cell, at least three)."""
    texts = [c for c in cells if c]
    return len(texts) >= 3 and len(texts) >= len(cells) - 1 and all(_COLUMN_NUMBER.match(t) for t in texts) and (
        len({t for t in texts}) == len(texts))


def follows(before: str, after: str) -> bool:
    """Whether row number `after` can come next after `before`: 18 -> 19, 5.1 -> 5.2, 5 -> 5.1, 5.1.2 -> 6."""
    a, b = before.rstrip("."), after.rstrip(".")
    if not re.fullmatch(r"\d+(\.\d+)*", a) or not re.fullmatch(r"\d+(\.\d+)*", b):
        return False
    pa, pb = [int(x) for x in a.split(".")], [int(x) for x in b.split(".")]
    if pb == pa + [1]:
        return True
    return any(pb == pa[:k] + [pa[k] + 1] for k in range(len(pa)))


def _same_header(a: list[str], b: list[str]) -> bool:
    fa = [fold(x) for x in a if x]
    fb = [fold(x) for x in b if x]
    return bool(fa) and fa == fb


def find_tables(model: DocumentModel) -> tuple[list[Table], list[Paragraph]]:
    """The tables of a document, page breaks repaired, and the paragraphs outside tables."""
    tables: list[Table] = []
    prose: list[Paragraph] = []
    gap_blank = False  # only blank lines or breaks since the previous table
    seen_table = False
    for index, block in enumerate(model.blocks):
        if isinstance(block, Paragraph):
            prose.append(block)
            if block.text.strip():
                gap_blank = False
            continue
        if isinstance(block, Break):
            continue
        rows = [(row[0].line if row else block.line, texts, marks)
                for row, texts, marks in zip(block.rows, block.grid(), block.merged_grid(), strict=True)]
        rows = [row for row in rows if row[1]]
        if not rows:
            continue
        first_cells = [clean(c) for c in rows[0][1]]
        table = tables[-1] if tables else None
        if table is not None and seen_table and gap_blank and _same_header(first_cells, table.header[0]):
            skip = 0
            while skip < len(rows) and skip < len(table.header) and _same_header(
                [clean(c) for c in rows[skip][1]], table.header[skip]
            ):
                skip += 1
            _append_rows(table, rows[skip:], after_break=True)
            table.breaks += 1
        elif table is not None and seen_table and gap_blank and _goes_on(first_cells, table):
            # the table goes on in a block of its own without a header (a letter or Roman group first)
            _append_rows(table, _by_cells(block, table.width), after_break=False)
            table.breaks += 1
        elif table is not None and seen_table and gap_blank and len(rows[0][1]) == table.width and first_cells[0] == "":
            # a page break without a repeated header: the next page starts with a cut row
            _append_rows(table, rows, after_break=True)
            table.breaks += 1
        else:
            tables.append(_new_table(model, index, rows))
        seen_table = True
        gap_blank = True
    return tables, prose


_GROUP_KEY = re.compile(r"^([A-HĐ]|[IVXLC]{1,6})\.?$")


def _goes_on(first_cells: list[str], table: Table) -> bool:
    """A block whose first row is a group row (A, B, IV and a title, no other cell): the table before it
    goes on (a header row never starts with a group number)."""
    texts = [c for c in first_cells if c]
    return bool(texts) and bool(_GROUP_KEY.match(first_cells[0])) and len(texts) <= 2 and len(table.header[0]) >= 3


def _by_cells(block: TableBlock, width: int) -> list[tuple[int, list[str], list[bool]]]:
    """The rows of a block that goes on: by its cells when a row has the table's width in cells (its
    grid may have more columns, a number cell spanning two), by its grid otherwise."""
    out = []
    for row, texts, marks in zip(block.rows, block.grid(), block.merged_grid(), strict=True):
        if not row:
            continue
        if len(row) == width and len(texts) != width:
            texts, marks = ["" if c.merged else c.text for c in row], [c.merged for c in row]
        texts, marks = list(texts), list(marks)
        while len(texts) > width and len(texts) > 2 and not texts[1]:  # a blank cell between number and title
            del texts[1], marks[1]
        while len(texts) > width and not texts[-1]:  # empty cells past the table's width
            texts.pop(), marks.pop()
        out.append((row[0].line, texts, marks))
    return out


def _new_table(model: DocumentModel, index: int, block: list[tuple[int, list[str], list[bool]]]) -> Table:
    width = max(len(row[1]) for row in block)
    header = [_pad([clean(c) for c in block[0][1]], width)]
    n = 1
    while n < len(block) and _is_header_continuation([clean(c) for c in block[n][1]]):
        header.append(_pad([clean(c) for c in block[n][1]], width))
        n += 1
    if n < len(block) and is_column_numbers([clean(c) for c in block[n][1]]):
        n += 1  # the row numbering the columns (A, B, 1, 2, 4=3/2) belongs to the header
    caption: list[str] = []
    i = index - 1
    while i >= 0 and len(caption) < 4:
        above = model.blocks[i]
        if isinstance(above, TableBlock):
            break
        text = clean(above.text) if isinstance(above, Paragraph) else ""
        if text:
            caption.insert(0, text)
        elif caption:
            break
        i -= 1
    table = Table(header=header, rows=[], line=block[0][0], caption=caption, width=width)
    _append_rows(table, block[n:], after_break=False)
    return table


def _pad(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


def _append_rows(table: Table, block: list[tuple[int, list[str], list[bool]]], after_break: bool) -> None:
    """Rows under the header; a cell merged from the row above (a rowspan) gives that row's text."""
    for k, (line, cells, merged) in enumerate(block):
        if len(cells) > table.width:
            table.width = len(cells)
            table.header = [_pad(h, table.width) for h in table.header]
            for r in table.rows:
                r.cells = _pad(r.cells, table.width)
                r.raw = _pad(r.raw, table.width)
                r.merged = r.merged + [False] * (table.width - len(r.merged))
        cleaned = _pad([clean(c) for c in cells], table.width)
        raw = _pad(list(cells), table.width)
        merged = list(merged) + [False] * (table.width - len(merged))
        if table.rows and any(merged):
            above = table.rows[-1]
            for c, is_merged in enumerate(merged):
                if is_merged and not cleaned[c] and c < len(above.cells):
                    cleaned[c], raw[c] = above.cells[c], above.raw[c]
        if not any(cleaned):
            continue
        table.rows.append(
            Row(cells=cleaned, raw=raw, line=line,
                after_break=after_break and k == 0, lines=[line], merged=merged)
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
        if out and row.after_break and not key and not is_bullet(lead_text) and not row.mark:
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
