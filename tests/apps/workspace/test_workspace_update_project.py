"""An officer of the agency responsible for a key project records the day a milestone was reached
and the amount disbursed in a period (Vietnamese format); the project's assessment uses them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from tests.apps.workspace.workspace_support import AS_OF, VAN_HOA, act, agency, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(people):
    project = Project.objects.order_by("pk").first()
    project.agency = agency()
    project.save()
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("10000"))
    return project


@pytest.fixture
def milestone(project):
    return ProjectMilestone.objects.create(project=project, kind=ProjectMilestone.KHOI_CONG, planned=date(2025, 5, 19))


def test_an_officer_records_a_milestone_and_a_disbursement(people, login, project, milestone):
    client = login(people["officer_a"])

    client.post(*act(agency(), {"action": "milestone", "ms-milestone": milestone.pk, "ms-actual": "2025-05-25", "ms-note": ""}))
    response = client.post(*act(agency(), {"action": "disbursement", "disb-project": project.pk, "disb-period": "2025-07",
                            "disb-amount": "1.234,5", "disb-reported_on": "2025-08-05", "disb-note": ""}), follow=True)

    milestone.refresh_from_db()
    assert milestone.actual == date(2025, 5, 25)
    row = Disbursement.objects.get(project=project)
    assert row.period == "2025-07" and row.amount_million_vnd == Decimal("1234.5")
    html = response.content.decode()
    assert "Đã ghi nhận giải ngân kỳ 2025-07" in html and "1.234" in html  # 1.234,5 rounded to millions
    assessed = next(p for p in assess_all(AS_OF).projects if p.project == project.pk)
    assert assessed.disbursed == Decimal("1234.5")


def test_a_second_entry_for_the_same_period_replaces_the_amount(people, login, project):
    client = login(people["officer_a"])
    for amount in ("100", "150,5"):
        client.post(*act(agency(), {"action": "disbursement", "disb-project": project.pk, "disb-period": "2025-07",
                     "disb-amount": amount}))

    assert list(Disbursement.objects.values_list("amount_million_vnd", flat=True)) == [Decimal("150.5")]


def test_an_amount_that_is_not_a_number_is_shown_in_the_form(people, login, project):
    response = login(people["officer_a"]).post(*act(agency(), {"action": "disbursement", "disb-project": project.pk,
                                                "disb-period": "2025-07", "disb-amount": "12,a"}))

    assert "&#x27;12,a&#x27; không phải là số" in response.content.decode()
    assert not Disbursement.objects.exists()


def test_other_agencies_cannot_update_the_project(people, login, project, milestone):
    other_project = Project.objects.exclude(pk=project.pk).order_by("pk").first()
    before = written()

    officer_b = login(people["officer_b"])
    assert officer_b.post(*act(agency(), {"action": "milestone", "ms-milestone": milestone.pk, "ms-actual": "2025-05-25"})).status_code == 403
    assert officer_b.post(*act(agency(VAN_HOA), {"action": "disbursement", "disb-project": project.pk, "disb-period": "2025-07",
                           "disb-amount": "1"})).status_code == 403
    officer_a = login(people["officer_a"])
    assert officer_a.post(*act(agency(), {"action": "disbursement", "disb-project": other_project.pk, "disb-period": "2025-07",
                           "disb-amount": "1"})).status_code == 403  # not Sở Công Thương's project
    assert written() == before
