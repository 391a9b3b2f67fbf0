"""/reports/template/: the administrator replaces the report's Word template (tried on a month report
first), or goes back to the shipped one; Sở Tài chính downloads it; everyone else is refused and
nothing changes. Every replacement is in the history with who made it."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from kehoach.apps.reports.models import ReportTemplate
from kehoach.apps.reports.word_template import default_bytes

from .templates import BROKEN, RECIPIENTS, SIGNER, edited

pytestmark = pytest.mark.django_db

URL = "/reports/template/"
REPORT = {"as_of": "06/08/2025", "kind": "month", "fmt": "docx"}


def upload(client, data: bytes, name: str = "mau-moi.docx"):
    return client.post(URL, {"action": "upload", "file": SimpleUploadedFile(name, data)},
                       HTTP_ACCEPT_LANGUAGE="vi")


def month_report(client):
    response = client.get("/reports/", REPORT)
    assert response.status_code == 200
    return Document(BytesIO(b"".join(response.streaming_content)))


def signature_of(doc) -> tuple[list[str], list[str]]:
    recipients, signature = doc.tables[1].rows[0].cells
    return recipients.text.splitlines(), signature.text.splitlines()


def downloaded(client, which: str) -> bytes:
    response = client.get(URL, {"file": which})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return b"".join(response.streaming_content)


def test_the_administrator_sees_the_template_page_in_vietnamese(people, login):
    response = login(people["admin"]).get(URL, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Mẫu báo cáo", "Mẫu đi kèm kehoach.", "Tải mẫu đang dùng", "Tải mẫu đi kèm kehoach", "Thay mẫu",
                 "Tải lên và áp dụng", "tieu_de", "noi_dung", "phu_luc", 'enctype="multipart/form-data"'):
        assert text in html


def test_an_uploaded_template_with_another_signer_and_recipients_changes_the_report(people, login):
    client = login(people["admin"])
    data = edited(signer=SIGNER, recipients=RECIPIENTS)
    response = upload(client, data)
    assert response.status_code == 302 and response["Location"] == URL
    stored = ReportTemplate.objects.get()
    assert (stored.file_name, bytes(stored.content), stored.uploaded_by) == ("mau-moi.docx", data, people["admin"])
    assert downloaded(client, "current") == data
    assert downloaded(client, "default") == default_bytes()
    recipients, signature = signature_of(month_report(login(people["finance"])))
    assert recipients == ["Nơi nhận:", *(f"- {line}" for line in RECIPIENTS)]
    assert signature[-1] == SIGNER
    page = login(people["admin"]).get(URL, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert f"mau-moi.docx, do {people['admin'].username} tải lên lúc" in page


def test_the_history_records_each_replacement_and_the_return_to_the_shipped_template_with_the_user(people, login):
    client = login(people["admin"])
    first = edited(signer="Người ký A")
    assert upload(client, first, "mau-a.docx").status_code == 302
    assert upload(client, edited(signer="Người ký B"), "mau-b.docx").status_code == 302
    assert ReportTemplate.objects.count() == 1
    assert client.post(URL, {"action": "reset"}).status_code == 302
    assert not ReportTemplate.objects.exists()
    versions = list(ReportTemplate.history.order_by("history_date", "history_id"))
    assert [(v.history_type, v.file_name, v.history_user) for v in versions] == [
        ("+", "mau-a.docx", people["admin"]), ("~", "mau-b.docx", people["admin"]),
        ("-", "mau-b.docx", people["admin"])]
    assert bytes(versions[0].content) == first  # the old file is kept in the history
    _recipients, signature = signature_of(month_report(login(people["finance"])))
    assert signature[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and signature[-1] == "Họ và tên"  # the shipped one


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_template_is_refused_with_its_message_and_the_template_in_use_stays(people, login, kind):
    client = login(people["admin"])
    good = edited(signer=SIGNER)
    assert upload(client, good, "mau-tot.docx").status_code == 302
    before = (ReportTemplate.objects.count(), ReportTemplate.history.count())
    make, message = BROKEN[kind]
    response = upload(client, make(), "mau-hong.docx")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    error = response.context["form"].errors["file"][0]
    assert error.startswith(("Mẫu báo cáo “mau-hong.docx”", "Không điền được mẫu báo cáo “mau-hong.docx”"))
    assert message in error
    assert (ReportTemplate.objects.count(), ReportTemplate.history.count()) == before
    assert bytes(ReportTemplate.objects.get().content) == good
    assert signature_of(month_report(client))[1][-1] == SIGNER


def test_a_file_that_is_not_docx_by_name_or_too_large_is_refused_before_it_is_tried(people, login, monkeypatch):
    client = login(people["admin"])
    response = upload(client, edited(), "mau.doc")
    assert response.status_code == 400
    assert "mau.doc: cần tệp văn bản Word (.docx)." in response.context["form"].errors["file"]
    monkeypatch.setattr("kehoach.apps.reports.forms.MAX_BYTES", 1000)
    response = upload(client, edited(), "mau-lon.docx")
    assert response.status_code == 400
    assert "lớn hơn 5 MB" in response.context["form"].errors["file"][0]
    assert not ReportTemplate.objects.exists() and not ReportTemplate.history.exists()


def test_finance_downloads_the_template_but_may_not_replace_or_reset_it(people, login):
    data = edited(signer=SIGNER)
    ReportTemplate.objects.create(file_name="mau.docx", content=data, sha256="x",
                                  uploaded_at="2025-08-01T08:00:00Z")
    client = login(people["finance"])
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    assert "Tải mẫu đang dùng" in page.content.decode() and "Tải lên và áp dụng" not in page.content.decode()
    assert downloaded(client, "current") == data
    assert upload(client, edited(signer="Người khác")).status_code == 403
    assert client.post(URL, {"action": "reset"}).status_code == 403
    assert ReportTemplate.objects.get().file_name == "mau.docx" and ReportTemplate.history.count() == 1


@pytest.mark.parametrize("who", ["leader", "officer_a", "officer_b", "nobody"])
def test_leaders_officers_and_users_without_a_role_get_403_and_nothing_changes(people, login, who):
    client = login(people[who])
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"file": "current"}).status_code == 403
    assert upload(client, edited(signer=SIGNER)).status_code == 403
    assert client.post(URL, {"action": "reset"}).status_code == 403
    assert not ReportTemplate.objects.exists() and not ReportTemplate.history.exists()


def test_anonymous_visitors_go_to_the_login_page_and_nothing_changes(client, demo_plan):
    for response in (client.get(URL), client.post(URL, {"action": "upload",
                                                        "file": SimpleUploadedFile("m.docx", edited())})):
        assert response.status_code == 302 and "login" in response["Location"]
    assert not ReportTemplate.objects.exists()


def test_a_stored_template_that_fails_for_a_report_gives_the_form_and_the_message_not_a_500(people, login):
    ReportTemplate.objects.create(file_name="mau-cu.docx", content=edited(signer="{{ chu_ky }}"), sha256="x",
                                  uploaded_at="2025-08-01T08:00:00Z")
    response = login(people["finance"]).get("/reports/", REPORT, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 503
    html = response.content.decode()
    assert "mau-cu.docx" in html and "chu_ky" in html and 'role="alert"' in html
    assert "Tải báo cáo" in html  # the form again
