"""The report as a Word document (python-docx), laid out per Nghị định 30/2020/NĐ-CP.

A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body. The
header block is a borderless two-column table (issuing body | national motto), then the title,
the sections, "Nơi nhận:" and the signature block, then the appendix table on its own page. A draft says so in the
page header of every page.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach.apps.reports.build import Report
from kehoach.apps.reports.draft import DRAFT_MARK
from kehoach.apps.reports.tables import (
    INDICATOR_HEADERS,
    INDICATOR_TITLE,
    PROJECT_HEADERS,
    PROJECT_TITLE,
    TASK_HEADERS,
    TASK_TITLE,
    as_text,
    indicator_cells,
    project_rows,
    task_rows,
)
from kehoach.domain.reporting.content import HEADINGS

TASKS_HEADING = HEADINGS[1]

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


def _cell_lines(cell, lines: list[tuple[str, bool, bool, int]]) -> None:
    """Centred lines (text, bold, italic, size in pt) in a cell."""
    cell.paragraphs[0].text = ""
    for n, (text, bold, italic, size) in enumerate(lines):
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
    # Nghị định 30/2020, Phụ lục I: issuing bodies and the national motto in 12-13 pt capitals, the
    # motto's second line 13-14 pt; the left column narrower than the right (165 mm of text width).
    left.width, right.width = Mm(62), Mm(103)
    _cell_lines(left, [(issuer.superior, False, False, 12), (issuer.body, True, False, 12), ("", False, False, 12),
                       (f"Số: …/{issuer.symbol}", False, False, 13)])
    _cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
                        ("Độc lập - Tự do - Hạnh phúc", True, False, 13), ("", False, False, 12),
                        (f"{issuer.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}", False, True, 14)])


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
        if section.heading == TASKS_HEADING:  # the narrative parts follow the tasks section
            _narrative(doc, report)


def _narrative(doc, report: Report) -> None:
    """The parts compiled from what the agencies wrote: a bold heading, italic sub-headings (task
    group, agency), their "- ..." lines justified."""
    for part in report.content.narrative:
        _text(doc.add_paragraph(), part.heading, bold=True)
        lines: list[tuple[str, bool]] = []
        for group in part.groups:
            lines.append((group.heading, True))
            lines.extend((line, False) for line in group.lines)
        for text, sub_heading in lines or [(part.empty, False)]:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Mm(10)
            _text(paragraph, text, bold=sub_heading, italic=sub_heading)


# The appendix is on an A4 landscape page: 262 mm of text between margins of 20 and 15 mm.
APPENDIX_WIDTHS_MM = (10, 62, 22, 30, 24, 22, 24, 24, 16, 28)


def _landscape(doc) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(15)


def _table(doc, title: str, headers, widths_mm, rows, page_break: bool = False) -> None:
    """An appendix: its title, then a grid table with a bold header row and fixed column widths."""
    if page_break:
        doc.add_page_break()
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(12)
    _text(heading, title, bold=True)
    rows = list(rows)
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, (values, bold) in zip((r.cells for r in table.rows), [(headers, True), *rows], strict=True):
        for cell, value, width in zip(cells, values, widths_mm, strict=True):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            _text(paragraph, value, bold=bold, size=TABLE_PT)


def _appendix(doc, report: Report) -> None:
    content = report.content
    _table(doc, INDICATOR_TITLE, INDICATOR_HEADERS, APPENDIX_WIDTHS_MM,
           ((indicator_cells(row), False) for row in content.indicator_rows))
    tasks = [(tuple(as_text(v) for v in row), row[0] is None) for row in task_rows(content)]
    _table(doc, TASK_TITLE, TASK_HEADERS, (12, 120, 45, 35, 22, 28), tasks, page_break=True)
    projects = [((as_text(g), as_text(n), as_text(v), as_text(d), as_text(r, percent=True), b), False)
                for g, n, v, d, r, b in project_rows(content)]
    _table(doc, PROJECT_TITLE, PROJECT_HEADERS, (40, 112, 32, 30, 24, 24), projects, page_break=True)


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
    _cell_lines(right, [(issuer.authority, True, False, 14), (issuer.signer_title, True, False, 14),
                        ("", False, False, 14), ("", False, False, 14), ("", False, False, 14),
                        (issuer.signer_name, True, False, 14)])


# Charts: "Biểu đồ kịch bản và thực hiện", right after section I ---------------------------------

CHARTS_HEADING = "Biểu đồ kịch bản và thực hiện"
CHART_WIDTH = Mm(160)


def indicator_charts(as_of):
    """The trajectory chart (``kehoach.charts.Chart``) of every main indicator that has a trajectory,
    as the indicator pages define it, in Vietnamese, in the assessment's order."""
    from django.utils import translation

    from kehoach.apps.assessment.charts import indicator_trend_chart
    from kehoach.apps.assessment.evaluate import assess_all

    assessment = assess_all(as_of)
    snap = assessment.snapshot
    indicators = {i.key: i for i in snap.indicators}
    charts = []
    with translation.override("vi"):
        for a in assessment.indicators:
            indicator = indicators[a.indicator]
            if indicator.parent is not None:
                continue
            year = a.period.year if a.period else as_of.year
            chart = indicator_trend_chart(snap, indicator, as_of, year)
            if any(v is not None for v in chart.series[0].values):  # series 0: the trajectory
                charts.append(chart)
    return charts


def _charts(doc, report: Report) -> None:
    """The chart section, moved in front of section II's heading (or left at the end of the body)."""
    from kehoach.charts import to_png

    charts = indicator_charts(report.content.as_of)
    if not charts:
        return
    sections = report.content.sections
    anchor = next((p for p in doc.paragraphs if p.text == sections[1].heading), None) if len(sections) > 1 else None
    heading = doc.add_paragraph()
    heading.paragraph_format.keep_with_next = True
    _text(heading, CHARTS_HEADING, bold=True)
    added = [heading]
    for n, chart in enumerate(charts, 1):
        picture = doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.paragraph_format.space_after = Pt(0)
        shape = picture.add_run().add_picture(BytesIO(to_png(chart)), width=CHART_WIDTH)
        shape._inline.docPr.set("descr", chart.description)  # the text alternative, as on the web page
        caption = doc.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(caption, f"Biểu đồ {n} - {chart.description}", italic=True, size=12)
        added += [picture, caption]
    if anchor is not None:
        for paragraph in added:
            anchor._p.addprevious(paragraph._p)


def _grid_from_cells(doc) -> None:
    """Word lays a table out by its cell widths, LibreOffice (the PDF) by the table grid: make them agree."""
    for table in doc.tables:
        for column, cell in zip(table.columns, table.rows[0].cells, strict=False):
            if cell.width is not None:
                column.width = cell.width


def render(report: Report) -> bytes:
    doc = Document()
    _page(doc)
    if report.draft:
        _draft_header(doc)
    _header_block(doc, report)
    _body(doc, report)
    _charts(doc, report)
    doc.add_paragraph()
    _closing(doc, report)
    _landscape(doc)
    _appendix(doc, report)
    _grid_from_cells(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
