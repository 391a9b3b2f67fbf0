"""GET /api/v1/reports/: Sở Tài chính and the leaders download the report file the web page and
`kehoach report` make; 503 with what is missing when a PDF is asked for without LibreOffice."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"  # under "BÁO CÁO"


@pytest.mark.parametrize("who", ["finance", "leader", "admin"])
def test_finance_and_leaders_download_the_month_report(api_as, who):
    response = api_as(who).get("reports/", kind="month", fmt="docx", as_of="2025-08-06")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-thang-07-2025.docx"'
    assert SUBJECT in [p.text for p in Document(BytesIO(response.content)).paragraphs]


def test_the_excel_appendices_of_the_quarter(api_as):
    response = api_as("finance").get("reports/", kind="quarter", fmt="xlsx", as_of="2025-08-06")

    assert response.status_code == 200
    assert load_workbook(BytesIO(response.content)).sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Dự án"]


def test_without_libreoffice_a_pdf_is_503_saying_what_is_missing(api_as, monkeypatch):
    from kehoach.apps.reports import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    response = api_as("finance").get("reports/", kind="month", fmt="pdf", as_of="2025-08-06")

    assert response.status_code == 503
    assert "libreoffice-writer-nogui" in response.json()["detail"]


def test_a_kind_that_does_not_exist_is_422(api_as):
    assert api_as("finance").get("reports/", kind="week").status_code == 422


@pytest.mark.parametrize("who", ["officer_a", "officer_b", "nobody"])
def test_officers_and_others_get_403(api_as, who):
    assert api_as(who).get("reports/", kind="month", fmt="docx").status_code == 403


def test_anonymous_gets_401(api_as):
    assert api_as(None).get("reports/", kind="month").status_code == 401
