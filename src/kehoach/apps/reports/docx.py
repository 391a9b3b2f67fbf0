"""The report as a Word document (python-docx), laid out per Nghị định 30/2020/NĐ-CP.

A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body. The
header block is a borderless two-column table (issuing body | national motto), then the title,
the sections, "Nơi nhận:" and the signature block, then the appendix table on its own page. A draft says so in the
page header of every page.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach.apps.reports.build import Report
from kehoach.apps.reports.draft import DRAFT_MARK
from kehoach.apps.reports.tables import INDICATOR_HEADERS, INDICATOR_TITLE, indicator_cells

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 11


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(6)


def _text(paragraph, text: str, bold: bool = False, italic: bool = False, size: int | None = None):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def _cell_lines(cell, lines: list[tuple[str, bool, bool]], size: int = 13) -> None:
    cell.paragraphs[0].text = ""
    for n, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, text, bold, italic, size)


def _borderless(table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None


def _header_block(doc, report: Report) -> None:
    issuer, day = report.issuer, report.content.as_of
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    _cell_lines(left, [(issuer.superior, False, False), (issuer.body, True, False), ("", False, False),
                       (f"Số: …/{issuer.symbol}", False, False)])
    _cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                        ("Độc lập - Tự do - Hạnh phúc", True, False), ("", False, False),
                        (f"{issuer.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}", False, True)])


def _draft_header(doc) -> None:
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(paragraph, DRAFT_MARK, bold=True, size=12)


def _body(doc, report: Report) -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    _text(title, report.content.title, bold=True)
    for section in report.content.sections:
        _text(doc.add_paragraph(), section.heading, bold=True)
        for text in section.paragraphs:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Mm(10)
            _text(paragraph, text)


def _appendix(doc, report: Report) -> None:
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(12)
    _text(heading, INDICATOR_TITLE, bold=True)
    rows = report.content.indicator_rows
    table = doc.add_table(rows=1 + len(rows), cols=len(INDICATOR_HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, values, bold in [(table.rows[0].cells, INDICATOR_HEADERS, True)] + [
            (table.rows[n].cells, indicator_cells(row), False) for n, row in enumerate(rows, 1)]:
        for cell, value in zip(cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            _text(paragraph, value, bold=bold, size=TABLE_PT)


def _closing(doc, report: Report) -> None:
    issuer = report.issuer
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _text(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    for line in issuer.recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, f"- {line}", size=11)
    _cell_lines(right, [(issuer.authority, True, False), (issuer.signer_title, True, False),
                        ("", False, False), ("", False, False), ("", False, False),
                        (issuer.signer_name, True, False)], size=14)


def render(report: Report) -> bytes:
    doc = Document()
    _page(doc)
    if report.draft:
        _draft_header(doc)
    _header_block(doc, report)
    _body(doc, report)
    doc.add_paragraph()
    _closing(doc, report)
    doc.add_page_break()
    _appendix(doc, report)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
