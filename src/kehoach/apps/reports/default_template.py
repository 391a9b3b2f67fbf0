"""The shipped Word template (``word/mau-bao-cao.docx``), built here so that it can be made again.

Rebuild it after changing this file:  python -m kehoach.apps.reports.default_template
(a test fails while the shipped file differs from what ``build()`` makes).

Laid out per Nghị định 30/2020/NĐ-CP: A4 portrait, margins top 20, bottom 20, left 30, right 15 mm,
Times New Roman 14 pt; the header block as a borderless two-column table (issuing bodies, a short rule
under the issuing body | national motto, a rule as long as its second line; then "Số: …/BC-STC" |
place and date); "BÁO CÁO" on its own line, the subject ``{{ trich_yeu }}`` and a short rule under it;
"Kính gửi"; ``{{p noi_dung }}``, "Nơi nhận:" and the signature block (authority, title, name); then a
landscape section (margins 20/20/20/15 mm) holding ``{{p phu_luc }}``.
Everything an official may change is plain text in the document, to be edited in Word.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach.apps.reports.docx import BODY_PT, FONT, borderless, cell_lines, text
from kehoach.apps.reports.word_template import APPENDIX, BODY, DEFAULT_NAME

# The superior body on two lines broken between words as an official breaks it (never inside a name).
SUPERIOR = ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG")
ISSUING_BODY = "SỞ TÀI CHÍNH"
KIND = "BÁO CÁO"
ADDRESSEE = "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng."
NUMBER = "Số: …/BC-STC"
DATE_LINE = "Hải Phòng, ngày {{ ngay }} tháng {{ thang }} năm {{ nam }}"
RECIPIENTS = (
    "Thường trực Thành ủy;",
    "Thường trực HĐND thành phố;",
    "Chủ tịch, các Phó Chủ tịch UBND thành phố;",
    "Các sở, ban, ngành thành phố;",
    "Lưu: VT.",
)
AUTHORITY, SIGNER_TITLE, SIGNER_NAME = "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Họ và tên"  # the form's wording
# Columns of the header block, and the rules (Nghị định 30/2020, Phụ lục I): under the issuing body 1/3 to
# 1/2 of its line, centred; under the motto as long as "Độc lập - Tự do - Hạnh phúc" (13 pt bold); under
# the subject 1/3 to 1/2 of the line.
LEFT_MM, RIGHT_MM = 70, 95
BODY_RULE_MM, MOTTO_RULE_MM, SUBJECT_RULE_MM = 14, 56, 62
TEXT_MM = 165


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


def _rule(paragraph, length_mm: float, room_mm: float) -> None:
    """Make an empty paragraph a centred horizontal rule ``length_mm`` long in ``room_mm`` of width: its
    top border, between equal indents."""
    paragraph.text = ""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm((room_mm - length_mm) / 2)
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(3), Pt(0), Pt(4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _header_block(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    left, right = table.rows[0].cells
    # Nghị định 30/2020, Phụ lục I: issuing bodies and the national motto in 12-13 pt capitals, the
    # motto's second line 13-14 pt; the left column narrower than the right (165 mm of text width).
    left.width, right.width = Mm(LEFT_MM), Mm(RIGHT_MM)
    cell_lines(left, [*((line, False, False, 12) for line in SUPERIOR), (ISSUING_BODY, True, False, 12),
                      ("", False, False, 12), (NUMBER, False, False, 13)])
    _rule(left.paragraphs[3], BODY_RULE_MM, LEFT_MM - 4)  # less the cell's margins
    left.paragraphs[4].paragraph_format.space_before = Pt(6)
    cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
                       ("Độc lập - Tự do - Hạnh phúc", True, False, 13), ("", False, False, 12),
                       (DATE_LINE, False, True, 14)])
    _rule(right.paragraphs[2], MOTTO_RULE_MM, RIGHT_MM - 4)
    right.paragraphs[3].paragraph_format.space_before = Pt(6)


def _centred(doc, value: str, bold: bool = False, before: int = 0):
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(0)
    text(paragraph, value, bold=bold)
    return paragraph


def _title(doc) -> None:
    """ "BÁO CÁO" in capitals on its own line, the subject under it, a short rule, "Kính gửi"."""
    _centred(doc, KIND, bold=True, before=18)
    _centred(doc, "{{ trich_yeu }}", bold=True)
    _rule(doc.add_paragraph(), SUBJECT_RULE_MM, TEXT_MM)
    _centred(doc, ADDRESSEE, before=12).paragraph_format.space_after = Pt(12)


def _closing(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    left.paragraphs[0].text = ""
    text(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    for line in RECIPIENTS:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        text(paragraph, f"- {line}", size=11)
    cell_lines(right, [(AUTHORITY, True, False, 14), (SIGNER_TITLE, True, False, 14), ("", False, False, 14),
                       ("", False, False, 14), ("", False, False, 14), (SIGNER_NAME, True, False, 14)])


def _appendix_page(doc) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    doc.add_paragraph(f"{{{{p {APPENDIX} }}}}")


def build() -> bytes:
    doc = Document()
    _page(doc)
    _header_block(doc)
    _title(doc)
    doc.add_paragraph(f"{{{{p {BODY} }}}}")
    doc.add_paragraph()
    _closing(doc)
    _appendix_page(doc)
    for table in doc.tables:  # LibreOffice lays tables out by their grid, Word by the cells
        for column, cell in zip(table.columns, table.rows[0].cells, strict=True):
            column.width = cell.width
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "Mẫu báo cáo tình hình kinh tế - xã hội", "kehoach", "kehoach"
    props.revision = 1
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def path() -> Path:
    return Path(__file__).with_name("word") / DEFAULT_NAME


def main() -> None:
    target = path()
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(build())
    sys.stdout.write(f"Wrote {target}\n")


if __name__ == "__main__":
    main()
