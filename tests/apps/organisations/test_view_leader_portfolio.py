"""Lãnh đạo: a leader opens their own portfolio, worst first; everyone else sees every leader's
scorecard."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.tasks.models import Task
from kehoach.domain.assessment.rules import Rating

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"
HOME = reverse("organisations:leader-home")


def cuong() -> Leader:
    return Leader.objects.get(name="Hoàng Minh Cường")


def portfolio(client, leader: Leader) -> str:
    response = client.get(reverse("organisations:leader", args=[leader.pk]), {"as_of": AS_OF})
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str, table: str) -> list[tuple[int, str]]:
    """(task number, status) of the rows of a table, in order."""
    start = html.index(f'id="{table}"')
    body = html[start:html.index("</table>", start)]
    return [(int(n), s) for n, s in re.findall(r'<tr data-task="(\d+)" data-status="(\w+)"', body)]


def test_a_leader_goes_to_their_own_portfolio(people, login):
    response = login(people["leader"]).get(HOME, {"as_of": AS_OF})
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:leader", args=[cuong().pk]) + f"?as_of={AS_OF}"


def test_the_leader_sees_their_overdue_tasks_first(people, login):
    html = portfolio(login(people["leader"]), cuong())
    assert "Hoàng Minh Cường" in html and "25 nhiệm vụ" in html
    overdue = html[html.index('id="overdue"'):html.index("</ul>", html.index('id="overdue"'))]
    assert re.findall(r'data-task="(\d+)"', overdue) == ["80", "14", "16"]  # the latest first
    assert "Quá hạn 128 ngày (hạn 31/03/2025), chưa có báo cáo tiến độ." in overdue
    tasks = rows(html, "tasks")
    assert len(tasks) == 25
    assert tasks[:3] == [(80, "qua_han_chua_bao_cao"), (14, "qua_han_chua_bao_cao"), (16, "qua_han_chua_bao_cao")]
    # then, in the order of PRIORITY: the continuing tasks ("Năm 2025 và các năm tiếp theo") under way and
    # never reported, the one waiting for its event, the ones not due yet
    statuses = [status for _, status in tasks[3:]]
    assert statuses == sorted(statuses, key=["chua_bao_cao", "cho_dieu_kien", "chua_den_han"].index)
    assert (35, "chua_bao_cao") in tasks and (55, "cho_dieu_kien") in tasks


def test_the_portfolio_shows_the_lead_agencies_and_their_indicators_worst_first(people, login):
    html = portfolio(login(people["leader"]), cuong())
    agencies = html[html.index('id="agencies"'):html.index("</table>", html.index('id="agencies"'))]
    assert "Sở Công Thương" in agencies and "Sở Văn hóa, Thể thao và Du lịch" in agencies
    indicators = html[html.index('id="indicators"'):html.index("</table>", html.index('id="indicators"'))]
    ratings = [Rating(r) for r in re.findall(r'data-rating="(\w+)"', indicators)]
    # worst first: FDI at risk on its quarter I figure (the latest comparable one), then the two chậm, then đạt
    assert [r.severity for r in ratings] == sorted((r.severity for r in ratings), reverse=True)
    assert ratings[:3] == [Rating.NGUY_CO, Rating.CHAM, Rating.CHAM]
    assert indicators.index("Chỉ số sản xuất công nghiệp (IIP)") < indicators.index("Kim ngạch xuất khẩu")
    assert "115,01" in indicators and "Chậm" in indicators


def test_others_see_every_leader_with_their_scorecard(people, login):
    html = login(people["finance"]).get(HOME, {"as_of": AS_OF}).content.decode()
    table = html[html.index('id="leaders"'):html.index("</table>", html.index('id="leaders"'))]
    leaders = re.findall(r'<tr data-leader="(\d+)"', table)
    quan = Leader.objects.get(name="Lê Anh Quân")
    # 3 overdue each (Lê Anh Quân's task 2, monthly, is about August now, no longer "quá hạn" for
    # January), then the most due soon, the most tasks
    assert leaders[:2] == [str(cuong().pk), str(quan.pk)]
    row = table[table.index(f'data-leader="{cuong().pk}"'):]
    row = row[:row.index("</tr>")]
    assert '<td class="num">25</td>' in row and '<td class="num" data-status="qua_han_chua_bao_cao"><strong>3</strong>' in row
    assert "Phó Chủ tịch Ủy ban nhân dân thành phố" in row


def test_a_leader_may_still_see_the_list(people, login):
    response = login(people["leader"]).get(HOME, {"as_of": AS_OF, "all": "1"})
    assert response.status_code == 200 and 'id="leaders"' in response.content.decode()


def test_an_officer_may_read_a_portfolio(people, login):
    assert "Nhiệm vụ quá hạn" in portfolio(login(people["officer_a"]), cuong())


def test_who_may_not(client, people, login):
    url = reverse("organisations:leader", args=[cuong().pk])
    for address in (HOME, url):
        response = client.get(address)
        assert response.status_code == 302 and reverse("login") in response["Location"]
        assert login(people["nobody"]).get(address).status_code == 403
        client.logout()
    assert login(people["finance"]).get(reverse("organisations:leader", args=[999999])).status_code == 404


def test_the_pages_cost_the_same_queries_whatever_the_number_of_tasks(people, login, django_assert_max_num_queries):
    client = login(people["leader"])
    portfolio(client, cuong())
    with CaptureQueriesContext(connection) as before:
        portfolio(client, cuong())
    with CaptureQueriesContext(connection) as before_list:
        client.get(HOME, {"as_of": AS_OF, "all": "1"})
    template = Task.objects.get(document__number="86/KH-UBND", number=14)
    agencies = list(Agency.objects.all()[:4])
    for number in range(600, 640):
        task = Task.objects.create(document=template.document, number=number, group=template.group,
                                   content=f"Nhiệm vụ thêm {number}", deadline_text="Tháng 5/2025",
                                   due=date(2025, 5, 31), leader=cuong())
        task.lead.set(agencies)
    with django_assert_max_num_queries(len(before)):
        html = portfolio(client, cuong())
    assert len(rows(html, "tasks")) == 65
    with django_assert_max_num_queries(len(before_list)):
        client.get(HOME, {"as_of": AS_OF, "all": "1"})
