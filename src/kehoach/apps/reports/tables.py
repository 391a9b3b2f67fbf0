"""The appendices' columns, shared by the Word and Excel files."""

from __future__ import annotations

from kehoach.domain.reporting.model import IndicatorRow
from kehoach.domain.reporting.numbers import vn

INDICATOR_TITLE = "Phụ lục: Bảng các chỉ tiêu chủ yếu"
INDICATOR_HEADERS = ("TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm", "Kỳ số liệu", "Kịch bản kỳ", "Thực hiện kỳ",
                     "Lũy kế", "% KH năm", "Đánh giá")
TASK_HEADERS = ("Số", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Lãnh đạo phụ trách", "Hạn", "Tình trạng")
PROJECT_HEADERS = ("Nhóm", "Tên dự án", "Tổng mức đầu tư (triệu đồng)", "Giải ngân (triệu đồng)",
                   "Tỷ lệ giải ngân", "Chậm tiến độ")


def indicator_cells(row: IndicatorRow) -> tuple[str, ...]:
    """The row as the Word table prints it (vi-VN numbers; the qualifier before the actual)."""
    actual = " ".join(w for w in (row.qualifier, vn(row.actual)) if w)
    return (str(row.number), row.name, row.unit, row.target_text, row.period_label, vn(row.scenario), actual,
            vn(row.ytd), vn(row.pct_of_year_target), row.rating)
