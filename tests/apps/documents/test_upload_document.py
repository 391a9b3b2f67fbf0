"""Văn bản: Sở Tài chính uploads a document, sees what the importer understood, then confirms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kehoach.apps.documents.models import StagedUpload
from kehoach.apps.tasks.models import Task
from tests.apps.conftest import KE_HOACH_86, PROSE, history_rows

# Kế hoạch 45/KH-UBND of Quảng Ninh, 4 tasks: a document the sample plan does not hold.
QUANG_NINH = Path(__file__).resolve().parents[2] / "domain" / "importer" / "fixtures" / "quang-ninh-style-plan.txt"

pytestmark = pytest.mark.django_db


def upload(client, name: str, content: bytes):
    return client.post("/documents/upload/", {"file": SimpleUploadedFile(name, content, "text/plain")})


def test_the_preview_shows_what_was_understood_and_stores_nothing(people, login):
    client = login(people["finance"])
    before = Task.objects.count()

    response = upload(client, "ke-hoach-45.txt", QUANG_NINH.read_bytes())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()

    assert "45/KH-UBND" in page and "Quảng Ninh" in page
    assert re.search(r'id="count-tasks">4<', page)
    assert Task.objects.count() == before  # nothing stored yet


def test_a_stored_document_uploaded_again_is_announced_as_an_update(people, login):
    client = login(people["finance"])

    page = client.get(upload(client, "ke-hoach-86.txt", KE_HOACH_86.read_bytes())["Location"]).content.decode()

    assert re.search(r'id="count-tasks">88<', page)
    assert "Quý II/2025" in page  # a deadline as written
    assert "30/06/2025" in page  # ... and as understood
    assert "Đã có trong hệ thống" in page


def test_confirming_stores_the_document_in_one_go(people, login):
    client = login(people["finance"])
    preview = upload(client, "ke-hoach-45.txt", QUANG_NINH.read_bytes())["Location"]

    response = client.post(preview, {"confirm": "1"}, follow=True)

    assert response.status_code == 200
    assert Task.objects.filter(document__number="45/KH-UBND").count() == 4
    assert not StagedUpload.objects.exists()
    assert "ke-hoach-45.txt" in response.content.decode()


def test_a_file_that_is_not_a_document_is_explained_and_nothing_changes(people, login):
    client = login(people["finance"])
    rows = history_rows()

    preview = upload(client, "thu.txt", PROSE.encode())["Location"]
    response = client.get(preview)

    assert response.status_code == 422
    assert "thu.txt" in response.content.decode()
    assert client.post(preview, {"confirm": "1"}).status_code == 302
    assert history_rows() == rows


def test_only_text_files_are_accepted(people, login):
    response = upload(login(people["finance"]), "scan.png", b"\x89PNG\r\n")

    assert response.status_code == 200
    assert "scan.png" in response.content.decode()
    assert not StagedUpload.objects.exists()


@pytest.mark.parametrize("role", ["officer_a", "leader", "nobody"])
def test_only_finance_may_upload_or_confirm(people, login, role):
    finance = login(people["finance"])
    preview = upload(finance, "ke-hoach-86.txt", KE_HOACH_86.read_bytes())["Location"]
    finance.logout()

    other = login(people[role])
    assert other.get("/documents/").status_code == 403
    assert upload(other, "x.txt", b"x").status_code == 403
    assert other.post(preview, {"confirm": "1"}).status_code == 403
    assert StagedUpload.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/documents/upload/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_document_list_counts_tasks_and_targets(people, login):
    page = login(people["finance"]).get("/documents/").content.decode()

    assert "86/KH-UBND" in page and "619-BC/TU" in page


def test_the_preview_names_indicators_periods_and_bases_in_words(people, login):
    client = login(people["finance"])
    page = client.get(upload(client, "ke-hoach-86.txt", KE_HOACH_86.read_bytes())["Location"]).content.decode()
    main = page.split("<main", 1)[1]

    assert "Tổng sản phẩm trên địa bàn" in main or "GRDP" in main
    assert not re.search(r"<td>(grdp|iip|exports|budget_revenue)</td>", main)
    assert not re.search(r"<td>20\d\d-(Q\d|H\d|9M|YTD-\d\d|\d\d)</td>", main)
    assert not re.search(r"<td>(trung_uong_giao|hdnd_giao|phan_dau)</td>", main)


def test_a_word_file_is_accepted_and_previewed_then_stored(people, login):
    from tests.domain.importer.test_read_every_form import word_plan

    client = login(people["finance"])
    response = upload(client, "ke-hoach-45.docx", word_plan())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "45/KH-UBND" in page and re.search(r'id="count-tasks">3<', page)
    assert client.post(response["Location"], {"confirm": "1"}).status_code == 302
    assert Task.objects.filter(content="Xây dựng trung tâm dữ liệu").exists()


def test_a_web_page_whose_tables_are_all_unknown_is_refused_with_the_list(people, login):
    client = login(people["finance"])
    text = ("Số: 12/KH-UBND\n\nHải Phòng, ngày 02 tháng 4 năm 2025\n\n## KẾ HOẠCH\n\nThử\n\n"
            "Mã\tTên thủ tục\tLệ phí\nTT01\tCấp giấy phép xây dựng\t75.000\n")
    response = upload(client, "thu-tuc.txt", text.encode())
    page = client.get(response["Location"]).content.decode() if response.status_code == 302 else response.content.decode()
    assert "none understood" in page and "Cấp giấy phép xây dựng" in page
