"""Viewing the key projects: the list grouped as the document groups them (khánh thành, khởi công,
chuyển tiếp; ngân sách, ngoài ngân sách) with value, responsible agency, the year's capital plan,
disbursed, rate and whether behind plan; one project's page with approvals, milestones, capital
plan, disbursements by period, a chart and the assessment's reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


def listing(client, **params):
    return client.get(reverse("projects:list"), {"as_of": AS_OF, **params})


def numbers(response) -> list[int]:
    return [row.project.number for row in response.context["table"].data]


def row_of(html: str, project: Project) -> str:
    """The list's table row of the project."""
    row = html[html.index(f'data-project="{project.pk}"'):]
    return row[:row.index("</tr>")]


def detail(client, project, as_of: str = AS_OF):
    return client.get(reverse("projects:detail", args=[project.pk]), {"as_of": as_of})


@pytest.fixture
def monitored(people) -> Project:
    """Project 1 with a 2025 capital plan, three disbursements (one reported after 6/8) and two milestones."""
    project = Project.objects.get(number=1)
    project.agency = Agency.objects.get(name="Sở Xây dựng")
    project.save()
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("500000"),
                               source="Quyết định 123/QĐ-UBND", schedule={"2025-Q2": "0.4", "2025": "1"})
    Disbursement.objects.create(project=project, period="2025-Q1", amount_million_vnd=Decimal("50000"))
    Disbursement.objects.create(project=project, period="2025-04", amount_million_vnd=Decimal("30000.5"))
    Disbursement.objects.create(project=project, period="2025-07", amount_million_vnd=Decimal("20000"),
                                reported_on=date(2025, 8, 20))
    ProjectMilestone.objects.create(project=project, kind="khanh_thanh", planned=date(2025, 6, 30))
    ProjectMilestone.objects.create(project=project, kind="khoi_cong", planned=date(2023, 1, 30),
                                    actual=date(2023, 3, 1))
    return project


def test_the_24_projects_come_in_their_3_groups_and_by_funding(people, login):
    response = listing(login(people["leader"]))

    assert response.status_code == 200
    assert numbers(response) == list(range(1, 25))
    html = response.content.decode()
    headings = [(level, text) for row in response.context["table"].data for level, text in row.headings]
    assert [text for level, text in headings if level == 1] == [
        "Dự án khánh thành năm 2025", "Dự án khởi công năm 2025",
        "Dự án đang triển khai và chuyển tiếp từ năm 2024 sang năm 2025"]
    assert [text for level, text in headings if level == 2] == [
        "Dự án sử dụng ngân sách thành phố", "Dự án sử dụng vốn ngoài ngân sách",
        "Dự án sử dụng ngân sách thành phố", "Dự án ngoài ngân sách",
        "Dự án sử dụng vốn ngân sách", "Dự án sử dụng vốn ngoài ngân sách"]
    for _level, text in headings:
        assert text in html
    assert "2.513.243" in row_of(html, Project.objects.get(number=1))  # million VND, vi-VN
    six = row_of(html, Project.objects.get(number=6))
    assert "47.122.000" in six and "2.051 triệu USD" in six
    assert "24 dự án" in html and "Dự án trọng điểm" in html


def test_each_row_shows_the_years_plan_disbursed_rate_and_behind(monitored, people, login):
    response = listing(login(people["finance"]))

    row = next(r for r in response.context["table"].data if r.project == monitored)
    assert (row.assessment.plan, row.assessment.disbursed, row.assessment.behind) == (
        Decimal("500000"), Decimal("80000.5"), True)
    html = response.content.decode()
    line = row_of(html, monitored)
    assert 'data-behind="yes"' in line and "Sở Xây dựng" in line
    assert "500.000" in line and "80.000,5" in line and "16,0%" in line and "Chậm tiến độ" in line
    assert "1 dự án chậm tiến độ" in html


def test_filter_by_group_funding_agency_and_behind(monitored, people, login):
    client = login(people["leader"])

    assert numbers(listing(client, group="khoi_cong")) == list(range(11, 19))
    assert numbers(listing(client, group="khoi_cong", funding="ngan_sach")) == [11, 12, 13]
    assert numbers(listing(client, agency=monitored.agency.pk)) == [1]
    assert numbers(listing(client, behind="yes")) == [1]
    assert numbers(listing(client, behind="no")) == list(range(2, 25))


