"""The admin of key projects' milestones, capital plans and disbursements."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

pytestmark = pytest.mark.django_db
MODELS = [ProjectMilestone, CapitalPlan, Disbursement]


@pytest.fixture
def monitored(project):
    ProjectMilestone.objects.create(project=project, kind="khanh_thanh", planned=date(2025, 9, 2))
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("1000"), source="Cầu")
    Disbursement.objects.create(project=project, period="2025-Q1", amount_million_vnd=Decimal("100"))


@pytest.mark.parametrize("model", MODELS)
def test_pages_load_in_vietnamese(admin_client, monitored, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "Cầu")
    check_object_pages(admin_client, model)


def test_the_project_page_shows_them_inline(admin_client, monitored, project):
    page = admin_client.get(admin_url(Project, "change", project.pk)).content.decode()
    for label in ["Mốc dự án", "Kế hoạch vốn", "Giải ngân"]:
        assert label in page


def test_an_overlapping_disbursement_is_refused_in_the_admin(admin_client, monitored, project):
    response = admin_client.post(admin_url(Disbursement, "add"),
                                 {"project": project.pk, "period": "2025-03", "amount_million_vnd": "5"})
    assert response.status_code == 200 and "Trùng với số giải ngân kỳ 2025-Q1" in response.content.decode()
    assert Disbursement.objects.count() == 1
