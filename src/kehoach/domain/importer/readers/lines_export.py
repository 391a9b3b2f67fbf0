"""LibreOffice's own text export of a Word file: every table cell on a line of its own, nothing
between cells or rows (an empty cell, or the place of a cell merged from above, is an empty line;
a cell merged across the row is written once).

A table is found by its header: a line holding only the number column's name (``STT``, ``TT``)
and the header cells after it up to the first row number. Rows are then cut with the header's
column count and the numbers that start rows: a row with fewer cells before the next number is a
group row or a row with merged cells; more cells than the header means rows whose number is
merged from above (cut into rows of the header's width), or the end of the table.
"""

from __future__ import annotations

import re

from kehoach.domain.importer.document import Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.readers.flattened import key_like
from kehoach.domain.text import clean, fold

_KEY_HEADER = re.compile(r"(so )?(stt|tt|thu tu)")


def is_lines_export(lines: list[str]) -> bool:
    return not any("\t" in t for t in lines) and any(_header_at(lines, i) for i in range(len(lines)))


def _header_at(lines: list[str], i: int) -> int:
    """The number of header cells of a table whose header starts at line i, 0 when none does."""
    if not _KEY_HEADER.fullmatch(fold(clean(lines[i]))):
        return 0
    j = i + 1
    while j < len(lines) and j - i <= 12 and lines[j].strip() and not key_like(lines[j]) and len(lines[j]) < 120:
        j += 1
    width = j - i
    return width if width >= 3 and j < len(lines) and key_like(lines[j]) else 0


def read_lines_export(name: str, lines: list[str]) -> DocumentModel:
    model = DocumentModel(name=name, form="text export of a Word file (one cell per line)")
    i = 0
    n = len(lines)
    while i < n:
        width = _header_at(lines, i)
        if not width:
            model.blocks.append(Paragraph(lines[i], i + 1))
            i += 1
            continue
        table = TableBlock(rows=[], line=i + 1, number=len(model.tables()) + 1, form="lines")
        model.blocks.append(table)
        rows = [list(range(i, i + width))]
        i += width
        while i < n and key_like(lines[i]):
            j = i + 1  # the next row number
            while j < n and j - i <= width and not (key_like(lines[j]) and lines[j].strip()):
                j += 1
            if j - i <= width and j < n:
                rows.append(list(range(i, j)))
                i = j
                continue
            # more cells than the header before the next number: the row, then rows whose number is
            # merged from above (they start with an empty line), or the end of the table
            rows.append(list(range(i, i + width)))
            i += width
            while i < n and not lines[i].strip() and i + width <= n and any(lines[k].strip() for k in range(i, i + width)):
                ahead = next((k for k in range(i + 1, min(n, i + width + 1)) if key_like(lines[k]) and lines[k].strip()), None)
                end = ahead if ahead is not None else i + width
                rows.append(list(range(i, end)))
                i = end
            if i < n and not key_like(lines[i]):
                break
        for r, row in enumerate(rows):
            while row and not lines[row[-1]].strip() and len(row) > 1 and r == 0:
                row = row[:-1]
            table.rows.append([Cell(lines[k].strip(), k + 1, table=table.number, row=r + 1, column=c + 1)
                               for c, k in enumerate(row)])
    return model
