"""The report's appendices as an Excel workbook (openpyxl): "Chỉ tiêu", "Nhiệm vụ", "Dự án".

Numbers stay numbers (with a number format), dates stay dates, text stays text (never a formula,
``kehoach.domain.formulas``); the header row is frozen.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kehoach.apps.reports.build import Report
from kehoach.apps.reports.tables import INDICATOR_HEADERS, PROJECT_HEADERS, TASK_HEADERS, project_rows, task_rows
from kehoach.domain.formulas import keep_as_text

NUMBER = "#,##0.00"
PERCENT = "0.00%"
DATE = "dd/mm/yyyy"
WRAP = Alignment(wrap_text=True, vertical="top")


def _number(value):
    """A number as an Excel number; a word ("chưa có số liệu", "—") kept as text; None as an empty cell."""
    if value is None or isinstance(value, str):
        return value
    return float(value)


def _sheet(wb, title: str, headers, widths, rows, formats: dict[int, str]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for values in rows:
        ws.append(list(values))
    for row in ws.iter_rows(min_row=2):
        if row[0].value is None and row[1].value:  # a group's title row
            row[1].font = Font(bold=True)
        for n, cell in enumerate(row):
            if n in formats and (isinstance(cell.value, (int, float)) or cell.is_date):
                cell.number_format = formats[n]
            if isinstance(cell.value, str):
                cell.alignment = WRAP
    for n, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.freeze_panes = "A2"
    keep_as_text(ws)


def _indicator_rows(report: Report):
    for r in report.content.indicator_rows:
        yield (r.number, r.name, r.unit, r.target_text, r.period_label, _number(r.scenario),
               _number(r.actual), _number(r.ytd), _number(r.pct_of_year_target), r.rating)


def _task_rows(report: Report):
    yield from task_rows(report.content)


def _project_rows(report: Report):
    for group, name, value, disbursed, rate, behind in project_rows(report.content):
        yield (group, name, _number(value), _number(disbursed), _number(rate), behind)


def render(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Chỉ tiêu", INDICATOR_HEADERS, (5, 45, 14, 16, 14, 12, 12, 12, 10, 22), _indicator_rows(report),
           {5: NUMBER, 6: NUMBER, 7: NUMBER, 8: NUMBER})
    _sheet(wb, "Nhiệm vụ", TASK_HEADERS, (6, 70, 28, 22, 12, 24), _task_rows(report), {4: DATE})
    _sheet(wb, "Dự án", PROJECT_HEADERS, (22, 60, 18, 18, 12, 12), _project_rows(report),
           {2: NUMBER, 3: NUMBER, 4: PERCENT})
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
