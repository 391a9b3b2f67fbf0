"""Submitting, approving and publishing figures through the API, as the services allow and for those the
web allows; the public sees only what /public/ shows."""

from __future__ import annotations

import pytest

from kehoach.apps.figures.models import ActualFigure
from tests.apps.workspace.workspace_support import EXPLANATION, agency, written

pytestmark = pytest.mark.django_db


def draft(client, value="110", **more) -> int:
    body = {"agency": agency().pk, "period": "2025-07", "figures": [
        {"indicator": "iip", "value": value, "scope": "HP cũ", "source": "Chi cục Thống kê", **more}]}
    response = client.post("figures/bulk", body, as_of="2025-08-06")
    assert response.status_code == 200, response.content
    return response.json()["items"][0]["new"]["id"]


def test_a_draft_goes_through_submit_approve_publish_and_reaches_the_public(api_as, people):
    officer, finance = api_as("officer_a"), api_as("finance")
    pk = draft(officer, **EXPLANATION)
    assert pk not in [f["id"] for f in api_as("officer_b").get("figures/", indicator="iip").json()["items"]]

    assert officer.post(f"figures/{pk}/submit", as_of="2025-08-06").json()["status"] == "submitted"
    assert officer.post(f"figures/{pk}/approve").status_code == 403
    assert finance.post(f"figures/{pk}/approve").json()["status"] == "approved"
    published = finance.post(f"figures/{pk}/publish")

    assert published.status_code == 200 and published.json()["public"] is True
    figure = ActualFigure.objects.get(pk=pk)
    assert figure.approved_by == people["finance"] and figure.public
    public = api_as(None).get("public/figures", indicator="iip", period="2025-07").json()["items"]
    assert [(f["indicator"], f["text"], f["version"]) for f in public] == [("iip", "110", 1)]


def test_a_figure_rated_cham_is_not_submitted_without_its_explanation(api_as):
    """IIP: 110 in July against the trajectory is "Chậm" (as on the workspace page)."""
    officer = api_as("officer_a")
    pk = draft(officer)

    refused = officer.post(f"figures/{pk}/submit", as_of="2025-08-06")

    assert refused.status_code == 400
    assert {e["field"] for e in refused.json()["errors"]} == {"cause", "difficulties", "proposals"}
    assert ActualFigure.objects.get(pk=pk).review_status == "draft"


def test_the_workflow_refuses_a_second_submission(api_as):
    officer = api_as("officer_a")
    pk = draft(officer, **EXPLANATION)
    officer.post(f"figures/{pk}/submit", as_of="2025-08-06")

    again = officer.post(f"figures/{pk}/submit", as_of="2025-08-06")

    assert again.status_code == 400 and again.json()["detail"]


def test_another_agency_neither_sees_nor_submits_a_draft(api_as):
    pk = draft(api_as("officer_a"), **EXPLANATION)
    other = api_as("officer_b")
    before = written()

    assert other.get(f"figures/{pk}").status_code == 404
    assert other.post(f"figures/{pk}/submit").status_code == 404
    assert written() == before


def test_an_approved_figure_of_another_agency_is_readable_but_not_submittable(api_as):
    approved = ActualFigure.objects.filter(indicator__key="iip", review_status="approved", is_current=True).first()
    other = api_as("officer_b")

    assert other.get(f"figures/{approved.pk}").status_code == 200
    assert other.post(f"figures/{approved.pk}/submit").status_code == 403


@pytest.mark.parametrize("role", ["officer_a", "leader", "nobody"])
def test_only_finance_approves_and_publishes(api_as, role):
    officer = api_as("officer_a")
    pk = draft(officer, **EXPLANATION)
    officer.post(f"figures/{pk}/submit", as_of="2025-08-06")
    client = api_as(role)
    before = written()

    assert client.post(f"figures/{pk}/approve").status_code == 403
    assert client.post(f"figures/{pk}/publish").status_code == 403
    assert written() == before


def test_the_public_sees_published_figures_only(api_as, people):
    from kehoach.apps.figures.services import publish

    assert api_as(None).get("public/figures").json() == {"items": [], "count": 0}  # the demo publishes none here
    approved = list(ActualFigure.objects.filter(review_status="approved", is_current=True).order_by("pk")[:3])
    for figure in approved:
        publish(figure, people["finance"])

    items = api_as(None).get("public/figures", page_size=500).json()["items"]

    assert sorted((f["indicator"], f["period"], f["scope"], f["text"]) for f in items) == \
        sorted((f.indicator.key, f.period, f.scope, f.text) for f in approved)
    assert "status" not in items[0] and "entered_by" not in items[0] and "cause" not in items[0]
