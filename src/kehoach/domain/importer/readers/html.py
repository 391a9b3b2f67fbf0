"""Saved web pages (HTML): block elements become paragraphs and ``<table>`` elements tables, with
their ``colspan``/``rowspan``; scripts, styles and forms are left out; ``<b>``/``<strong>`` text
is written ``**…**``. Lines are numbered in reading order (one per paragraph and table row)."""

from __future__ import annotations

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.text import collapse_spaces, nfc

_SKIP = {"script", "style", "noscript", "form", "button", "select", "head", "iframe", "svg", "template"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article", "header", "footer",
           "blockquote", "pre", "dt", "dd", "center", "main", "body", "ul", "ol", "dl", "tr", "td", "th"}
_BOLD = {"b", "strong"}


def read_html(name: str, text: str, raw: bytes, encoding: str) -> DocumentModel:
    try:
        import lxml.html
    except ImportError as exc:  # pragma: no cover - a dependency of python-docx
        raise ImportFailure("lxml is not installed", Location(name, 1), expected="pip install lxml") from exc
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ImportFailure(f"this web page cannot be read ({exc})", Location(name, 1),
                            expected="an HTML page") from None
    reader = _Reader(name)
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flush()
    model = reader.model
    model.raw = raw
    model.notes.append(f"text in {encoding}")
    return model


class _Reader:
    def __init__(self, name: str):
        self.model = DocumentModel(name=name, form="web page (HTML)")
        self.line = 0
        self.parts: list[str] = []

    def flush(self) -> None:
        text = collapse_spaces("".join(self.parts))
        self.parts = []
        if text and text != "**" * (len(text) // 2):
            self.line += 1
            self.model.blocks.append(Paragraph(nfc(text), self.line))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "table":
            self.flush()
            self.table(element)
            self.parts.append(element.tail or "")
            return
        if tag in _BLOCKS:
            self.flush()
        self.parts.append(_inline_open(tag) + (element.text or ""))
        for child in element:
            self.walk(child)
        self.parts.append(_inline_open(tag))
        if tag in _BLOCKS:
            self.flush()
        self.parts.append(element.tail or "")

    def table(self, element) -> None:
        number = len(self.model.tables()) + 1
        block = TableBlock(rows=[], line=self.line + 1, number=number, form="html")
        self.model.blocks.append(block)
        pending: dict[int, int] = {}  # grid column -> rows still covered by a rowspan from above
        nested = []
        rows = [tr for tr in element.iter("tr") if _owner_table(tr) is element]
        for r, tr in enumerate(rows):
            self.line += 1
            row: list[Cell] = []
            column = 1
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while pending.get(column):
                    row.append(Cell("", self.line, merged=True, table=number, row=r + 1, column=column))
                    pending[column] -= 1
                    column += 1
                span = _int(td.get("colspan"))
                down = _int(td.get("rowspan"))
                nested.extend(t for t in td.iter("table") if t is not td)
                row.append(Cell(_cell_text(td), self.line, col_span=span, row_span=down, table=number,
                                row=r + 1, column=column))
                for k in range(span):
                    if down > 1:
                        pending[column + k] = down - 1
                column += span
            while pending.get(column):
                row.append(Cell("", self.line, merged=True, table=number, row=r + 1, column=column))
                pending[column] -= 1
                column += 1
            block.rows.append(row)
        for inner in nested:
            if _owner_table(inner.getparent()) is not None:
                self.table(inner)
                self.model.tables()[-1].nested_in = number


def _owner_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _int(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _inline_open(tag: str) -> str:
    return "**" if tag in _BOLD else ""


def _cell_text(td) -> str:
    parts: list[str] = []

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP or tag == "table":
            parts.append(element.tail or "" if tag == "table" else "")
            return
        if tag in ("br", "p", "div", "li") and parts:
            parts.append("\n")
        parts.append(_inline_open(tag) + (element.text or ""))
        for child in element:
            walk(child)
        parts.append(_inline_open(tag))
        if element is not td:
            parts.append(element.tail or "")

    walk(td)
    lines = [collapse_spaces(x) for x in "".join(parts).split("\n")]
    return nfc("\n".join(x for x in lines if x and x.strip("*")))
