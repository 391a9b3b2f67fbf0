"""The Excel template of what an agency owes: download it, fill it in with a spreadsheet, upload it,
see what would be recorded (and every error, by sheet, row and column) before anything is saved,
then confirm: everything is recorded in one transaction."""

from __future__ import annotations

import hashlib
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import EXPLANATION, agency, task_of, url, written

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(client):
    response = client.get(url("workspace:template", agency()))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "attachment;" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def row_of(sheet, column: int, value) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=column).value == value)


def fill(book, value="110", task_status="Hoàn thành", explanation=True):
    figures, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    cols = columns(figures)
    line = next(r for r in range(2, figures.max_row + 1)
                if figures.cell(row=r, column=cols["Mã chỉ tiêu"]).value == "iip"
                and figures.cell(row=r, column=cols["Kỳ"]).value == "Tháng 7/2025")
    figures.cell(row=line, column=cols["Giá trị"]).value = value
    figures.cell(row=line, column=cols["Phạm vi địa bàn"]).value = "HP cũ"
    if explanation:
        figures.cell(row=line, column=cols["Nguyên nhân"]).value = EXPLANATION["cause"]
        figures.cell(row=line, column=cols["Khó khăn, vướng mắc"]).value = EXPLANATION["difficulties"]
        figures.cell(row=line, column=cols["Đề xuất, kiến nghị"]).value = EXPLANATION["proposals"]
    cols = columns(tasks)
    task_line = row_of(tasks, cols["Mã nhiệm vụ (không sửa)"], task_of(number=16).pk)
    tasks.cell(row=task_line, column=cols["Tình hình thực hiện"]).value = task_status
    tasks.cell(row=task_line, column=cols["Tỷ lệ hoàn thành (%)"]).value = 100
    tasks.cell(row=task_line, column=cols["Ghi chú"]).value = "Quyết định 2345/QĐ-UBND"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), line, task_line


def upload(client, data: bytes):
    return client.post(url("workspace:upload", agency()),
                       {"file": SimpleUploadedFile("bao-cao-thang-7.xlsx", data, content_type=XLSX)})


def confirm(client, data: bytes, submit=False):
    post = {"action": "confirm", "digest": hashlib.sha256(data).hexdigest()}
    if submit:
        post["submit"] = "on"
    return client.post(url("workspace:confirm-upload", agency()), post, follow=True)


def test_the_template_lists_what_the_agency_owes(people, login):
    book = download(login(people["officer_a"]))

    assert book.sheetnames == ["Chỉ tiêu", "Nhiệm vụ"]
    figures, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    assert figures.freeze_panes == "A2" and tasks.freeze_panes == "A2"
    cols = columns(figures)
    assert {"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Kịch bản", "Giá trị", "Tính chất số liệu",
            "Nguồn", "Nguyên nhân"} <= set(cols)
    assert figures.column_dimensions["B"].width == 40
    line = next(r for r in range(2, figures.max_row + 1)
                if (figures.cell(row=r, column=1).value, figures.cell(row=r, column=cols["Kỳ"]).value)
                == ("iip", "Tháng 7/2025"))
    assert figures.cell(row=line, column=cols["Kịch bản"]).value == "117,1"
    assert figures.cell(row=line, column=cols["Chỉ tiêu"]).value == "Chỉ số sản xuất công nghiệp (IIP)"
    assert {figures.cell(row=r, column=1).value for r in range(2, figures.max_row + 1)} == {"iip", "exports"}
    cols = columns(tasks)
    assert {"TT", "Nhiệm vụ", "Hạn", "Tình hình thực hiện", "Tỷ lệ hoàn thành (%)",
            "Ghi chú", "Văn bản minh chứng (số, ký hiệu)"} <= set(cols)
    line = row_of(tasks, cols["Mã nhiệm vụ (không sửa)"], task_of(number=16).pk)
    assert tasks.cell(row=line, column=cols["Hạn"]).value == "30/06/2025"
    assert tasks.cell(row=line, column=cols["Tình trạng hiện tại"]).value == "Quá hạn, chưa báo cáo"


def test_the_template_shows_names_and_periods_in_words_and_hides_the_keys(people, login):
    book = download(login(people["officer_a"]))

    for sheet in book.worksheets:
        assert sheet.column_dimensions["A"].hidden  # the key that reads the row back
        shown = [str(cell.value) for row in sheet.iter_rows(min_col=2) for cell in row if cell.value is not None]
        assert not [text for text in shown if re.search(r"\b20\d\d-(Q\d|H\d|9M|YTD-\d\d|\d\d)\b", text)]
        assert not [text for text in shown if text in ("iip", "exports")]


def test_a_filled_template_is_previewed_then_recorded(people, login):
    client = login(people["officer_a"])
    data, line, task_line = fill(download(client))
    before = written()

    preview = upload(client, data)

    html = preview.content.decode()
    assert preview.status_code == 200 and written() == before  # nothing saved yet
    assert f'data-line="{line}"' in html and "110" in html and "Hải Phòng (trước 01/07/2025)" in html
    assert f'data-line="{task_line}"' in html and "Hoàn thành" in html
    assert 'value="confirm"' in html

    done = confirm(client, data)

    assert "Đã ghi nhận từ bao-cao-thang-7.xlsx: 1 số liệu và 1 cập nhật nhiệm vụ." in done.content.decode()
    figure = ActualFigure.objects.get(indicator__key="iip", period="2025-07")
    assert figure.review_status == "draft" and figure.low == Decimal("110") and figure.cause == EXPLANATION["cause"]
    update = TaskProgress.objects.get(task=task_of(number=16))
    assert update.review_status == "draft" and update.status == "completed" and update.percent == 100
    assert str(update.on) == "2025-08-06"


