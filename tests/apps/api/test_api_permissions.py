"""Who may read what through the API: exactly the web pages' rules (``kehoach.apps.accounts.roles``).
Anonymous: 401 everywhere but the public figures; signed in with no role: 403; the documents for Sở
Tài chính only; an officer never sees another agency's drafts. Also the OpenAPI document and the
documentation page, which load nothing from the internet."""

from __future__ import annotations

import pytest
from django.test import Client

from kehoach.apps.documents.models import Document
from kehoach.apps.projects.models import Project
from tests.apps.workspace.workspace_support import agency

pytestmark = pytest.mark.django_db

STAFF = ["admin", "finance", "leader", "officer_a", "officer_b"]
STAFF_PAGES = ["agencies/", "leaders/", "indicators/", "figures/", "tasks/", "projects/", "assessment/"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_every_staff_role_reads_the_plan_and_the_others_are_refused(api_as, path):
    for role in STAFF:
        assert api_as(role).get(path).status_code == 200, role
    assert api_as("nobody").get(path).status_code == 403
    assert api_as(None).get(path).status_code == 401


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("finance", 200), ("leader", 403),
                                              ("officer_a", 403), ("nobody", 403), (None, 401)])
def test_the_documents_are_for_finance_as_on_the_web(api_as, role, status):
    document = Document.objects.get(number="86/KH-UBND")

    assert api_as(role).get("documents/").status_code == status
    response = api_as(role).get(f"documents/{document.pk}")
    assert response.status_code == status
    if status == 200:
        assert response.json()["number"] == "86/KH-UBND" and response.json()["kind"]


def test_an_officer_does_not_see_another_agencys_drafts(api_as):
    officer_a = api_as("officer_a")
    body = {"agency": agency().pk, "period": "2025-07",
            "figures": [{"indicator": "exports", "value": "1,5", "scope": "HP cũ"}]}
    pk = officer_a.post("figures/bulk", body).json()["items"][0]["new"]["id"]

    assert pk in [f["id"] for f in officer_a.get("figures/", status="draft").json()["items"]]
    assert pk in [f["id"] for f in api_as("leader").get("figures/", status="draft").json()["items"]]
    assert pk not in [f["id"] for f in api_as("officer_b").get("figures/", page_size=500).json()["items"]]
    assert api_as("officer_b").get(f"figures/{pk}").status_code == 404


def test_projects_come_with_milestones_capital_plans_and_disbursements(api_as):
    project = Project.objects.filter(capital_plans__isnull=False).first() or Project.objects.first()

    body = api_as("officer_b").get(f"projects/{project.pk}").json()

    assert body["name"] == project.name and body["value_text"] == project.value_text
    assert len(body["capital_plans"]) == project.capital_plans.count()
    assert len(body["milestones"]) == project.milestones.count()


def test_agencies_and_leaders_are_listed_with_filters(api_as):
    client = api_as("officer_a")

    found = client.get("agencies/", q="Công Thương").json()["items"]
    assert [a["name"] for a in found] == ["Sở Công Thương"]
    assert client.get("leaders/", q="Hoàng Minh Cường").json()["count"] == 1


def test_the_openapi_document_lists_every_endpoint_group(demo_plan):
    document = Client().get("/api/v1/openapi.json").json()

    assert document["info"]["version"] == "1"
    paths = document["paths"]
    for path in ("/api/v1/documents/", "/api/v1/agencies/", "/api/v1/leaders/", "/api/v1/indicators/{key}/targets",
                 "/api/v1/indicators/{key}/trajectory", "/api/v1/figures/bulk", "/api/v1/public/figures",
                 "/api/v1/tasks/{task_id}/progress", "/api/v1/projects/", "/api/v1/assessment/", "/api/v1/reports/"):
        assert path in paths
    assert {"TokenAuth", "BrowserSession"} <= set(document["components"]["securitySchemes"])


def test_the_documentation_page_loads_nothing_from_the_internet(demo_plan):
    html = Client().get("/api/v1/docs").content.decode()

    assert "swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
