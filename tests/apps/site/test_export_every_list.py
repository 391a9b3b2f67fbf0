"""Download any list page as CSV or Excel (``?export=csv|xlsx``): the whole filtered list, the
columns as the page shows them under Vietnamese headers, numbers as numbers in Excel, with the
page's own permissions."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kehoach.apps.documents.models import Document
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Agency
from kehoach.apps.tasks.models import Task

# (url, a role that sees the page, the first header in Vietnamese, ASCII file stem)
LISTS = [
    ("/indicators/", "leader", "Chỉ tiêu", "chi-tieu"),
    ("/tasks/", "officer_a", "TT", "nhiem-vu"),
    ("/projects/", "leader", "TT", "du-an-trong-diem"),
    ("/documents/", "finance", "Loại", "van-ban"),
    ("/history/", "finance", "Thời điểm", "lich-su"),
    ("/public/", None, "Chỉ tiêu", "so-lieu-cong-bo"),
    ("/agencies/workspace/", "finance", "Đơn vị", "don-vi"),
    ("/agencies/leaders/", "finance", "Lãnh đạo", "lanh-dao"),
]


def download(client, url: str, fmt: str, **query):
    params = "&".join([f"export={fmt}", *(f"{k}={v}" for k, v in query.items())])
    return client.get(f"{url}?{params}", HTTP_ACCEPT_LANGUAGE="vi")


def csv_rows(response) -> list[list[str]]:
    content = response.content
    assert content.startswith("\ufeff".encode())  # Excel reads the BOM as "this is UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return list(book.worksheets[0].iter_rows(values_only=True))


@pytest.fixture
def published(demo_plan):
    ActualFigure.objects.filter(review_status="approved").update(public=True)


@pytest.mark.parametrize(("url", "role", "header", "stem"), LISTS, ids=[u for u, *_ in LISTS])
def test_every_list_downloads_as_csv_and_excel(people, login, client, published, url, role, header, stem):
    if role is not None:
        login(people[role])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert "?export=csv" in page.content.decode() and "Tải danh sách (Excel)" in page.content.decode()

    as_csv = download(client, url, "csv")
    as_xlsx = download(client, url, "xlsx")

    assert as_csv.status_code == as_xlsx.status_code == 200
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    today = timezone.localdate().isoformat()
    assert as_csv["Content-Disposition"] == f'attachment; filename="{stem}-{today}.csv"'
    assert as_xlsx["Content-Disposition"] == f'attachment; filename="{stem}-{today}.xlsx"'
    rows, sheet = csv_rows(as_csv), xlsx_rows(as_xlsx)
    assert rows[0][0] == header and sheet[0][0] == header
    assert len(rows) == len(sheet) > 1
    assert not any("<" in text and ">" in text for row in rows for text in row)  # no HTML in the cells


def test_the_whole_filtered_list_not_only_the_first_page(people, login, client):
    login(people["officer_a"])
    assert Task.objects.count() > 50  # more than a page

    everything = csv_rows(download(client, "/tasks/", "csv"))
    theirs = csv_rows(download(client, "/tasks/", "csv", lead=Agency.objects.get(name="Sở Công Thương").pk))

    assert len(everything) - 1 == Task.objects.count()
    assert len(theirs) - 1 == Task.objects.filter(lead__name="Sở Công Thương").count() < Task.objects.count()
    numbers = {int(row[0]) for row in theirs[1:]}
    assert numbers == set(Task.objects.filter(lead__name="Sở Công Thương").values_list("number", flat=True))
    # The full content, not the page's first 30 words.
    longest = max(Task.objects.all(), key=lambda t: len(t.content.split()))
    assert len(longest.content.split()) > 30
    assert longest.content in {row[2] for row in everything}


def test_numbers_and_dates_are_cells_of_their_kind_in_excel(people, login, client):
    login(people["finance"])

    documents = xlsx_rows(download(client, "/documents/", "xlsx"))
    projects = xlsx_rows(download(client, "/projects/", "xlsx"))
    tasks = xlsx_rows(download(client, "/tasks/", "xlsx"))

    header = documents[0]
    plan = next(row for row in documents if row[header.index("Số, ký hiệu")] == "86/KH-UBND")
    assert plan[header.index("Nhiệm vụ")] == Task.objects.filter(document__number="86/KH-UBND").count()
    assert isinstance(plan[header.index("Ngày ban hành")], datetime)
    assert plan[header.index("Ngày ban hành")].date() == Document.objects.get(number="86/KH-UBND").date
    values = [row[2] for row in projects[1:] if row[2] not in (None, "")]
    assert values and any(isinstance(v, int | float) for v in values)
    due = tasks[0].index("Hạn")
    assert all(isinstance(row[due], datetime) or row[due] in (None, "") for row in tasks[1:])
    assert any(isinstance(row[due], datetime) for row in tasks[1:])


def test_csv_keeps_vietnamese_text_intact(people, login, client):
    login(people["officer_a"])

    rows = csv_rows(download(client, "/tasks/", "csv", lead=Agency.objects.get(name="Sở Công Thương").pk))

    assert all("Sở Công Thương" in row[3] for row in rows[1:])


@pytest.mark.parametrize(("url", "role", "status"), [
    ("/history/", "officer_a", 403),
    ("/documents/", "leader", 403),
    ("/tasks/", "nobody", 403),
    ("/indicators/", None, 302),
    ("/agencies/workspace/", "nobody", 403),
])
def test_a_download_is_refused_to_whoever_may_not_see_the_page(people, login, client, url, role, status):
    if role is not None:
        login(people[role])

    page = client.get(url)
    refused = download(client, url, "csv")

    assert page.status_code == refused.status_code == status
    assert "attachment" not in refused.get("Content-Disposition", "")


def test_an_unknown_format_is_a_bad_request(people, login, client):
    login(people["leader"])

    response = download(client, "/tasks/", "pdf")

    assert response.status_code == 400


def test_the_history_download_holds_every_change_the_filters_select(people, login, client):
    login(people["finance"])
    today = date.today().strftime("%d/%m/%Y")

    rows = csv_rows(download(client, "/history/", "csv", model="tasks.task", since=today))

    assert len(rows) - 1 == Task.history.count() > 50
    assert {row[3] for row in rows[1:]} == {"Nhiệm vụ"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?", rows[1][0])


def test_public_figures_download_their_values_as_numbers(client, published):
    sheet = xlsx_rows(download(client, "/public/", "xlsx"))

    header = sheet[0]
    budget = next(r for r in sheet if r[header.index("Giá trị")] == 47873.44)
    assert (budget[header.index("Đơn vị tính")], budget[header.index("Kỳ")]) == ("tỷ đồng", "2025-Q1")


def test_the_approval_queue_downloads_each_of_its_lists(people, login, client):
    from kehoach.apps.tasks import services

    task = Task.objects.get(number=11)
    update = services.record_progress(task, on=date(2025, 8, 1), status="in_progress", percent=40, note="Đã trình")
    services.submit_progress(update, people["officer_a"], as_of=date(2025, 8, 1))
    login(people["finance"])
    page = client.get("/agencies/approvals/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "export=csv&amp;list=progress" in page and "export=xlsx&amp;list=publish" in page

    progress = csv_rows(download(client, "/agencies/approvals/", "csv", list="progress"))
    publish = download(client, "/agencies/approvals/", "xlsx", list="publish")

    assert len(progress) == 2 and progress[1][:3] == ["Sở Công Thương", "11", task.content]
    assert "Đã trình" in progress[1]
    rows = xlsx_rows(publish)
    assert len(rows) - 1 == ActualFigure.objects.filter(is_current=True, review_status="approved", public=False).count() > 0
    assert any(isinstance(row[rows[0].index("Giá trị")], int | float) for row in rows[1:])
    assert publish["Content-Disposition"].startswith('attachment; filename="cho-cong-bo-')
    login(people["officer_a"])
    assert download(client, "/agencies/approvals/", "csv", list="progress").status_code == 403


def test_the_leaders_list_downloads_one_column_per_task_status(people, login, client):
    login(people["finance"])

    rows = xlsx_rows(download(client, "/agencies/leaders/", "xlsx"))

    assert rows[0][:2] == ("Lãnh đạo", "Nhiệm vụ") and "Quá hạn chưa hoàn thành" in rows[0]
    assert all(isinstance(n, int) for row in rows[1:] for n in row[1:])
    assert all(row[1] == sum(row[2:]) for row in rows[1:])