def test_confirming_can_submit_everything_at_once(people, login):
    client = login(people["officer_a"])
    data, _line, _task_line = fill(download(client))
    upload(client, data)

    confirm(client, data, submit=True)

    assert ActualFigure.objects.get(indicator__key="iip", period="2025-07").review_status == "submitted"
    assert TaskProgress.objects.get(task=task_of(number=16)).review_status == "submitted"


def test_the_preview_says_which_rows_cannot_be_submitted_and_confirming_leaves_them_out(people, login):
    """The preview runs the rules the recording runs: the July IIP, rated behind, needs its explanation."""
    client = login(people["officer_a"])
    data, line, _task_line = fill(download(client), explanation=False)

    preview = upload(client, data).content.decode()

    warned = preview[preview.index('id="upload-not-submittable"'):]
    assert f"Trang tính Chỉ tiêu, dòng {line}:" in warned[:warned.index("</div>")]
    assert 'value="confirm"' in preview

    refused = confirm(client, data, submit=True)

    html = refused.content.decode()
    assert f"Trang tính Chỉ tiêu, dòng {line}:" in html and "Các dòng khác đã được ghi nhận" in html
    assert not ActualFigure.objects.filter(indicator__key="iip", period="2025-07").exists()  # left out, to fix
    assert TaskProgress.objects.get(task=task_of(number=16)).review_status == "submitted"  # the valid row went ahead


def test_a_bad_cell_is_reported_by_row_and_column_and_nothing_is_recorded(people, login):
    client = login(people["officer_a"])
    data, line, task_line = fill(download(client), value="12,a", task_status="Xong rồi")
    before = written()

    response = upload(client, data)

    html = response.content.decode()
    assert (f"Trang tính Chỉ tiêu, dòng {line}, cột Giá trị: &#x27;12,a&#x27; không phải là số") in html
    assert f"Trang tính Nhiệm vụ, dòng {task_line}, cột Tình hình thực hiện: &#x27;Xong rồi&#x27;" in html
    assert 'value="confirm"' not in html  # no row is valid: nothing to confirm
    assert confirm(client, data).status_code == 200 and written() == before


def test_the_valid_rows_go_ahead_while_the_bad_one_stays_in_the_preview(people, login):
    client = login(people["officer_a"])
    data, line, task_line = fill(download(client), value="12,a")

    preview = upload(client, data).content.decode()

    assert "cột Giá trị: &#x27;12,a&#x27; không phải là số" in preview
    assert f'data-line="{task_line}"' in preview and 'value="confirm"' in preview
    done = confirm(client, data).content.decode()

    assert TaskProgress.objects.get(task=task_of(number=16)).review_status == "draft"
    assert not ActualFigure.objects.filter(indicator__key="iip", period="2025-07").exists()
    assert "0 số liệu và 1 cập nhật nhiệm vụ" in done and f"Trang tính Chỉ tiêu, dòng {line}, cột Giá trị" in done


def test_a_file_that_is_not_a_workbook_is_refused(people, login):
    response = upload(login(people["officer_a"]), b"indicator,period,value\n")

    assert "Tệp không phải bảng tính Excel (.xlsx)" in response.content.decode()


def test_a_row_of_another_agency_s_indicator_is_an_error(people, login):
    client = login(people["officer_a"])
    book = download(client)
    figures = book["Chỉ tiêu"]
    figures.append(["tourists", "Khách du lịch", "", "2025-07", "", "", "900"])
    out = io.BytesIO()
    book.save(out)

    html = upload(client, out.getvalue()).content.decode()

    assert f"dòng {figures.max_row}, cột Mã chỉ tiêu: &#x27;tourists&#x27; không phải chỉ tiêu do đơn vị theo dõi" in html


def test_finance_downloads_but_does_not_upload_and_other_officers_do_neither(people, login):
    finance = login(people["finance"])
    assert finance.get(url("workspace:template", agency())).status_code == 200
    assert finance.get(url("workspace:upload", agency())).status_code == 403
    officer_b = login(people["officer_b"])
    assert officer_b.get(url("workspace:template", agency())).status_code == 403
    assert upload(officer_b, b"x").status_code == 403


@pytest.fixture
def english(settings):
    """Requests in English; the language the requests activate does not outlive the test."""
    yield "en"
    translation.activate(settings.LANGUAGE_CODE)


def test_the_template_round_trips_in_english_too(people, login, english):
    client = login(people["officer_a"])
    client.post(reverse("set_language"), {"language": english, "next": "/"})  # the officer's own choice
    book = download(client)
    assert book.sheetnames == ["Indicators", "Tasks"]
    figures = book["Indicators"]
    cols = columns(figures)
    line = next(r for r in range(2, figures.max_row + 1)
                if (figures.cell(row=r, column=1).value, figures.cell(row=r, column=cols["Period"]).value)
                == ("exports", "Quý II/2025"))
    figures.cell(row=line, column=cols["Value"]).value = 9.5  # typed as a number in the spreadsheet
    out = io.BytesIO()
    book.save(out)

    html = upload(client, out.getvalue()).content.decode()

    assert f'data-line="{line}"' in html and "9,5" in html and 'value="confirm"' in html
