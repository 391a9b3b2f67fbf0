"""Submitting a figure from the admin rates it first, as the assessment would with the figure counted:
rated chậm or worse, it needs its causes, difficulties and proposals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils.translation import override

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.domain.assessment.rules import Rating
from tests.apps.admin_pages import admin_url
from tests.apps.factories import SCOPE

pytestmark = pytest.mark.django_db

AS_OF = date(2025, 5, 10)
REFUSED = "không thể gửi duyệt khi chưa có giải trình"


@pytest.fixture
def grdp(stored_plan) -> Indicator:
    """GRDP growth of the hand-built plan: 11,05% planned for Q1, 11,8% for H1, 12,5% for the year."""
    return Indicator.objects.get(key="grdp_growth")


def q1(indicator: Indicator, growth: str, **fields) -> ActualFigure:
    value = Decimal(growth)
    return services.record_figure(indicator, "2025-Q1", SCOPE, low=value, high=value, text=growth.replace(".", ","),
                                  qualifier="ước", published=date(2025, 4, 10), **fields).figure


def explain(figure: ActualFigure) -> None:
    figure.cause, figure.difficulties, figure.proposals = "Xuất khẩu giảm", "Thiếu đơn hàng", "Hỗ trợ doanh nghiệp"
    figure.save()


def test_a_figure_below_the_trajectory_is_rated_as_the_assessment_would_once_approved(grdp, admin_user,
                                                                                      django_user_model):
    figure = q1(grdp, "10.4")  # 0,65 points below the 11,05% planned

    rating = services.rating_if_counted(figure, AS_OF)

    assert services.needs_explanation(rating)
    assert assess_all(AS_OF).indicators[0].rating == Rating.CHUA_CO_SO_LIEU  # a draft does not count yet
    explain(figure)
    checker = django_user_model.objects.create_superuser("checker", "checker@example.org", "x")  # maker-checker
    services.approve(services.submit(figure, admin_user, rating=rating), checker)
    assert {a.indicator: a.rating for a in assess_all(AS_OF).indicators}["grdp_growth"] == rating


def test_a_figure_on_the_trajectory_is_not_behind(grdp):
    assert services.rating_if_counted(q1(grdp, "11.2"), AS_OF) == Rating.DAT


def test_a_revision_is_rated_in_place_of_the_version_it_revises(grdp):
    q1(grdp, "11.2", status="approved")
    revision = q1(grdp, "10.4")

    assert revision.version == 2
    assert services.needs_explanation(services.rating_if_counted(revision, AS_OF))


def test_the_admin_refuses_a_figure_behind_without_its_explanation(admin_client, grdp):
    figure = q1(grdp, "10.4")
    url = admin_url(ActualFigure, "changelist")

    with override("vi"):
        response = admin_client.post(url, {"action": "submit_selected", "_selected_action": [figure.pk]},
                                     follow=True)

    assert REFUSED in response.content.decode()
    figure.refresh_from_db()
    assert figure.review_status == "draft"

    explain(figure)
    admin_client.post(url, {"action": "submit_selected", "_selected_action": [figure.pk]})
    figure.refresh_from_db()
    assert figure.review_status == "submitted"


def test_the_admin_submits_a_figure_on_track_without_explanation(admin_client, grdp):
    figure = q1(grdp, "11.2")

    admin_client.post(admin_url(ActualFigure, "changelist"),
                      {"action": "submit_selected", "_selected_action": [figure.pk]})

    figure.refresh_from_db()
    assert figure.review_status == "submitted"
