"""Đơn vị: an officer goes straight to their agency's workspace; Sở Tài chính, leaders and
administrators see every agency with its on-time reporting rate and what is pending."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kehoach.apps.obligations.models import ReportingObligation, Submission
from tests.apps.workspace.workspace_support import CONG_THUONG, VAN_HOA, Q, agency

pytestmark = pytest.mark.django_db
HOME = reverse("workspace:home")


def test_an_officer_goes_to_their_agency(people, login):
    response = login(people["officer_a"]).get(HOME + Q)

    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:agency", args=[agency().pk]) + Q


def test_finance_sees_every_agency_with_its_reporting_record(people, login, django_assert_max_num_queries):
    obligation = ReportingObligation.objects.get(agency=agency(), kind="figures")  # monthly since 1/1/2025
    Submission.objects.create(agency=obligation.agency, kind="figures", period="2025-06",
                              submitted_at="2025-06-10T09:00:00+07:00")  # on time (due 18/06)
    client = login(people["finance"])

    # a fixed number whatever the plan's size: the assessment reads each table once (one query per
    # table and join table, the territories and plans in force included), the page its own few
    with django_assert_max_num_queries(45):
        response = client.get(HOME + Q)

    html = response.content.decode()
    assert response.status_code == 200
    assert CONG_THUONG in html and VAN_HOA in html
    assert reverse("workspace:agency", args=[agency().pk]) in html
    # It owes monthly figure and task reports: months 01 to 07 of both were due by 06/08/2025, and
    # only June's figures were submitted on time -> 1/14 = 7,1%.
    row = html[html.index(f'data-agency="{agency().pk}"'):]
    row = row[:row.index("</tr>")]
    assert "7,1%" in row and "(1/14)" in row
    assert 'aria-current="page"' in html  # the "Đơn vị" menu item is the current page


@pytest.mark.parametrize("role", ["leader", "admin"])
def test_leaders_and_administrators_see_the_list(people, login, role):
    response = login(people[role]).get(HOME + Q)

    assert response.status_code == 200
    assert CONG_THUONG in response.content.decode()


def test_a_user_without_a_role_is_refused(people, login):
    assert login(people["nobody"]).get(HOME).status_code == 403


def test_anonymous_users_sign_in_first(client, people):
    response = client.get(HOME)

    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_menu_shows_the_workspace_to_officers_and_finance_only(people, login):
    from kehoach.web.navigation import menu_for

    keys = {role: {key for key, _label, _url in menu_for(people[role])} for role in people}
    assert "workspace" in keys["officer_a"] and "workspace" in keys["finance"] and "workspace" in keys["leader"]
    assert "workspace" not in keys["nobody"]
    assert "approvals" in keys["finance"] and "approvals" not in keys["officer_a"]
