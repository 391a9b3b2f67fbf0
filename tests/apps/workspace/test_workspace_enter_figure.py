"""An officer enters a figure of an indicator their agency monitors (Vietnamese format, qualifier,
unit as published, scope, source, explanation), then submits it; a figure rated chậm or worse is
refused without its causes, difficulties and proposals. Only the agency's own indicators, only
by its own officers: anything else is 403 and changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from tests.apps.workspace.workspace_support import (
    EXPLANATION,
    VAN_HOA,
    act,
    agency,
    figure_post,
    written,
)

pytestmark = pytest.mark.django_db


def july(indicator: str = "iip") -> ActualFigure:
    return ActualFigure.objects.get(indicator__key=indicator, period="2025-07", is_current=True)


def test_an_officer_saves_a_draft_in_vietnamese_format(people, login):
    client = login(people["officer_a"])

    response = client.post(*act(agency(), figure_post(value="1.234,5", indicator="exports",
                                                                                 qualifier="ước")), follow=True)

    figure = july("exports")
    assert figure.review_status == "draft" and figure.low == Decimal("1234.5") and figure.qualifier == "ước"
    assert figure.reporting_agency == agency() and figure.entered_by == people["officer_a"]
    assert figure.scope == "Hải Phòng (trước 01/07/2025)" and str(figure.published) == "2025-08-06"
    html = response.content.decode()
    assert "Đã lưu nháp" in html and f'data-figure="{figure.pk}"' in html  # in the drafts, with its Submit button


def test_the_period_is_written_as_it_is_said_not_as_a_code(people, login):
    client = login(people["officer_a"])
    html = client.get(reverse("workspace:agency", args=[agency().pk])).content.decode()
    assert "Tháng 7/2025, Quý III/2025" in html and "2025-Q3" not in html

    client.post(*act(agency(), figure_post(value="1.234,5", indicator="exports", period="Tháng 7/2025")))
    assert july("exports").low == Decimal("1234.5")


def test_a_figure_rated_cham_is_refused_without_its_explanation(people, login):
    """IIP: 6 tháng 115,01 against 116,2 is "Chậm"; July's figure needs the explanation."""
    client = login(people["officer_a"])

    response = client.post(*act(agency(), figure_post(action="figure-submit")))

    html = response.content.decode()
    assert response.status_code == 200
    # the rule is said once, at the first empty explanation field; the other empty fields say they are required
    assert html.count("Số liệu được đánh giá “chậm” trở xuống không thể gửi duyệt khi chưa có giải trình") == 1
    assert html.count('<span class="error small">Bắt buộc.</span>') == 2
    assert 'class="error" role="alert"' not in html  # nothing above the form
    assert not ActualFigure.objects.filter(period="2025-07", indicator__key="iip").exists()  # nothing half-written
    assert 'value="110"' in html  # what was typed is kept

    response = client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)), follow=True)

    figure = july()
    assert figure.review_status == "submitted" and figure.submitted_by == people["officer_a"]
    assert figure.cause == EXPLANATION["cause"]
    assert "Đã gửi duyệt" in response.content.decode()


def test_a_draft_is_submitted_later_and_completed_in_place(people, login):
    client = login(people["officer_a"])
    client.post(*act(agency(), figure_post()))
    draft = july()

    refused = client.post(*act(agency(), {"action": "submit-figure", "figure": draft.pk}))

    html = refused.content.decode()
    assert refused.status_code == 200 and 'id="enter-figure"' in html
    assert 'value="110"' in html and html.count("không thể gửi duyệt khi chưa có giải trình") == 1
    assert july().review_status == "draft"

    client.post(*act(agency(), figure_post(**EXPLANATION)))  # the same value, explained
    assert july().pk == draft.pk and july().cause == EXPLANATION["cause"] and july().version == 1

    client.post(*act(agency(), {"action": "submit-figure", "figure": draft.pk}))
    assert july().review_status == "submitted"


def test_a_figure_on_track_needs_no_explanation(people, login):
    client = login(people["officer_a"])

    client.post(*act(agency(), figure_post(action="figure-submit", indicator="exports", period="2025-Q2", value="9,5")))

    assert ActualFigure.objects.get(indicator__key="exports", period="2025-Q2", is_current=True).review_status == "submitted"


def test_a_value_that_is_not_a_number_is_shown_in_the_form(people, login):
    response = login(people["officer_a"]).post(*act(agency(), figure_post(value="12,a", period="2025-13")))

    html = response.content.decode()
    assert "&#x27;12,a&#x27; không phải là số" in html
    assert "&#x27;2025-13&#x27; không phải là kỳ: hãy ghi như cách nói (Tháng 7/2025, Quý III/2025" in html
    assert "2025-Q3" not in html  # no example codes
    assert not ActualFigure.objects.filter(period__startswith="2025-1", indicator__key="iip").exists()


def test_the_officer_of_another_agency_gets_403_and_nothing_changes(people, login):
    client = login(people["officer_a"])
    client.post(*act(agency(), figure_post()))
    draft = july()
    before = written()
    other = login(people["officer_b"])

    assert other.post(*act(agency(), figure_post())).status_code == 403
    assert other.post(*act(agency(), {"action": "submit-figure", "figure": draft.pk})).status_code == 403
    # Through their own workspace: Sở Công Thương's indicator and draft are not theirs either.
    assert other.post(*act(agency(VAN_HOA), figure_post())).status_code == 403
    assert other.post(*act(agency(VAN_HOA), {"action": "submit-figure", "figure": draft.pk})).status_code == 403
    assert written() == before


@pytest.mark.parametrize("role", ["finance", "leader", "nobody"])
def test_readers_cannot_write(people, login, role):
    before = written()

    assert login(people[role]).post(*act(agency(), figure_post())).status_code == 403
    assert written() == before


def test_an_officer_cannot_enter_another_agency_s_indicator_through_their_own_workspace(people, login):
    before = written()

    response = login(people["officer_a"]).post(*act(agency(), figure_post(indicator="tourists")))

    assert response.status_code == 403 and written() == before


def test_entering_a_figure_takes_a_bounded_number_of_queries(people, login, django_assert_max_num_queries):
    client = login(people["officer_a"])

    with django_assert_max_num_queries(80):
        client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)))
    assert july().review_status == "submitted"
