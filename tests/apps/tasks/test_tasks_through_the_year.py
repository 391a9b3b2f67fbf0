"""Tasks as the year runs, on the seed plan (Kế hoạch 86/KH-UBND) in December 2025 and January 2026:
what the task page, the task list, the dashboard, ``kehoach assess --json`` and the month report say."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import Task
from kehoach.domain.assessment.model import TaskStatus

pytestmark = pytest.mark.django_db

CONTINUING = ("Trong năm 2025 và các năm tiếp theo", "Năm 2025 và các năm tiếp theo")


def task(number: int) -> Task:
    return Task.objects.get(document__number="86/KH-UBND", number=number)


def page(client, url: str, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</section>", start)]


def assess_json(as_of: str) -> dict:
    out = StringIO()
    call_command("assess", "--as-of", as_of, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def leader(people, login):
    return login(people["leader"])


def test_task_2_in_december_shows_this_month_and_the_reports_missed(leader):
    status = section(page(leader, reverse("tasks:detail", args=[task(2).pk]), as_of="2025-12-10"), "h-status")
    assert "Chưa báo cáo" in status
    assert "hạn 31/12/2025 (Tháng 12/2025); 14 kỳ trước chưa báo cáo (gần nhất: Tháng 11/2025)." in status
    assert "323 ngày" not in status and "31/01/2025" not in status


def test_task_2_reported_in_december_is_in_progress_and_still_counts_october_missed(people, leader):
    work = task(2)
    for month in range(1, 10):  # January to September completed, each reported in its month
        done = services.record_progress(work, on=date(2025, month, 15), status="completed", user=people["finance"],
                                        completed_on=date(2025, month, 15))
        services.submit_progress(done, as_of=date(2025, month, 15))
    november = services.record_progress(work, on=date(2025, 11, 14), status="in_progress", percent=60,
                                        user=people["finance"], cause="Chờ số liệu Chi cục Thống kê",
                                        difficulties="Số liệu tháng 10 chưa công bố",
                                        proposals="Đề nghị Chi cục Thống kê cung cấp sớm")
    services.submit_progress(november, as_of=date(2025, 11, 14))  # October was never reported: explained
    a = services.status_of(work, date(2025, 12, 10))
    assert (a.status, a.occurrence, a.missed) == (TaskStatus.DANG_THUC_HIEN_TRONG_HAN, "2025-12", ("2025-10",))
    status = section(page(leader, reverse("tasks:detail", args=[work.pk]), as_of="2025-12-10"), "h-status")
    assert "Đang thực hiện trong hạn" in status and "1 kỳ trước chưa báo cáo (gần nhất: Tháng 10/2025)" in status


def test_on_15_01_2026_the_continuing_tasks_are_about_2026_not_overdue(demo_plan):
    body = assess_json("2026-01-15")
    numbers = set(Task.objects.filter(deadline_text__in=CONTINUING).values_list("number", flat=True))
    assert len(numbers) == 11
    continuing = [t for t in body["tasks"] if t["number"] in numbers and t["document"] == "86/KH-UBND"]
    assert len(continuing) == 11
    for row in continuing:
        assert row["status"] == "chua_bao_cao" and row["status_label"] == "Chưa báo cáo", row
        assert (row["due"], row["occurrence"], row["missed"], row["missed_labels"]) == (
            "2026-12-31", "2026", ["2025"], ["Năm 2025"])


def test_a_continuing_task_reported_in_2025_is_in_progress_for_2026(people, leader):
    work = task(15)
    assert work.deadline_text == "Trong năm 2025 và các năm tiếp theo"
    update = services.record_progress(work, on=date(2025, 12, 12), status="in_progress", percent=90,
                                      user=people["finance"], cause="-", difficulties="-", proposals="-")
    services.submit_progress(update, as_of=date(2025, 12, 12))
    status = section(page(leader, reverse("tasks:detail", args=[work.pk]), as_of="2026-01-15"), "h-status")
    assert "Đang thực hiện trong hạn, hạn 31/12/2026 (Năm 2026)" in status
    assert "Quá hạn" not in status


def test_the_list_tells_chua_bao_cao_apart_from_qua_han_chua_hoan_thanh(people, leader):
    work = task(14)  # "Quý II/2025", never reported
    html = page(leader, reverse("tasks:list"), as_of="2025-12-10", status="qua_han_chua_bao_cao")
    assert f'data-task="{work.number}"' in html and "Quá hạn, chưa báo cáo" in html
    update = services.record_progress(work, on=date(2025, 12, 1), status="in_progress", percent=50,
                                      user=people["finance"], cause="Chờ thẩm định", difficulties="Hồ sơ bổ sung",
                                      proposals="Gia hạn đến 31/01/2026")
    services.submit_progress(update, as_of=date(2025, 12, 1))
    assert f'data-task="{work.number}"' not in page(leader, reverse("tasks:list"), as_of="2025-12-10",
                                                     status="qua_han_chua_bao_cao")
    html = page(leader, reverse("tasks:list"), as_of="2025-12-10", status="qua_han")
    assert f'data-task="{work.number}"' in html and "Quá hạn chưa hoàn thành" in html


def test_the_dashboard_counts_the_new_states_in_the_one_order(leader):
    html = page(leader, reverse("dashboard:overview"), as_of="2025-12-10")
    counts = {s: sum(1 for a in assess_all(date(2025, 12, 10)).tasks if a.status == s) for s in TaskStatus}
    assert counts[TaskStatus.QUA_HAN_CHUA_BAO_CAO] and counts[TaskStatus.CHUA_BAO_CAO]
    for status in (TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.CHUA_BAO_CAO):
        assert f'<strong data-status="{status.value}">{counts[status]}</strong>' in html
    assert html.index("Quá hạn, chưa báo cáo") < html.index("Quá hạn chưa hoàn thành") < html.index("Sắp đến hạn")


def test_the_report_of_20_12_lists_the_tasks_due_before_the_next_report(demo_plan, tmp_path):
    soon = [a for a in assess_all(date(2025, 12, 20)).tasks if a.status == TaskStatus.SAP_DEN_HAN]
    assert len(soon) >= 70  # every task due 31/12/2025, before the report of 20/01/2026
    out = tmp_path / "bao-cao.docx"
    call_command("report", "--as-of", "2025-12-20", "--kind", "month", "--format", "docx", "--out", str(out),
                 stdout=StringIO())
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert f"Các nhiệm vụ sắp đến hạn ({len(soon)} nhiệm vụ):" in text
    assert "Sắp đến hạn: còn 11 ngày đến hạn (31/12/2025), chưa có báo cáo tiến độ" in text
