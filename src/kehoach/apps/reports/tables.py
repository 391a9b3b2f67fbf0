"""The appendices' columns, shared by the Word and Excel files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.reporting.model import IndicatorRow, ProjectInput, ReportContent
from kehoach.domain.reporting.numbers import vn

NO_DATA = "chưa có số liệu"
NONE = "—"
INDICATOR_TITLE = "Phụ lục: Bảng các chỉ tiêu chủ yếu"
TASK_TITLE = "Phụ lục: Tình hình thực hiện các nhiệm vụ"
PROJECT_TITLE = "Phụ lục: Tình hình thực hiện các dự án trọng điểm"
INDICATOR_HEADERS = ("TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm", "Kỳ số liệu", "Kịch bản kỳ", "Thực hiện kỳ",
                     "Lũy kế", "% KH năm", "Đánh giá")
TASK_HEADERS = ("Số", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Lãnh đạo phụ trách", "Hạn", "Tình trạng")
PROJECT_HEADERS = ("Nhóm", "Tên dự án", "Tổng mức đầu tư (triệu đồng)", "Giải ngân (triệu đồng)",
                   "Tỷ lệ giải ngân", "Chậm tiến độ")


def indicator_cells(row: IndicatorRow) -> tuple[str, ...]:
    """The row as the Word table prints it (vi-VN numbers; the qualifier before the actual)."""
    actual = " ".join(w for w in (row.qualifier, vn(row.actual)) if w) or NO_DATA
    return (str(row.number), row.name, row.unit, row.target_text or NONE, row.period_label or NONE,
            vn(row.scenario, empty=NONE), actual, vn(row.ytd, empty=NONE), vn(row.pct_of_year_target, empty=NONE),
            row.rating)


def task_rows(content: ReportContent):
    """The task table by group: a row (None, group title, None...) opens each group."""
    group = None
    for t in sorted(content.tasks, key=lambda t: (t.document, t.number)):
        if t.group != group:
            group = t.group
            yield (None, group, None, None, None, None)
        yield (t.number, t.content, ", ".join(t.lead), t.leader or "", t.assessment.due, t.assessment.status.label)


def project_rows(content: ReportContent):
    """(group, name, value, disbursed, rate as a share, behind) of every key project."""
    for p in content.projects:
        a = p.assessment
        # No disbursement reported is "chưa có số liệu", never 0.
        disbursed = a.disbursed if a.by_period else NO_DATA
        yield (p.group, p.name, project_value(p), disbursed, a.rate if a.by_period else NONE,
               "Có" if a.behind else "")


def project_value(p: ProjectInput) -> Decimal | str:
    """A project's total in the unit of the plan's table (million VND, every decimal it was written with); a
    total the import flagged stays as written, with the doubt: "716,495 (nghi nhầm dấu phân cách hàng nghìn,
    có thể là 716.495)", never a rounded "716,50"; no total is "chưa có số liệu"."""
    if p.value_doubt:
        return f"{p.value_text} ({p.value_doubt})"
    return p.value if p.value is not None else NO_DATA


def as_text(value, percent: bool = False) -> str:
    """A raw table value as the Word table prints it: vi-VN numbers, dd/mm/yyyy dates, "" for none."""
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return f"{vn(Decimal(value) * 100, 1)}%" if percent else vn(Decimal(value), 3)
    return str(value)
