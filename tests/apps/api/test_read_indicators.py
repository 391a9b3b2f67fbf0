"""Reading the plan's indicators through the API: their targets (with supersession) and trajectory."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db


def test_staff_read_the_indicator_list_paginated(api_as):
    response = api_as("officer_b").get("indicators/", page_size=5)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] > 5 and len(body["items"]) == 5
    assert {"key", "name", "unit", "monitoring_agencies"} <= set(body["items"][0])


def test_grdp_2025_target_is_12_5_percent_with_the_text_as_written(api_as):
    response = api_as("leader").get("indicators/grdp/targets", year=2025, current="true")

    assert response.status_code == 200
    targets = response.json()["items"]
    assert targets, "the sample plan sets GRDP's 2025 target"
    assert all(t["indicator"] == "grdp" and t["year"] == 2025 and t["current"] for t in targets)
    assert any(Decimal(t["low"]) == Decimal("12.5") and "12,5" in t["text"] for t in targets)


def test_superseded_targets_name_the_target_that_replaced_them(api_as):
    items = api_as("admin").get("indicators/grdp/targets", page_size=500).json()["items"]
    ids = {t["id"] for t in items}
    superseded = [t for t in items if not t["current"]]
    assert all(t["superseded_by"] in ids for t in superseded)
    assert all(t["superseded_by"] is None for t in items if t["current"])


def test_the_trajectory_gives_each_period_value_as_written_and_parsed(api_as):
    items = api_as("finance").get("indicators/grdp/trajectory", period="2025", page_size=500).json()["items"]

    assert items and all(i["period"].startswith("2025") for i in items)
    assert all(i["text"] for i in items)
    assert all(i["low"] is None or Decimal(i["low"]) for i in items)


def test_filters_by_monitoring_agency_and_search(api_as, people):
    from kehoach.apps.accounts import roles

    agency = next(iter(roles.agency_ids(people["officer_a"])))
    items = api_as("officer_a").get("indicators/", agency=agency, page_size=500).json()["items"]
    assert items and all(agency in i["monitoring_agencies"] for i in items)
    found = api_as("officer_a").get("indicators/", q="GRDP", page_size=500).json()["items"]
    everything = api_as("officer_a").get("indicators/", page_size=500).json()["items"]
    assert "grdp" in [i["key"] for i in found] and len(found) < len(everything)
    assert all("grdp" in (i["key"] + i["name"]).lower() for i in found)


def test_an_unknown_indicator_is_404(api_as):
    assert api_as("admin").get("indicators/no-such-thing").status_code == 404


def test_anonymous_gets_401_and_a_user_without_role_403(api_as):
    assert api_as(None).get("indicators/").status_code == 401
    assert api_as("nobody").get("indicators/").status_code == 403
