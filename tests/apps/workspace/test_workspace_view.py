"""An agency's workspace: what it owes for the current reporting period, as of a date: the figures
of its indicators (period, trajectory, entered or not), its tasks (overdue and sắp đến hạn
flagged), its key projects and its report deadlines. Its own officers write; Sở Tài chính and
leaders read; every other account gets 403."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from kehoach.apps.obligations.models import ReportingObligation
from kehoach.apps.projects.models import CapitalPlan, Project, ProjectMilestone
from kehoach.apps.tasks.models import Task
from tests.apps.workspace.workspace_support import CONG_THUONG, VAN_HOA, agency, task_of, url

pytestmark = pytest.mark.django_db


def test_an_officer_sees_what_their_agency_owes(people, login, django_assert_max_num_queries):
    assert ReportingObligation.objects.get(agency=agency(), kind="tasks").period_kinds == ["month"]
    client = login(people["officer_a"])

    with django_assert_max_num_queries(56):  # 45, 8 for the header's count of unread notices, 3 for the territories the assessment reads
        response = client.get(url("workspace:agency", agency()))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{CONG_THUONG}</h1>" in html
    # The figures owed on 06/08/2025: IIP for July (trajectory 117,1) and the second quarter, exports for Q2.
    iip_july = html[html.index('data-indicator="iip" data-period="2025-07"'):]
    iip_july = iip_july[:iip_july.index("</tr>")]
    assert "Tháng 7/2025" in iip_july and "117,1" in iip_july and "Chưa nhập" in iip_july
    assert 'data-indicator="exports" data-period="2025-Q2"' in html and "9,4" in html
    assert 'data-indicator="tourists"' not in html  # Sở Văn hóa's indicator
    # Task 16 (Quý II/2025) is overdue: flagged; its due date in dd/mm/yyyy.
    task = task_of(number=16)
    row = html[html.index(f'data-task="{task.pk}"'):]
    row = row[:row.index("</tr>")]
    assert 'class="flagged"' in html[html.index(f'data-task="{task.pk}"') - 40:html.index(f'data-task="{task.pk}"') + 40]
    assert "30/06/2025" in row and "Quá hạn, chưa báo cáo" in row  # nothing reported on it
    # The monthly task report of July was due on 18/07/2025 and is missing.
    report = html[html.index('data-report="tasks-2025-07"'):]
    assert "18/07/2025" in report[:report.index("</tr>")] and "Chưa gửi (quá hạn)" in report[:report.index("</tr>")]
    # Their forms are there.
    assert 'value="figure-submit"' in html and 'value="progress-submit"' in html
    assert reverse("workspace:template", args=[agency().pk]) in html


def test_the_queries_do_not_grow_with_the_agency_s_load(people, login, django_assert_max_num_queries):
    """Sở Tài chính leads 27 tasks, Sở Công Thương 23: the same number of queries."""
    client = login(people["admin"])
    client.get(url("workspace:agency", agency(CONG_THUONG)))  # the session's first save is not the page's
    counts = []
    for name in (CONG_THUONG, "Sở Tài chính"):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("workspace:agency", agency(name))).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_its_key_projects_with_milestones_and_disbursement(people, login):
    project = Project.objects.order_by("pk").first()
    project.agency = agency()
    project.save()
    ProjectMilestone.objects.create(project=project, kind=ProjectMilestone.KHOI_CONG, planned=date(2025, 5, 19))
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=1200000)

    html = login(people["officer_a"]).get(url("workspace:agency", agency())).content.decode()

    row = html[html.index(f'data-project="{project.pk}"'):]
    row = row[:row.index("</tr>")]
    assert project.name in row and "19/05/2025" in row and "1.200.000" in row
    assert 'id="enter-milestone"' in html and 'id="enter-disbursement"' in html


@pytest.mark.parametrize("role", ["finance", "leader"])
def test_finance_and_leaders_read_it_without_forms(people, login, role):
    response = login(people[role]).get(url("workspace:agency", agency()))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tháng 7/2025" in html
    assert 'value="figure-submit"' not in html and 'value="progress"' not in html
    assert "Chỉ xem" in html  # the read-only notice


def test_the_officer_of_another_agency_gets_403(people, login):
    client = login(people["officer_b"])

    assert client.get(url("workspace:agency", agency())).status_code == 403
    assert client.get(url("workspace:agency", agency(VAN_HOA))).status_code == 200


def test_a_user_without_a_role_gets_403_and_anonymous_users_sign_in(people, login, client):
    assert client.get(url("workspace:agency", agency())).status_code == 302
    assert login(people["nobody"]).get(url("workspace:agency", agency())).status_code == 403


def test_an_unknown_agency_is_404(people, login):
    assert login(people["admin"]).get(reverse("workspace:agency", args=[999999])).status_code == 404


def test_tasks_are_sorted_overdue_first(people, login):
    html = login(people["officer_a"]).get(url("workspace:agency", agency())).content.decode()

    body = html[html.index('id="agency-tasks"'):]
    first = body.index('data-task="')
    pk = int(body[first + len('data-task="'):body.index('"', first + len('data-task="'))])
    assert Task.objects.get(pk=pk).due == date(2025, 6, 30)
