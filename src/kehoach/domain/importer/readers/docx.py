"""Word (.docx) files through python-docx: the body's paragraphs and tables in reading order.

Merged cells keep their spans (``w:gridSpan`` across, ``w:vMerge`` down: the covered places are
``merged`` cells), a table inside a cell follows its table as a table of its own, page breaks
become breaks, headers and footers are left out. Bold runs are written ``**…**`` as in the
converted text forms. Each paragraph and table row gets the number it would have as a line of a
text export, so that every message can name a place; cells also carry table, row and column.
"""

from __future__ import annotations

import io
import zipfile

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import Break, Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.text import nfc

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(name: str, raw: bytes) -> DocumentModel:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ImportFailure("python-docx is not installed", Location(name, 1), expected="pip install python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailure(f"this Word file cannot be opened ({exc})", Location(name, 1),
                            expected="a .docx file saved by Word or LibreOffice") from None
    reader = _Reader(name)
    reader.body(document.element.body)
    reader.model.raw = raw
    return reader.model


class _Reader:
    def __init__(self, name: str):
        self.model = DocumentModel(name=name, form="Word (.docx)")
        self.line = 0

    def next_line(self) -> int:
        self.line += 1
        return self.line

    def body(self, element) -> None:
        for child in element.iterchildren():
            if child.tag == _W + "p":
                self.paragraph(child)
            elif child.tag == _W + "tbl":
                self.table(child, None)
            elif child.tag == _W + "sdt":  # a content control: its content is body content
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.body(content)

    def paragraph(self, p) -> None:
        text = _paragraph_text(p)
        breaks = p.findall(f".//{_W}br[@{_W}type='page']")
        line = self.next_line()
        if breaks and not text.strip():
            self.model.blocks.append(Break(line, "page"))
            return
        self.model.blocks.append(Paragraph(text, line))
        if breaks or p.find(f"{_W}pPr/{_W}sectPr") is not None:
            self.model.blocks.append(Break(line, "page"))

    def table(self, tbl, parent: int | None) -> None:
        number = len(self.model.tables()) + 1
        block = TableBlock(rows=[], line=self.line + 1, number=number, form="docx", nested_in=parent)
        self.model.blocks.append(block)
        nested = []
        above: dict[int, Cell] = {}  # grid column -> the cell that started a vertical merge there
        for r, tr in enumerate(tbl.iterchildren(_W + "tr")):
            line = self.next_line()
            row: list[Cell] = []
            column = 1
            for tc in tr.iterchildren(_W + "tc"):
                props = tc.find(_W + "tcPr")
                span = 1
                merge = None
                if props is not None:
                    g = props.find(_W + "gridSpan")
                    if g is not None:
                        span = int(g.get(_W + "val", "1") or 1)
                    v = props.find(_W + "vMerge")
                    if v is not None:
                        merge = v.get(_W + "val", "continue")
                texts = []
                for child in tc.iterchildren():
                    if child.tag == _W + "p":
                        texts.append(_paragraph_text(child))
                    elif child.tag == _W + "tbl":
                        nested.append(child)
                text = "\n".join(t for t in texts if t.strip())
                cell = Cell(text, line, col_span=span, table=number, row=r + 1, column=column)
                if merge == "continue" and column in above:
                    cell.merged = True
                    cell.text = ""
                    above[column].row_span += 1
                elif merge == "restart":
                    above[column] = cell
                else:
                    above.pop(column, None)
                row.append(cell)
                column += span
            block.rows.append(row)
        for child in nested:
            self.table(child, number)


def _paragraph_text(p) -> str:
    """The paragraph's text, bold runs written **…** (consecutive bold runs as one span)."""
    parts: list[str] = []
    bold_open = False
    for run in p.iter(_W + "r"):
        text = "".join(
            (t.text or "") if t.tag == _W + "t" else ("\t" if t.tag == _W + "tab" else "\n" if t.tag == _W + "br"
                                                     and t.get(_W + "type") in (None, "textWrapping") else "")
            for t in run.iterchildren()
        )
        if not text:
            continue
        bold = _is_bold(run)
        if bold and text.strip() and not bold_open:
            parts.append("**")
            bold_open = True
        elif not bold and bold_open and text.strip():
            parts.append("**")
            bold_open = False
        parts.append(text)
    if bold_open:
        parts.append("**")
    return nfc("".join(parts).replace("\t", " "))


def _is_bold(run) -> bool:
    props = run.find(_W + "rPr")
    if props is None:
        return False
    b = props.find(_W + "b")
    return b is not None and b.get(_W + "val", "true") not in ("0", "false", "off")
