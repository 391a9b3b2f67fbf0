"""One document model for every input: paragraphs and tables with cells, spans and breaks.

Every reader (:mod:`kehoach.domain.importer.readers`) turns its input — converted text, a web
page's flattened tables, a Word file, a PDF, HTML — into a :class:`DocumentModel`; the plan is
then parsed from this structure, never from the input's own lines. Each paragraph and cell keeps
where it came from: the line of a text file, or for a Word/PDF/HTML input the number it has in
reading order (one per paragraph and table row, as in a text export) and its table, row and
column.

Texts are kept as written (NFC, inline emphasis as ``**…**`` so that a bold group row looks the
same whatever the input); :func:`kehoach.domain.text.clean` gives the form cells are compared in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.domain.entities import Location


@dataclass
class Cell:
    text: str  # as written, NFC, emphasis as **…**; "" for an empty cell
    line: int  # the source line (text inputs) or reading-order number (Word, PDF, HTML)
    col_span: int = 1  # grid columns the cell covers
    row_span: int = 1  # rows the cell covers (a vertically merged cell: the rows below hold `merged` cells)
    merged: bool = False  # the covered place of a cell merged from the row above
    table: int = 0  # 1-based table number in the document
    row: int = 0  # 1-based row in its table
    column: int = 0  # 1-based grid column


@dataclass
class Paragraph:
    text: str  # as written; "" for a blank line of a text input
    line: int


@dataclass
class TableBlock:
    rows: list[list[Cell]]  # grid order; a cell spanning columns appears once, with col_span
    line: int  # line of the first row
    number: int = 0  # 1-based, in document order
    form: str = ""  # how it was written: tab, pipe, flattened, docx, pdf, html, lines
    nested_in: int | None = None  # the table holding it, for a table inside a cell

    @property
    def width(self) -> int:
        return max((sum(c.col_span for c in row) for row in self.rows), default=0)

    def grid(self) -> list[list[str]]:
        """Rows as texts per grid column: a spanning cell's text sits in its first column, the
        columns it covers and the places merged from above are empty (as a conversion leaves them)."""
        out = []
        for row in self.rows:
            texts: list[str] = []
            for cell in row:
                texts.append("" if cell.merged else cell.text)
                texts.extend([""] * (cell.col_span - 1))
            out.append(texts)
        return out


    def merged_grid(self) -> list[list[bool]]:
        """Per grid place, True where the cell is merged from the row above (a rowspan)."""
        out = []
        for row in self.rows:
            marks: list[bool] = []
            for cell in row:
                marks.extend([cell.merged] * cell.col_span)
            out.append(marks)
        return out


@dataclass
class Break:
    """A page break (Word, PDF) or a gap between two parts of a flattened table."""

    line: int
    kind: str = "page"  # page, gap


Block = Paragraph | TableBlock | Break


@dataclass
class DocumentModel:
    name: str  # the file name, used in every message
    blocks: list[Block] = field(default_factory=list)
    form: str = ""  # what the reader found: "text (UTF-8)", "Word (.docx)", "web page text (flattened tables)"...
    notes: list[str] = field(default_factory=list)  # what the reader says about the input (encoding detected...)
    raw: bytes = b""

    def location(self, line: int, column: int | None = None) -> Location:
        return Location(self.name, line, column)

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def texts(self) -> list[str]:
        """Every paragraph and every cell, in reading order: what the metadata is read from."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, TableBlock):
                for row in block.rows:
                    out.extend(c.text for c in row if not c.merged)
        return out
