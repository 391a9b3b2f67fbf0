"""Báo cáo: Sở Tài chính and the leaders download the report of a period from the web, as the command
writes it; officers get 403 and anonymous users go to the login page."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

URL = "/reports/"
SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"  # under "BÁO CÁO"
MONTH = {"as_of": "06/08/2025", "kind": "month", "fmt": "docx"}


def content_of(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_page_is_at_reports_and_offers_date_kind_and_format_in_vietnamese(people, login):
    assert reverse("reports:index") == URL
    response = login(people["finance"]).get(URL, {"as_of": "06/08/2025"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Tải báo cáo", "Tính đến ngày", "Loại báo cáo", "Báo cáo tháng", "Báo cáo quý", "Báo cáo 6 tháng",
                 "Báo cáo 9 tháng", "Báo cáo năm", "Văn bản Word (.docx)", "Phụ lục Excel (.xlsx)"):
        assert text in html
    assert 'value="06/08/2025"' in html
    assert f'href="{URL}"' in html  # the menu item
    assert "Báo cáo</a>" in html


@pytest.mark.parametrize("who", ["finance", "leader"])
def test_finance_and_leaders_download_the_month_report_as_a_word_file(people, login, who):
    response = login(people[who]).get(URL, MONTH)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-thang-07-2025.docx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    paragraphs = [p.text for p in Document(BytesIO(content_of(response))).paragraphs]
    assert SUBJECT in paragraphs
    assert "Kết quả thực hiện các nhiệm vụ" in paragraphs


def test_a_posted_form_downloads_the_excel_appendices_of_the_quarter(people, login):
    response = login(people["finance"]).post(URL, {"as_of": "06/08/2025", "kind": "quarter", "fmt": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-quy-2-2025.xlsx"'
    assert load_workbook(BytesIO(content_of(response))).sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Dự án"]


def test_a_wrong_date_shows_the_form_again_with_the_error(people, login):
    response = login(people["finance"]).get(URL, {**MONTH, "as_of": "31/02/2025"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("who", ["officer_a", "nobody"])
def test_officers_and_others_are_refused(people, login, who):
    client = login(people[who])
    assert client.get(URL).status_code == 403
    assert client.get(URL, MONTH).status_code == 403
    assert f'href="{URL}"' not in client.get("/").content.decode()


def test_anonymous_users_go_to_the_login_page(client):
    response = client.get(URL, MONTH)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_pdf_is_downloaded_when_libreoffice_is_installed(people, login):
    import shutil

    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (soffice): apt-get install libreoffice-writer-nogui")
    response = login(people["finance"]).get(URL, {**MONTH, "fmt": "pdf"})

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="bao-cao-thang-07-2025.pdf"' in response["Content-Disposition"]
    assert content_of(response).startswith(b"%PDF-")


def test_without_libreoffice_the_page_says_what_is_missing(people, login, monkeypatch):
    from kehoach.apps.reports import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    response = login(people["finance"]).get(URL, {**MONTH, "fmt": "pdf"})

    assert response.status_code == 503
    assert "libreoffice-writer-nogui" in response.content.decode()


def test_the_form_says_which_period_a_report_covers(people, login):
    html = login(people["leader"]).get(URL, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert ("Báo cáo của kỳ gần nhất thuộc loại này đã kết thúc tính đến ngày báo cáo: tính đến 06/08/2025, báo cáo "
            "tháng là của tháng 7 năm 2025, báo cáo quý là của quý II và báo cáo năm là của năm 2024.") in html
    assert 'href="/reports/template/"' not in html  # leaders do not see the template page


def test_finance_finds_the_template_page_from_the_report_page(people, login):
    html = login(people["finance"]).get(URL, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<a href="/reports/template/">Mẫu báo cáo (Word)</a>' in html
