"""POST /api/v1/figures/bulk: an agency's figures for a period, recorded all or nothing through the
workspace and ``figures.services.record_figure``; idempotent; ``dry_run`` says what would change
and changes nothing; every error names the item and the field; only the agency's own officers,
only the indicators it monitors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.apps.figures.models import ActualFigure
from tests.apps.conftest import history_rows
from tests.apps.workspace.workspace_support import VAN_HOA, agency

pytestmark = pytest.mark.django_db

SOURCE = "Chi cục Thống kê"
# The sample CSV's IIP of March 2025, exactly as published (approved by the demo's import).
IIP_MARCH = {"indicator": "iip", "value": "14,93", "unit": "%", "comparison": "tăng so với cùng kỳ năm trước",
             "scope": "HP cũ", "published": "2025-04-10",
             "source": "https://vietnambiz.vn/quy-i2025-hai-phong-tang-truong-grdp-cao-thu-6-ca-nuoc-thu-ngan-sach-"
                       "gan-50000-ty-dong-20254101053355.htm"}


def exports(value="1.234,5", **more) -> dict:
    return {"indicator": "exports", "value": value, "scope": "HP cũ", "source": SOURCE, "published": "2025-08-06",
            **more}


def bulk(client, period, figures, dry_run=False, target=None):
    body = {"agency": (target or agency()).pk, "period": period, "dry_run": dry_run, "figures": figures}
    return client.post("figures/bulk", body, as_of="2025-08-06")


def state():
    return (sorted(ActualFigure.objects.values_list("pk", "version", "is_current", "review_status", "text")), history_rows())


def test_an_officer_records_the_agencys_figures_as_drafts(api_as, people):
    response = bulk(api_as("officer_a"), "2025-07", [exports(qualifier="ước")])

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["revised"], body["unchanged"], body["dry_run"]) == (1, 0, 0, False)
    item = body["items"][0]
    assert (item["item"], item["indicator"], item["period"], item["action"], item["old"]) == \
        (0, "exports", "2025-07", "created", None)
    figure = ActualFigure.objects.get(pk=item["new"]["id"])
    assert figure.review_status == "draft" and figure.low == Decimal("1234.5") and figure.text == "1.234,5"
    assert figure.qualifier == "ước" and figure.entered_by == people["officer_a"] and figure.reporting_agency == agency()


def test_the_same_payload_twice_changes_nothing(api_as):
    client = api_as("officer_a")
    figures = [exports(), exports("56,7", scope="HP mới")]
    assert bulk(client, "2025-07", figures).json()["created"] == 2
    before = state()

    again = bulk(client, "2025-07", figures).json()

    assert (again["created"], again["revised"], again["updated"], again["unchanged"]) == (0, 0, 0, 2)
    assert state() == before


def test_a_published_figure_sent_as_published_is_unchanged_and_a_new_value_is_a_new_version(api_as):
    client = api_as("officer_a")
    old = ActualFigure.objects.get(indicator__key="iip", period="2025-03", is_current=True)

    same = bulk(client, "2025-03", [IIP_MARCH]).json()
    assert same["unchanged"] == 1 and same["items"][0]["new"]["id"] == old.pk

    revised = bulk(client, "2025-03", [{**IIP_MARCH, "value": "15,2"}]).json()

    item = revised["items"][0]
    assert revised["revised"] == 1 and item["action"] == "revised"
    assert (item["old"]["id"], item["old"]["text"], item["new"]["text"]) == (old.pk, "14,93", "15,2")
    assert item["new"]["version"] == old.version + 1 and Decimal(item["new"]["low"]) == Decimal("115.2")
    old.refresh_from_db()
    assert not old.is_current and old.text == "14,93" and old.review_status == "approved"  # kept, never overwritten


def test_dry_run_says_what_would_change_and_changes_nothing(api_as):
    client = api_as("officer_a")
    before = state()

    response = bulk(client, "2025-03", [{**IIP_MARCH, "value": "15,2"}, exports("9,1")], dry_run=True)

    body = response.json()
    assert response.status_code == 200 and body["dry_run"] is True
    assert [(i["action"], i["old"] and i["old"]["text"], i["new"]["text"]) for i in body["items"]] == \
        [("revised", "14,93", "15,2"), ("created", None, "9,1")]
    assert state() == before


def test_one_bad_item_stores_nothing_and_the_error_names_the_item_and_the_field(api_as):
    client = api_as("officer_a")
    before = state()

    response = bulk(client, "2025-07", [exports(), exports("mười hai", scope="HP mới"), exports(qualifier="chừng")])

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {(e["item"], e["field"]) for e in errors} == {(1, "value"), (2, "qualifier")}
    assert "mười hai" in next(e["message"] for e in errors if e["item"] == 1)
    assert state() == before


def test_a_bad_period_is_refused_naming_the_field(api_as):
    response = bulk(api_as("officer_a"), "tháng 7", [exports()])

    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "period"


def test_a_json_number_is_read_as_the_same_value(api_as):
    body = bulk(api_as("officer_a"), "2025-07", [exports(1234.5)]).json()

    assert Decimal(body["items"][0]["new"]["low"]) == Decimal("1234.5")


def test_an_indicator_the_agency_does_not_monitor_is_refused(api_as):
    client = api_as("officer_a")
    before = state()

    response = bulk(client, "2025-07", [exports(), {**exports(), "indicator": "tourists"}])

    assert response.status_code == 400
    assert [(e["item"], e["field"]) for e in response.json()["errors"]] == [(1, "indicator")]
    assert state() == before


def test_an_officer_of_another_agency_gets_403_and_nothing_changes(api_as):
    client = api_as("officer_b")
    before = state()

    response = bulk(client, "2025-07", [exports()])  # Sở VHTTDL posting for Sở Công Thương

    assert response.status_code == 403
    assert state() == before


@pytest.mark.parametrize("role", ["finance", "leader", "nobody"])
def test_those_who_do_not_report_for_the_agency_get_403(api_as, role):
    client = api_as(role)
    before = state()

    assert bulk(client, "2025-07", [exports()]).status_code == 403
    assert state() == before


def test_anonymous_gets_401(api_as):
    assert bulk(api_as(None), "2025-07", [exports()]).status_code == 401


def test_the_other_agency_records_its_own(api_as):
    response = bulk(api_as("officer_b"), "2025-07", [{"indicator": "tourists", "value": "1,2", "unit": "triệu lượt",
                                                      "scope": "HP cũ"}], target=agency(VAN_HOA))

    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1


def test_a_new_explanation_of_the_agencys_own_draft_updates_it_in_place(api_as):
    client = api_as("officer_a")
    first = bulk(client, "2025-07", [exports()]).json()["items"][0]["new"]

    again = bulk(client, "2025-07", [exports(cause="Đơn hàng giảm")]).json()

    item = again["items"][0]
    assert (again["updated"], item["action"], item["new"]["id"], item["new"]["version"]) == \
        (1, "updated", first["id"], 1)
    assert ActualFigure.objects.get(pk=first["id"]).cause == "Đơn hàng giảm"
