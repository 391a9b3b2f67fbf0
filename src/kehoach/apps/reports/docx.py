"""The report as a Word document: the generated content put into the report's Word template.

The template (``word_template``: the stored one, else the shipped ``word/mau-bao-cao.docx``) holds
the page setup (A4, Nghị định 30/2020 margins, Times New Roman 14 pt), the header block, "Nơi
nhận:" and the signature block. This module writes what is computed: the sections, the charts and
the narrative at ``{{p noi_dung }}``, the appendix tables at ``{{p phu_luc }}`` (python-docx, as
docxtpl sub-documents), and a draft's mark in the page header of every page.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from django.utils import translation
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach.apps.assessment.charts import indicator_trend_chart
from kehoach.apps.assessment.evaluate import current_assessment
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
from kehoach.apps.reports.word_template import APPENDIX, BODY, WordTemplate, active_template, fill, open_template, save
from kehoach.charts import to_png
from kehoach.domain.reporting.content import HEADINGS
from kehoach.domain.reporting.periods import document_date

if TYPE_CHECKING:
    from kehoach.apps.reports.build import Report

TASKS_HEADING = HEADINGS[1]

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 11


def text(paragraph, value: str, bold: bool = False, italic: bool = False, size: int | None = None):
    run = paragraph.add_run(value)
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    return run


def cell_lines(cell, lines: list[tuple[str, bool, bool, int]]) -> None:
    """Centred lines (text, bold, italic, size in pt) in a cell."""
    cell.paragraphs[0].text = ""
    for n, (value, bold, italic, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        text(paragraph, value, bold, italic, size)


def borderless(table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None


def _grid_lines(table) -> None:
    """Single lines around and between the cells, set on the table itself (a template edited in Word
    need not keep the "Table Grid" style)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    table._tbl.tblPr.append(borders)


def _mark_every_page(doc) -> None:
    """The draft mark first in the page header of every section that has its own (the others show the one
    before them), first and even pages included."""
    for n, section in enumerate(doc.sections):
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if doc.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for header in headers:
            if header.is_linked_to_previous and n > 0:
                continue
            header.is_linked_to_previous = False
            first = header.paragraphs[0]
            paragraph = first if not first.text and len(header.paragraphs) == 1 else first.insert_paragraph_before()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            text(paragraph, DRAFT_MARK, bold=True, size=12)


def _justified(doc, value: str, bold: bool = False, italic: bool = False) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)
    text(paragraph, value, bold=bold, italic=italic)


def _body(doc, report: Report) -> None:
    for section in report.content.sections:
        text(doc.add_paragraph(), section.heading, bold=True)
        for value in section.paragraphs:
            _justified(doc, value)
        for part in section.parts:  # "1. Kết quả đạt được": a bold sub-heading, then its lines
            _justified(doc, part.heading, bold=True)
            for value in part.lines:
                _justified(doc, value)
        if section.heading == TASKS_HEADING:  # the narrative parts follow the tasks section
            _narrative(doc, report)


def _narrative(doc, report: Report) -> None:
    """The parts compiled from what the agencies wrote: a bold heading, italic sub-headings (task
    group, agency), their "- ..." lines justified."""
    for part in report.content.narrative:
        text(doc.add_paragraph(), part.heading, bold=True)
        lines: list[tuple[str, bool]] = []
        for group in part.groups:
            lines.append((group.heading, True))
            lines.extend((line, False) for line in group.lines)
        for value, sub_heading in lines or [(part.empty, False)]:
            _justified(doc, value, bold=sub_heading, italic=sub_heading)


# The appendix is on an A4 landscape page: 262 mm of text between margins of 20 and 15 mm.
APPENDIX_WIDTHS_MM = (10, 62, 22, 30, 24, 22, 24, 24, 16, 28)


def _table(doc, title: str, headers, widths_mm, rows, page_break: bool = False) -> None:
    """An appendix: its title, then a table with lines, a bold header row and fixed column widths."""
    heading = doc.add_paragraph()
    heading.paragraph_format.page_break_before = page_break
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(12)
    text(heading, title, bold=True)
    rows = list(rows)
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = None
    _grid_lines(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, (values, bold) in zip((r.cells for r in table.rows), [(headers, True), *rows], strict=True):
        for cell, value, width in zip(cells, values, widths_mm, strict=True):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            text(paragraph, value, bold=bold, size=TABLE_PT)


def _appendix(doc, report: Report) -> None:
    content = report.content
    _table(doc, INDICATOR_TITLE, INDICATOR_HEADERS, APPENDIX_WIDTHS_MM,
           ((indicator_cells(row), False) for row in content.indicator_rows))
    tasks = [(tuple(as_text(v) for v in row), row[0] is None) for row in task_rows(content)]
    _table(doc, TASK_TITLE, TASK_HEADERS, (12, 120, 45, 35, 22, 28), tasks, page_break=True)
    projects = [((as_text(g), as_text(n), as_text(v), as_text(d), as_text(r, percent=True), b), False)
                for g, n, v, d, r, b in project_rows(content)]
    _table(doc, PROJECT_TITLE, PROJECT_HEADERS, (40, 112, 32, 30, 24, 24), projects, page_break=True)


# Charts: "Biểu đồ kịch bản và thực hiện", right after section I ---------------------------------

CHARTS_HEADING = "Biểu đồ kịch bản và thực hiện"
CHART_WIDTH = Mm(160)


def indicator_charts(as_of):
    """The trajectory chart (``kehoach.charts.Chart``) of every main indicator that has a trajectory,
    as the indicator pages define it, in Vietnamese, in the assessment's order."""
    assessment = current_assessment(as_of)
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
    charts = indicator_charts(report.content.as_of)
    if not charts:
        return
    sections = report.content.sections
    anchor = next((p for p in doc.paragraphs if p.text == sections[1].heading), None) if len(sections) > 1 else None
    heading = doc.add_paragraph()
    heading.paragraph_format.keep_with_next = True
    text(heading, CHARTS_HEADING, bold=True)
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
        text(caption, f"Biểu đồ {n} - {chart.description}", italic=True, size=12)
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


def context(report: Report) -> dict:
    """The template's variables (word_template.VARIABLES) but the two markers."""
    content = report.content
    day, month, year = document_date(content.as_of)
    return {"tieu_de": content.title, "trich_yeu": content.subject, "ky": report.period_phrase, "ngay": day, "thang": month,
            "nam": year, "dia_danh": report.place, "ban_nhap": report.draft}


def render(report: Report, template: WordTemplate | None = None) -> bytes:
    """The Word document of the report in ``template`` (default: the active one, ``word_template.active_template``).
    Raises ``word_template.TemplateBroken`` when the template cannot give a whole report."""
    if template is None:
        template = active_template()
    tpl = open_template(template)
    body = tpl.new_subdoc()
    _body(body, report)
    _charts(body, report)
    _grid_from_cells(body)
    appendix = tpl.new_subdoc()
    _appendix(appendix, report)
    _grid_from_cells(appendix)
    if report.draft:  # before filling in: docxtpl replaces the header parts it renders
        _mark_every_page(tpl.docx)
    fill(tpl, template, {**context(report), BODY: body, APPENDIX: appendix})
    return save(tpl, template)
