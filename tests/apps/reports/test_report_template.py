"""The report's Word template: the shipped one (reproducible, every placeholder, the Nghị định 30 page
setup, the city's wording as plain text an official edits in Word), a report written into an edited
template, `kehoach report --template`, and a broken template: a clear message, exit status 2, no file."""

from __future__ import annotations

import zipfile
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from kehoach.apps.reports import default_template
from kehoach.apps.reports.models import ReportTemplate
from kehoach.apps.reports.word_template import REQUIRED, TITLES, VARIABLES, default_bytes

from .templates import BROKEN, RECIPIENTS, SIGNER, edited

SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"


def body_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return z.read("word/document.xml")


def all_text(doc) -> str:
    cells = [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def report(tmp_path, *extra, name="bao-cao.docx"):
    out = tmp_path / name
    call_command("report", "--as-of", "2025-08-06", "--kind", "month", "--out", str(out), *extra, stdout=StringIO())
    return out


def test_the_shipped_template_is_what_the_builder_makes():
    assert body_xml(default_bytes()) == body_xml(default_template.build())
    assert default_template.path().read_bytes() == default_bytes()


def test_the_shipped_template_has_every_required_placeholder_and_the_city_wording_as_text():
    doc = Document(BytesIO(default_bytes()))
    text = all_text(doc)
    for name in (*REQUIRED, *TITLES):
        assert name in VARIABLES
    assert "BÁO CÁO\n{{ trich_yeu }}" in text
    assert "{{p noi_dung }}" in [p.text for p in doc.paragraphs]
    assert "{{p phu_luc }}" in [p.text for p in doc.paragraphs]
    left, right = (c.text.splitlines() for c in doc.tables[0].rows[0].cells)
    assert left == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "SỞ TÀI CHÍNH", "", "Số: …/BC-STC"]
    assert right[-1] == "Hải Phòng, ngày {{ ngay }} tháng {{ thang }} năm {{ nam }}"
    closing = doc.tables[1].rows[0].cells
    assert closing[0].text.splitlines()[:2] == ["Nơi nhận:", "- Thường trực Thành ủy;"]
    assert closing[1].text.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_the_shipped_template_sets_a4_the_decree_30_margins_and_a_landscape_appendix_page():
    doc = Document(BytesIO(default_bytes()))
    portrait, landscape = doc.sections
    assert (round(portrait.page_width.mm), round(portrait.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (portrait.top_margin, portrait.bottom_margin, portrait.left_margin,
                                  portrait.right_margin)] == [20, 20, 30, 15]
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size.pt == 14


def test_the_report_in_the_shipped_template_has_no_tag_left_and_its_charts(demo_plan, tmp_path):
    data = report(tmp_path).read_bytes()
    doc = Document(BytesIO(data))
    assert "{{" not in body_xml(data).decode() and "{%" not in body_xml(data).decode()
    assert [p.text for p in doc.paragraphs][:2] == ["BÁO CÁO", SUBJECT]
    assert len(doc.inline_shapes) >= 5
    assert [s.orientation for s in doc.sections] == [0, 1]  # the appendices on the landscape page
    assert doc.sections[1].start_type == 2  # a new page
    landscape_first = doc.element.body.xpath("./w:p[w:pPr/w:sectPr]")[0]
    appendix = [p.text for p in doc.paragraphs]
    assert appendix.index("Phụ lục: Bảng các chỉ tiêu chủ yếu") > appendix.index(landscape_first.xpath("string(.)"))


def test_another_signer_and_other_recipients_edited_in_the_template_are_in_the_report(demo_plan, tmp_path):
    template = tmp_path / "mau-moi.docx"
    template.write_bytes(edited({"SỞ TÀI CHÍNH": "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"}, signer=SIGNER, recipients=RECIPIENTS))
    doc = Document(str(report(tmp_path, "--template", str(template))))
    assert doc.tables[0].rows[0].cells[0].text.splitlines()[2] == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    recipients, signature = doc.tables[1].rows[0].cells
    assert recipients.text.splitlines() == ["Nơi nhận:", *(f"- {line}" for line in RECIPIENTS)]
    assert signature.text.splitlines()[-1] == SIGNER
    assert SUBJECT in [p.text for p in doc.paragraphs]


def test_the_template_may_use_the_period_the_place_and_the_draft_flag(demo_plan, tmp_path):
    template = tmp_path / "mau.docx"
    template.write_bytes(edited({"Số: …/BC-STC": "{{ dia_danh }} – {{ ky }}{% if ban_nhap %} (nháp){% endif %}"}))
    doc = Document(str(report(tmp_path, "--template", str(template))))
    assert "Hải Phòng – tháng 7 năm 2025" in doc.tables[0].rows[0].cells[0].text.splitlines()


def test_values_are_escaped_in_the_document(demo_plan, tmp_path):
    from kehoach.apps.documents.models import Document as PlanDocument

    PlanDocument.objects.exclude(place="").update(place="Hải Phòng & <Kiến An>")
    template = tmp_path / "mau.docx"
    template.write_bytes(edited({"Số: …/BC-STC": "{{ dia_danh }}"}))
    doc = Document(str(report(tmp_path, "--template", str(template))))
    assert doc.tables[0].rows[0].cells[0].text.splitlines()[-1] == "Hải Phòng & <Kiến An>"


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_template_given_to_the_command_exits_2_with_its_message_and_writes_nothing(
        demo_plan, tmp_path, kind):
    make, message = BROKEN[kind]
    template = tmp_path / "hong.docx"
    template.write_bytes(make())
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(CommandError) as raised:
        report(out, "--template", str(template))
    assert raised.value.returncode == 2
    assert f"“{template}”" in str(raised.value) and message in str(raised.value)
    assert not list(out.iterdir())


def test_a_stored_template_that_fails_at_render_time_stops_the_command_with_status_2(demo_plan, tmp_path):
    ReportTemplate.objects.create(file_name="mau-cu.docx", content=edited(signer="{{ chu_ky }}"), sha256="x",
                                  uploaded_at="2025-08-01T08:00:00Z")
    with pytest.raises(CommandError) as raised:
        report(tmp_path)
    assert raised.value.returncode == 2
    assert "“mau-cu.docx”" in str(raised.value) and "chu_ky" in str(raised.value)
    assert not list(tmp_path.iterdir())


def test_a_template_file_that_cannot_be_read_is_named(demo_plan, tmp_path):
    with pytest.raises(CommandError) as raised:
        report(tmp_path, "--template", str(tmp_path / "khong-co.docx"))
    assert raised.value.returncode == 2 and "khong-co.docx" in str(raised.value)


def test_a_draft_says_so_at_the_top_of_every_page_header_of_the_template(demo_plan, people, tmp_path):
    from datetime import date
    from decimal import Decimal

    from kehoach.apps.figures import services
    from kehoach.apps.indicators.models import Indicator
    from kehoach.apps.reports.draft import DRAFT_MARK

    figure = services.record_figure(Indicator.objects.get(key="exports"), "2025-07", "Hải Phòng (trước 01/07/2025)",
                                    comparator="=", low=Decimal("3"), high=Decimal("3"), text="3",
                                    published=date(2025, 8, 1), status="draft")
    services.submit(figure.figure, people["finance"])
    doc = Document(BytesIO(edited()))
    doc.sections[0].header.paragraphs[0].text = "Trang {{ ky }}"
    appendix_header = doc.sections[1].header
    appendix_header.is_linked_to_previous = False
    appendix_header.paragraphs[0].text = "Phụ lục"
    template = tmp_path / "mau-dau-trang.docx"
    doc.save(template)
    shipped = Document(str(report(tmp_path)))
    assert shipped.sections[0].header.paragraphs[0].text == DRAFT_MARK
    assert shipped.sections[1].header.is_linked_to_previous  # the appendix pages show the same header
    headed = Document(str(report(tmp_path, "--template", str(template), name="co-dau-trang.docx")))
    assert [p.text for p in headed.sections[0].header.paragraphs] == [DRAFT_MARK, "Trang tháng 7 năm 2025"]
    assert [p.text for p in headed.sections[1].header.paragraphs] == [DRAFT_MARK, "Phụ lục"]
