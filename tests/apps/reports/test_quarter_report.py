"""The quarter III report is about the quarter: its section I gives each indicator's quarter III figure where
one was published, then the cumulative figures labelled as such; it is not the 9-month report's section I.

The seeds and the published figures, plus FIGURES WRITTEN FOR THIS TEST (``Q3`` below, shaped like what the
city publishes for the merged city in early October), NOT published facts."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.reports.build import build_report
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db

Q3 = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Tổng sản phẩm trên địa bàn (GRDP),2025-Q3,"11,5",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2025-10-06
Tổng sản phẩm trên địa bàn (GRDP),2025-9M,"11,14",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2025-10-06
Thu ngân sách nhà nước trên địa bàn,2025-Q3,"36.200",ước,tỷ đồng,,HP mới,test data,2025-10-06
"""
REVISED = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Thu ngân sách nhà nước trên địa bàn,2025-Q3,"36.450",,tỷ đồng,,HP mới,test data (official),2025-10-20
"""
AS_OF = date(2025, 10, 15)  # the quarter report covers quý III; the revision is published after this day
MERGED = "Hải Phòng (từ 01/07/2025)"


@pytest.fixture
def quarter_three(sample_documents, tmp_path):
    import_actuals(str(FIGURES_CSV))
    for name, text in (("q3.csv", Q3), ("revised.csv", REVISED)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        import_actuals(str(path))


def section_one(kind: str) -> list[str]:
    content = build_report(AS_OF, kind).content
    return list(content.sections[0].paragraphs[1:])


def paragraph(paragraphs: list[str], name: str) -> str:
    return next(p for p in paragraphs if p.split(". ", 1)[1].startswith(name))


def test_the_quarter_report_gives_the_quarter_then_the_cumulative_figures(quarter_three):
    quarter = section_one("quarter")
    grdp = paragraph(quarter, "Tổng sản phẩm trên địa bàn (GRDP)")
    assert f"Riêng quý III năm 2025 của {MERGED}: ước tăng 11,5%." in grdp
    assert grdp.index("Riêng quý III") < grdp.index("9 tháng năm 2025")  # the cumulative figure, labelled
    revenue = paragraph(quarter, "Thu ngân sách nhà nước trên địa bàn")
    assert f"Riêng quý III năm 2025 của {MERGED}: ước 36.200 tỷ đồng." in revenue  # not the later revision
    assert "36.450" not in revenue
    exports = paragraph(quarter, "Kim ngạch xuất khẩu")
    assert "Riêng" not in exports  # none published for the quarter alone: nothing made up


def test_the_quarter_report_is_not_the_nine_month_report(quarter_three):
    quarter, nine_months = section_one("quarter"), section_one("9m")
    assert quarter != nine_months
    assert not any("Riêng" in p for p in nine_months)
    assert build_report(AS_OF, "quarter").content.title.endswith("quý III năm 2025")