def test_the_project_page_shows_approvals_milestones_capital_plan_disbursements_and_reason(monitored, people,
                                                                                          login):
    response = detail(login(people["leader"]), monitored)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nghị quyết số 21/NQ-HĐND ngày 12/8/2021" in html  # approvals as written
    assert response.context["a"].behind
    reason = response.context["a"].reason
    assert reason.startswith("Giải ngân 80.001 triệu đồng, đạt 16,0% kế hoạch vốn năm 2025") and reason in html
    milestones = html[html.index('id="milestones"'):html.index('id="h-capital"')]
    late = milestones[milestones.index('data-late="yes"'):]
    assert "Khánh thành" in late[:late.index("</tr>")] and "30/06/2025" in late and "Chậm" in late
    assert "Hoàn thành chậm" in milestones  # khởi công reached after its planned date
    disbursements = html[html.index('id="disbursements"'):]
    assert "Quý I/2025" in disbursements and "Tháng 4/2025" in disbursements
    assert "80.000,5" in disbursements and "16,0%" in disbursements
    assert "Tháng 7/2025" not in disbursements  # reported on 20/08, after the as-of date
    assert "1 khoản giải ngân báo cáo sau ngày đánh giá chưa được tính." in html
    plans = html[html.index('id="capital-plans"'):]
    assert "Quý II/2025: 40%" in plans and "Năm 2025: 100%" in plans and "Quyết định 123/QĐ-UBND" in plans
    chart = response.context["chart"]
    assert chart.startswith("<svg") and "<title>" in chart and "Giải ngân lũy kế" in html
    assert "Mức cần đạt đến nay: <strong>40,0%</strong>" in html


def test_a_later_as_of_date_counts_the_later_disbursement(monitored, people, login):
    response = detail(login(people["leader"]), monitored, as_of="2025-08-31")

    assert response.context["a"].disbursed == Decimal("100000.5")
    assert "Tháng 7/2025" in response.content.decode()


def test_a_project_without_a_plan_says_so(people, login):
    response = detail(login(people["officer_a"]), Project.objects.get(number=2))

    html = response.content.decode()
    assert response.status_code == 200
    assert "chưa có kế hoạch vốn năm 2025" in html and "Chưa nhập kế hoạch vốn." in html
    assert response.context["chart"] == ""


def test_the_pages_cost_the_same_number_of_queries_whatever_the_data(monitored, people, login,
                                                                       django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(people["leader"])
    with CaptureQueriesContext(connection) as list_baseline:
        listing(client)
    with CaptureQueriesContext(connection) as page_baseline:
        detail(client, monitored)
    for project in Project.objects.exclude(pk=monitored.pk):
        CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal(1000))
        for month in range(1, 7):
            Disbursement.objects.create(project=project, period=f"2025-{month:02d}", amount_million_vnd=Decimal(10))
        ProjectMilestone.objects.create(project=project, kind="khoi_cong", planned=date(2025, 3, 1))
    for month in range(8, 12):
        Disbursement.objects.create(project=monitored, period=f"2025-{month:02d}", amount_million_vnd=Decimal(1),
                                    reported_on=date(2025, 8, 1))
    ProjectMilestone.objects.create(project=monitored, kind="other", name="Thông xe", planned=date(2025, 5, 1))

    with django_assert_max_num_queries(len(list_baseline.captured_queries)):
        assert listing(client).status_code == 200
    with django_assert_max_num_queries(len(page_baseline.captured_queries)):
        assert detail(client, monitored).status_code == 200


def test_the_menu_shows_key_projects(people, login):
    html = listing(login(people["officer_b"])).content.decode()

    assert f'<a href="{reverse("projects:list")}" aria-current="page">Dự án trọng điểm</a>' in html


def test_anonymous_users_are_sent_to_the_login_page(demo_plan, client):
    project = Project.objects.first()
    for response in (listing(client), detail(client, project)):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signed_in_user_without_a_role_is_refused(people, login):
    client = login(people["nobody"])

    assert listing(client).status_code == 403
    assert detail(client, Project.objects.first()).status_code == 403


def test_an_unknown_project_is_not_found(people, login):
    assert login(people["leader"]).get(reverse("projects:detail", args=[999999])).status_code == 404
