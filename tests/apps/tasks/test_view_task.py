"""One task's page: its deadline as written and as understood, its status as of the chosen day,
its progress timeline and its directives and comments."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


def task(number: int) -> Task:
    return Task.objects.get(document__number="86/KH-UBND", number=number)


def page(client, number: int, as_of: str = AS_OF) -> str:
    response = client.get(reverse("tasks:detail", args=[task(number).pk]), {"as_of": as_of})
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</section>", start)]


@pytest.fixture
def leader(people, login):
    return login(people["leader"])


def test_a_quarter_deadline_is_shown_as_written_and_as_a_date(leader):
    html = page(leader, 14)
    deadline = section(html, "deadline")
    assert "Quý II/2025" in deadline  # as written
    assert "Hạn hoàn thành: <strong>30/06/2025</strong>" in deadline  # as understood
    assert "Trình Hội đồng nhân dân thành phố ban hành Nghị quyết" in html
    assert "Hồ sơ Nghị quyết trình Hội đồng nhân dân thành phố" in html  # expected result
    assert "Sở Văn hóa, Thể thao và Du lịch" in html and "Hoàng Minh Cường" in html
    assert "86/KH-UBND" in html


def test_the_status_is_explained_as_of_the_chosen_day(leader):
    late = section(page(leader, 14), "h-status")
    assert "Quá hạn, chưa báo cáo" in late  # no progress reported on it
    assert "Quá hạn 37 ngày (hạn 30/06/2025), chưa có báo cáo tiến độ." in late
    early = section(page(leader, 14, as_of="2025-05-01"), "h-status")
    assert "Chưa đến hạn" in early and "hạn 30/06/2025" in early


def test_a_recurring_deadline_is_shown_with_its_occurrences(leader):
    html = page(leader, 2)
    deadline = section(html, "deadline")
    assert "Hàng tháng, quý trong năm 2025" in deadline
    assert "Định kỳ: hằng tháng, hằng quý, đến ngày 31/12/2025" in deadline
    assert "Các kỳ" in deadline
    for label, due in (("Tháng 1/2025", "31/01/2025"), ("Quý II/2025", "30/06/2025"), ("Tháng 12/2025", "31/12/2025")):
        assert label in deadline and due in deadline
    assert "Quá hạn 187 ngày (hạn 31/01/2025), chưa có báo cáo tiến độ (Tháng 1/2025)." in html  # its own row
    # The task's status is this month's occurrence, with the earlier ones never reported counted.
    status = section(html, "h-status")
    assert "Quá hạn 187 ngày" not in status
    assert ("Chưa báo cáo, hạn 31/08/2025 (Tháng 8/2025); 9 kỳ trước chưa báo cáo (gần nhất: Tháng 7/2025)."
            in status)


def test_a_conditional_deadline_waits_for_its_event_then_has_a_due_date(leader, people):
    conditional = task(55)
    html = page(leader, 55)
    deadline = section(html, "deadline")
    assert "Sau khi có Quyết định ban hành Kế hoạch của Bộ Công Thương" in deadline
    assert "Chờ điều kiện" in deadline and "sự kiện chưa xảy ra" in deadline
    assert "Chờ điều kiện" in section(html, "h-status")

    services.record_condition_event(conditional, date(2025, 7, 1), due=date(2025, 9, 30), user=people["finance"])
    html = page(leader, 55)
    assert "sự kiện đã xảy ra ngày 01/07/2025, hạn 30/09/2025" in section(html, "deadline")
    status = section(html, "h-status")
    assert "Chưa đến hạn" in status and "30/09/2025" in status
    assert "sự kiện chưa xảy ra" in section(page(leader, 55, as_of="2025-06-30"), "deadline")


def test_a_deadline_with_milestones_shows_each_with_its_date(leader):
    deadline = section(page(leader, 45), "deadline")
    assert "Các mốc" in deadline and "Hồ sơ trình Ban Thường vụ — 30/06/2025" in deadline
    # "Triển khai theo tiến độ yêu cầu của Nghị quyết" only refers to the resolution's schedule: a note,
    # not a step waiting for an event that no one will ever record.
    assert "Ghi chú: Triển khai theo tiến độ yêu cầu của Nghị quyết" in deadline
    assert "<q>Triển khai theo" not in deadline
    assert "Chờ điều kiện" not in section(page(leader, 45, as_of="2025-12-10"), "h-status")


def test_the_progress_timeline_shows_every_reported_update(people, login):
    officer = people["officer_a"]  # Sở Công Thương leads task 16
    work = task(16)
    draft = services.record_progress(work, on=date(2025, 7, 20), status="in_progress", percent=40,
                                     note="Đã xin ý kiến các sở", evidence_reference="123/SCT-QLCN",
                                     cause="Chờ ý kiến Bộ", difficulties="Thiếu quỹ đất", proposals="Gia hạn đến quý III",
                                     user=officer)
    services.submit_progress(draft, user=officer, as_of=date(2025, 7, 20))
    services.approve_progress(draft, people["finance"])
    services.record_progress(work, on=date(2025, 8, 1), status="in_progress", percent=60, note="Bản nháp nội bộ",
                             user=officer)

    timeline = section(page(login(people["leader"]), 16), "progress")
    assert "20/07/2025" in timeline and "40%" in timeline and "Đã xin ý kiến các sở" in timeline
    assert "123/SCT-QLCN" in timeline
    assert "Chờ ý kiến Bộ" in timeline and "Thiếu quỹ đất" in timeline and "Gia hạn đến quý III" in timeline
    assert "Đã phê duyệt" in timeline
    assert "Nhập: Cán bộ Sở Công Thương" in timeline and "Phê duyệt: Cán bộ Sở Tài chính" in timeline
    assert "Bản nháp nội bộ" in timeline  # leaders see drafts too

    assert "Bản nháp nội bộ" in section(page(login(officer), 16), "progress")  # the lead agency sees its draft
    other = section(page(login(people["officer_b"]), 16), "progress")
    assert "Đã xin ý kiến các sở" in other and "Bản nháp nội bộ" not in other  # another agency: reported only


def test_the_page_is_in_english_too(leader):
    leader.post(reverse("set_language"), {"language": "en"})
    html = page(leader, 2)
    assert "As written" in html and "every month, every quarter" in html


def test_the_page_costs_the_same_queries_however_long_the_timeline(people, login, django_assert_max_num_queries):
    client = login(people["leader"])
    work = task(16)
    page(client, 16)
    services.record_progress(work, on=date(2025, 7, 1), status="in_progress", percent=10, user=people["officer_a"])
    with CaptureQueriesContext(connection) as before:
        page(client, 16)
    for day in range(2, 28):
        services.record_progress(work, on=date(2025, 7, day), status="in_progress", percent=day,
                                 user=people["officer_a"])
    with django_assert_max_num_queries(len(before)):
        page(client, 16)


def test_who_may_see_a_task(client, people, login):
    url = reverse("tasks:detail", args=[task(14).pk])
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(people["nobody"]).get(url).status_code == 403
    assert login(people["officer_a"]).get(url).status_code == 200
    assert login(people["finance"]).get(reverse("tasks:detail", args=[999999])).status_code == 404
