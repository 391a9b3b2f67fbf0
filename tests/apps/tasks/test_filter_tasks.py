"""Nhiệm vụ: the task list filters by group, lead and coordinating agency, leader, status as of the
chosen date and due window, and its search ignores diacritics and case."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.tasks.models import Task, TaskGroup

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"
URL = reverse("tasks:list")


def listed(client, **query) -> set[int]:
    response = client.get(URL, {"as_of": AS_OF, **query})
    assert response.status_code == 200
    return {int(n) for n in re.findall(r'<tr[^>]*data-task="(\d+)"', response.content.decode())}


def plan_86() -> list[Task]:
    return list(Task.objects.filter(document__number="86/KH-UBND").prefetch_related("lead", "support"))


@pytest.fixture
def staff(people, login):
    return login(people["finance"])


@pytest.mark.parametrize("query", ["giai ngan", "GIẢI NGÂN", "Giải ngân", "  giải   ngan "])
def test_search_finds_giai_ngan_with_or_without_diacritics(staff, query):
    wanted = {t.number for t in plan_86() if "giải ngân" in t.content.lower()}
    assert wanted  # tasks 21, 22 and 23 of Kế hoạch 86 speak of disbursement
    assert listed(staff, q=query) == wanted


def test_the_search_reaches_agencies_and_leaders(staff):
    cuong = Leader.objects.get(name="Hoàng Minh Cường")
    assert listed(staff, q="hoang minh cuong") == set(cuong.tasks.values_list("number", flat=True))
    found = listed(staff, q="so van hoa, the thao")
    assert 14 in found  # led by Sở Văn hóa, Thể thao và Du lịch


def test_a_search_that_matches_nothing_says_so(staff):
    response = staff.get(URL, {"as_of": AS_OF, "q": "không có nhiệm vụ nào như thế"})
    assert "Không có nhiệm vụ nào khớp" in response.content.decode()


def test_filter_by_status_as_of_the_chosen_day(staff):
    overdue = {assessment.task for assessment in assess_all(date(2025, 8, 6)).tasks
               if assessment.status.value == "qua_han_chua_bao_cao"}
    numbers = set(Task.objects.filter(pk__in=overdue).values_list("number", flat=True))
    assert {14, 16, 80} <= numbers
    assert listed(staff, status="qua_han_chua_bao_cao") == numbers
    assert 14 not in listed(staff, status="qua_han_chua_bao_cao", as_of="2025-03-01")  # Quý II/2025 is not due yet then


def test_the_overview_link_to_overdue_tasks_works_with_the_remembered_day(staff):
    staff.get(URL, {"as_of": AS_OF})  # remembered in the session
    response = staff.get(URL + "?status=qua_han_chua_bao_cao")
    html = response.content.decode()
    assert 'data-task="14"' in html and 'data-task="21"' not in html
    assert "Quá hạn, chưa báo cáo" in html


def test_filter_by_group(staff):
    group = TaskGroup.objects.get(document__number="86/KH-UBND", code="II")
    assert listed(staff, group=group.pk) == set(group.tasks.values_list("number", flat=True))


def test_filter_by_lead_agency(staff):
    agency = Agency.objects.get(name="Sở Công Thương")
    wanted = {t.number for t in plan_86() if agency in t.lead.all()}
    assert len(wanted) > 10
    assert listed(staff, lead=agency.pk) == wanted


def test_filter_by_coordinating_agency(staff):
    agency = Agency.objects.get(name="Chi cục Thống kê")
    wanted = {t.number for t in plan_86() if agency in t.support.all()}
    assert wanted
    assert listed(staff, support=agency.pk) == wanted


def test_filter_by_leader(staff):
    cuong = Leader.objects.get(name="Hoàng Minh Cường")
    assert listed(staff, leader=cuong.pk) == set(cuong.tasks.values_list("number", flat=True))


def test_filter_by_due_window(staff):
    june = listed(staff, due_from="2025-06-01", due_to="2025-06-30")
    assert {14, 16} <= june  # "Quý II/2025": due 30/06/2025
    assert 80 not in june  # "Tháng 3/2025"
    assert 80 in listed(staff, due_to="2025-03-31")
    assert 14 not in listed(staff, due_from="2025-07-01")


def test_filters_combine(staff):
    cuong = Leader.objects.get(name="Hoàng Minh Cường")
    assert listed(staff, leader=cuong.pk, status="qua_han_chua_bao_cao") == {14, 16, 80}
    assert listed(staff, leader=cuong.pk, status="qua_han_chua_bao_cao", q="cum cong nghiep") == {16}


def test_an_unknown_status_is_refused_not_ignored_silently(staff):
    response = staff.get(URL, {"as_of": AS_OF, "status": "bogus"})
    assert response.status_code == 200
    assert 'class="error' in response.content.decode()


def test_each_row_shows_the_task_as_written_and_its_status(staff):
    html = staff.get(URL, {"as_of": AS_OF, "q": "hang khong mo duong bay"}).content.decode()
    assert "Quý II/2025" in html and "30/06/2025" in html
    assert "Sở Văn hóa, Thể thao và Du lịch" in html and "Hoàng Minh Cường" in html
    assert 'data-status="qua_han_chua_bao_cao"' in html
    task = Task.objects.get(document__number="86/KH-UBND", number=14)
    assert f'href="{task.get_absolute_url()}"' in html


def test_the_search_text_follows_a_task_s_agencies(staff):
    task = Task.objects.get(document__number="86/KH-UBND", number=14)
    agency = Agency.objects.create(name="Ban Quản lý dự án Đầu tư xây dựng")
    assert 14 not in listed(staff, q="ban quan ly du an dau tu")
    task.support.add(agency)
    assert 14 in listed(staff, q="ban quan ly du an dau tu")
    agency.name = "Ban Điều phối đường bay"
    agency.save()
    assert 14 in listed(staff, q="ban dieu phoi duong bay")
    task.support.remove(agency)
    assert 14 not in listed(staff, q="ban dieu phoi duong bay")


def test_the_page_costs_the_same_queries_whatever_the_number_of_tasks(staff, django_assert_max_num_queries):
    staff.get(URL, {"as_of": AS_OF})
    with CaptureQueriesContext(connection) as before:
        staff.get(URL, {"as_of": AS_OF, "status": "qua_han_chua_bao_cao"})
    template = Task.objects.get(document__number="86/KH-UBND", number=14)
    agencies = list(Agency.objects.all()[:3])
    for number in range(500, 560):
        task = Task.objects.create(document=template.document, number=number, group=template.group,
                                   content=f"Nhiệm vụ thêm {number}", deadline_text="Quý II/2025",
                                   due=date(2025, 6, 30), leader=template.leader)
        task.lead.set(agencies)
        task.support.set(agencies[:1])
    with django_assert_max_num_queries(len(before)):
        html = staff.get(URL, {"as_of": AS_OF, "status": "qua_han_chua_bao_cao"}).content.decode()
    assert html.count("data-task=") == 50  # a full page


def test_anonymous_users_are_sent_to_sign_in(client, people):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_signed_in_user_with_no_role_may_not_see_the_tasks(people, login):
    assert login(people["nobody"]).get(URL).status_code == 403


def test_an_officer_sees_the_list(people, login):
    assert 16 in listed(login(people["officer_b"]), status="qua_han_chua_bao_cao")


def test_refresh_search_text_repairs_stale_rows_without_history(staff):
    from kehoach.apps.tasks.services import refresh_search_text
    from tests.apps.conftest import history_rows

    Task.objects.update(search_text="")
    assert listed(staff, q="giai ngan") == set()
    rows = history_rows()
    assert refresh_search_text() == Task.objects.count()
    assert listed(staff, q="giai ngan") == {21, 22, 23}
    assert refresh_search_text() == 0 and history_rows() == rows
