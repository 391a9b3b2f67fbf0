"""`kehoach report`: the month report as a Word document and its appendices as Excel."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.domain.reporting.numbers import vn
from kehoach.domain.units import unit_label

pytestmark = pytest.mark.django_db

AS_OF = date(2025, 8, 6)
SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"  # under "BÁO CÁO"


def report(tmp_path, fmt: str, name: str = "bao-cao"):
    out = tmp_path / f"{name}.{fmt}"
    call_command("report", "--as-of", AS_OF.isoformat(), "--kind", "month", "--format", fmt, "--out", str(out),
                 stdout=StringIO())
    return out


def text_of(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def main_assessed():
    assessment = assess_all(AS_OF)
    indicators = {i.key: i for i in assessment.snapshot.indicators}
    return assessment, [(indicators[a.indicator], a) for a in assessment.indicators
                        if indicators[a.indicator].parent is None]


def test_the_word_report_is_an_a4_page_with_the_decree_30_margins_in_times_new_roman(demo_plan, tmp_path):
    doc = Document(str(report(tmp_path, "docx")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= doc.styles["Normal"].font.size.pt <= 14


def test_the_word_report_has_the_header_block_title_and_signature(demo_plan, tmp_path):
    doc = Document(str(report(tmp_path, "docx")))
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert left.splitlines()[:3] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "SỞ TÀI CHÍNH"]
    assert "Số: …/BC-STC" in left
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    date_line = doc.tables[0].rows[0].cells[1].paragraphs[-1]
    assert date_line.text == "Hải Phòng, ngày 06 tháng 8 năm 2025"
    assert all(run.italic for run in date_line.runs)
    title = next(p for p in doc.paragraphs if p.text == SUBJECT)
    assert title.runs[0].bold and title.alignment == 1  # centred
    signature = doc.tables[1].rows[0].cells
    assert signature[0].text.startswith("Nơi nhận:")
    assert signature[1].text.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert "BẢN NHÁP" not in doc.sections[0].header.paragraphs[0].text


def test_every_main_indicator_has_a_sentence_and_an_appendix_row_with_its_actual(demo_plan, tmp_path):
    doc = Document(str(report(tmp_path, "docx")))
    _assessment, indicators = main_assessed()
    assert len(indicators) >= 5
    paragraphs = [p.text for p in doc.paragraphs]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in doc.tables[-3].rows[1:]}
    assert doc.tables[-3].rows[0].cells[1].text == "Chỉ tiêu"
    assert "Phụ lục: Bảng các chỉ tiêu chủ yếu" in paragraphs
    for indicator, a in indicators:
        sentence = next(p for p in paragraphs if f". {indicator.name}:" in p)
        assert a.rating.label in sentence and a.reason.rstrip(".") in sentence
        row = rows[indicator.name]
        assert row[2] == unit_label(indicator.unit, indicator.kind) and row[-1] == a.rating.label
        if a.actual is not None:
            assert vn(a.actual) in sentence and vn(a.actual) in row[6]
    assert rows["Tổng sản phẩm trên địa bàn (GRDP)"][6] == "ước 11,04"


def test_the_task_counts_and_every_overdue_task_are_in_the_word_report(demo_plan, tmp_path):
    text = text_of(Document(str(report(tmp_path, "docx"))))
    assessment, _ = main_assessed()
    counts = Counter(t.status for t in assessment.tasks)
    assert f"Tổng số {len(assessment.tasks)} nhiệm vụ, trong đó:" in text
    for status, n in counts.items():
        assert f"{n} nhiệm vụ {status.label.lower()}" in text
    overdue = [assessment.snapshot.task_rows[t.task] for t in assessment.tasks if t.status.is_overdue]
    assert overdue
    for row in overdue:
        assert f"Nhiệm vụ số {row.number}: " in text


def test_the_excel_appendices_have_frozen_headers_and_numbers(demo_plan, tmp_path):
    wb = load_workbook(report(tmp_path, "xlsx"))
    assert wb.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Dự án"]
    assert all(wb[name].freeze_panes == "A2" for name in wb.sheetnames)
    sheet = wb["Chỉ tiêu"]
    grdp = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Tổng sản phẩm trên địa bàn (GRDP)")
    assert grdp[6].value == pytest.approx(11.04) and grdp[6].number_format == "#,##0.00"
    assert grdp[5].value == pytest.approx(12.13) and grdp[9].value == "Chậm"
    tasks = wb["Nhiệm vụ"]
    assert [c.value for c in tasks[1]][:3] == ["Số", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    dated = [r for r in tasks.iter_rows(min_row=2) if r[4].value is not None]
    assert dated and dated[0][4].number_format == "dd/mm/yyyy"
    assert wb["Dự án"].max_row == 1 + len(assess_all(AS_OF).projects)


def test_a_submitted_but_unapproved_figure_makes_the_report_a_draft(demo_plan, people, tmp_path):
    from kehoach.apps.figures import services
    from kehoach.apps.indicators.models import Indicator

    figure = services.record_figure(Indicator.objects.get(key="exports"), "2025-07", "Hải Phòng (trước 01/07/2025)",
                                    comparator="=", low=Decimal("3"), high=Decimal("3"), text="3",
                                    published=date(2025, 8, 1), status="draft")
    services.submit(figure.figure, people["finance"])
    doc = Document(str(report(tmp_path, "docx", "nhap")))
    assert doc.sections[0].header.paragraphs[0].text == "BẢN NHÁP – CÓ SỐ LIỆU CHƯA ĐƯỢC DUYỆT"


def test_every_main_indicator_with_a_trajectory_has_its_chart_after_section_one(demo_plan, tmp_path):
    from kehoach.apps.assessment.charts import indicator_trend_chart

    doc = Document(str(report(tmp_path, "docx")))
    assessment, indicators = main_assessed()
    with_trajectory = [
        indicator for indicator, a in indicators
        if any(v is not None for v in indicator_trend_chart(
            assessment.snapshot, indicator, AS_OF, a.period.year if a.period else AS_OF.year).series[0].values)]
    assert len(with_trajectory) >= 5
    assert len(doc.inline_shapes) >= len(with_trajectory)
    assert all(round(shape.width.mm) == 160 for shape in doc.inline_shapes)
    paragraphs = [p.text for p in doc.paragraphs]
    start = paragraphs.index("Biểu đồ kịch bản và thực hiện")
    assert paragraphs.index("I. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU") < start
    assert start < paragraphs.index("II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ")
    captions = [p for p in paragraphs if p.startswith("Biểu đồ ") and " - " in p]
    assert len(captions) == len(with_trajectory)
    for indicator in with_trajectory:
        assert any(f" - {indicator.name}: kịch bản và thực hiện" in c for c in captions)
    gdp = next(c for c in captions if "(GRDP)" in c)
    assert gdp.endswith("kịch bản và thực hiện (lũy kế từ đầu năm), năm 2025")


def test_the_document_carries_the_task_and_project_appendices(demo_plan, tmp_path):
    from kehoach.apps.assessment.evaluate import assess_all

    out = tmp_path / "bao-cao.docx"
    call_command("report", "--as-of", "2025-08-06", "--kind", "month", "--format", "docx", "--out", str(out),
                 stdout=StringIO())
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "Phụ lục: Tình hình thực hiện các nhiệm vụ" in texts
    assert "Phụ lục: Tình hình thực hiện các dự án trọng điểm" in texts
    tasks, projects = doc.tables[-2], doc.tables[-1]
    result = assess_all(date(2025, 8, 6))
    groups = {row.group.pk for row in result.snapshot.task_rows.values()}
    assert len(tasks.rows) == 1 + len(result.tasks) + len(groups)  # header, one row per task, one per group
    task_16 = next(r for r in tasks.rows if r.cells[0].text == "16")
    assert task_16.cells[4].text == "30/06/2025" and task_16.cells[5].text == "Quá hạn, chưa báo cáo"
    assert len(projects.rows) == 1 + 24
