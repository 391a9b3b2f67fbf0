"""PDF files: the text layer with its ruled tables through pdfplumber; a scan (no text layer)
through OCR in Vietnamese (:mod:`.ocr`).

Each page's text lines outside tables become paragraphs and each ruled table a table, in the
order they stand on the page; a page break separates pages. A cell merged with its neighbours
comes back empty in the places it covers. Lines are numbered in reading order, as in a text
export.
"""

from __future__ import annotations

import io

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import Break, Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.text import nfc


def read_pdf(name: str, raw: bytes) -> DocumentModel:
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ImportFailure("pdfplumber is not installed", Location(name, 1), expected="pip install pdfplumber") from exc
    model = DocumentModel(name=name, form="PDF (text layer)")
    line = 0
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if not any(page.chars for page in pdf.pages):
                from kehoach.domain.importer.readers.ocr import read_scanned_pdf

                return read_scanned_pdf(name, raw)
            for p, page in enumerate(pdf.pages):
                if p:
                    model.blocks.append(Break(line + 1, "page"))
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]
                items: list[tuple[float, object]] = []
                for text_line in page.extract_text_lines():
                    middle = (text_line["top"] + text_line["bottom"]) / 2
                    x = (text_line["x0"] + text_line["x1"]) / 2
                    if not any(b[0] <= x <= b[2] and b[1] <= middle <= b[3] for b in boxes):
                        items.append((text_line["top"], text_line["text"]))
                for table in tables:
                    items.append((table.bbox[1], table))
                items.sort(key=lambda item: item[0])
                for _, item in items:
                    if isinstance(item, str):
                        line += 1
                        model.blocks.append(Paragraph(nfc(item), line))
                        continue
                    number = len(model.tables()) + 1
                    block = TableBlock(rows=[], line=line + 1, number=number, form="pdf")
                    for r, row in enumerate(item.extract()):
                        line += 1
                        block.rows.append([
                            Cell(nfc(text or "").replace("\n", " ") if text is not None else "", line,
                                 merged=text is None, table=number, row=r + 1, column=c + 1)
                            for c, text in enumerate(row)
                        ])
                    model.blocks.append(block)
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ImportFailure(f"this PDF cannot be read ({type(exc).__name__}: {exc})", Location(name, 1),
                            expected="a PDF file that opens in a PDF reader") from None
    return model
