"""Reports across the year's end: the year report of 2025 and the December report, written in January 2026
after the 2026 plan was imported, judge 2025 (its targets in the "Kế hoạch năm" column, "Đạt"/"Không đạt kế
hoạch năm" with the gap, "ước" for an estimate); a report of a 2026 period takes 2026's plan.

The seeds, the published figures (``haiphong-2025-figures.csv``), the published plan changes
(``haiphong-plan-changes.csv``: the merged city's 12,35 %, the 2026 range 13–13,5 %), plus FIGURES WRITTEN
FOR THESE TESTS (``LATER`` below): shaped like what the city publishes (merged scope, an estimate published
before the year ended), NOT published facts.
"""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.reports.build import build_report
from tests.apps.conftest import SAMPLES
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db

LATER = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Tổng sản phẩm trên địa bàn (GRDP),2025-9M,"11,14",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2025-10-06
Tổng sản phẩm trên địa bàn (GRDP),2025,"11,81",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2025-12-26
Tổng sản phẩm trên địa bàn (GRDP),2026-Q1,"9,2",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2026-04-06
"""
GRDP = "Tổng sản phẩm trên địa bàn (GRDP)"
MISSED = "Không đạt kế hoạch năm (ước): thấp hơn 0,54 điểm % so với"


@pytest.fixture
def the_year(sample_documents, tmp_path):
    import_actuals(str(FIGURES_CSV))
    call_command("targets", "import", str(SAMPLES / "haiphong-plan-changes.csv"), stdout=StringIO())
    later = tmp_path / "later.csv"
    later.write_text(LATER, encoding="utf-8")
    import_actuals(str(later))


def rows(as_of: date, kind: str) -> dict:
    return {row.name: row for row in build_report(as_of, kind).content.indicator_rows}


def test_the_year_report_written_in_january_fills_the_plan_column_and_gives_the_verdicts(the_year):
    content = build_report(date(2026, 1, 15), "year").content
    assert content.title.endswith("năm 2025")
    by_name = {row.name: row for row in content.indicator_rows}
    assert by_name[GRDP].target_text == "12,35"  # the merged city's target, the figure's own scope
    assert by_name[GRDP].rating.startswith(MISSED) and by_name[GRDP].rating.endswith("(12,35%)")
    assert all(row.target_text for row in content.indicator_rows)  # 2025's plan, not the as-of year's
    # without a full-year figure the year report does not rate on the trajectory
    revenue = by_name["Thu ngân sách nhà nước trên địa bàn"]
    assert revenue.target_text == "129.519,3" and revenue.rating == "Chưa có số liệu cả năm để kết luận"
    summary, *paragraphs = content.sections[0].paragraphs
    assert summary == (f"Kết quả chung: 0/{len(content.indicator_rows)} chỉ tiêu đạt kế hoạch năm; 1 chỉ tiêu không "
                       "đạt kế hoạch năm (trong đó 1 chỉ tiêu theo số ước); "
                       f"{len(content.indicator_rows) - 1} chỉ tiêu chưa có số liệu cả năm để kết luận.")
    grdp = next(p for p in paragraphs if GRDP in p)
    assert "Năm 2025 ước tăng 11,81%" in grdp and grdp.endswith("Đánh giá: Không đạt kế hoạch năm (ước).")
    overview = {p.heading: p.lines for p in content.sections[3].parts}
    assert any(line.startswith(f"- {GRDP}: không đạt kế hoạch năm (ước).") for line in overview["2. Tồn tại, hạn chế"])
    assert content.sections[4].heading == "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026"


def test_the_december_report_written_in_january_still_judges_2025_with_the_2026_plan_imported(the_year):
    content = build_report(date(2026, 1, 15), "month").content
    assert content.title.endswith("tháng 12 năm 2025")
    grdp = next(row for row in content.indicator_rows if row.name == GRDP)
    assert grdp.target_text == "12,35"  # not 2026's "13-13,5"
    assert grdp.rating.startswith(MISSED)
    assert content.sections[0].paragraphs[0].endswith(
        "Theo số liệu cả năm, 0/1 chỉ tiêu đạt kế hoạch năm, 1 chỉ tiêu không đạt kế hoạch năm "
        "(trong đó 1 chỉ tiêu theo số ước).")


def test_the_november_report_has_no_verdict_from_the_estimate_published_in_december(the_year):
    grdp = rows(date(2025, 12, 27), "month")[GRDP]
    assert grdp.period_label != "Năm 2025"
    assert not grdp.rating.startswith(("Đạt kế hoạch năm", "Không đạt kế hoạch năm"))


def test_a_report_of_a_2026_period_takes_the_2026_plan(the_year):
    content = build_report(date(2026, 4, 10), "quarter").content
    assert content.title.endswith("quý I năm 2026")
    grdp = next(row for row in content.indicator_rows if row.name == GRDP)
    assert grdp.target_text == "13-13,5" and grdp.period_label == "Quý I/2026"
