"""GET /api/v1/assessment/: the assessment as of a date, the very object `kehoach assess --json` prints."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_api_gives_what_assess_json_prints(api_as):
    out = StringIO()
    call_command("assess", "--as-of", "2025-08-06", "--json", stdout=out)

    response = api_as("officer_b").get("assessment/", as_of="2025-08-06")

    assert response.status_code == 200
    assert response.json() == json.loads(out.getvalue())


def test_grdp_is_rated_cham_in_the_sample_plan(api_as):
    body = api_as("leader").get("assessment/", as_of="2025-08-06").json()

    grdp = next(i for i in body["indicators"] if i["indicator"] == "grdp")
    assert body["as_of"] == "2025-08-06" and grdp["annual_target"] == 12.5 and grdp["rating_label"] == "Chậm"


def test_a_date_that_is_not_a_date_is_422(api_as):
    assert api_as("admin").get("assessment/", as_of="06/08/2025x").status_code == 422


def test_anonymous_401_and_no_role_403(api_as):
    assert api_as(None).get("assessment/").status_code == 401
    assert api_as("nobody").get("assessment/").status_code == 403
