"""Sở Tài chính returns a submitted figure with a reason; the agency corrects it and submits it again.

Each round stays in the figure's history; a returned figure does not count, and only a user who may
approve figures may return one.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure

pytestmark = pytest.mark.django_db
REASON = "Số liệu chưa khớp báo cáo của Cục Thống kê, đề nghị kiểm tra lại."


@pytest.fixture
def submitted(investment, clerk) -> ActualFigure:
    figure = services.record_figure(
        investment, "2025-Q1", "Hải Phòng (trước 01/07/2025)", low=Decimal("45390.7"), high=Decimal("45390.7"),
        text="45.390,7", qualifier="ước", entered_by=clerk,
    ).figure
    return services.submit(figure, clerk)


def test_a_submitted_figure_is_returned_with_its_reason(submitted, approver):
    services.send_back(submitted, approver, REASON)

    submitted.refresh_from_db()
    assert submitted.review_status == "returned"
    assert (submitted.returned_by, submitted.return_reason) == (approver, REASON)
    assert submitted.returned_at is not None and submitted.approved_by is None
    assert services.to_domain(submitted).status == "returned"  # not counted by the assessment
    with override("vi"):
        assert submitted.get_review_status_display() == "Bị trả lại"


def test_the_agency_corrects_and_resubmits_and_the_history_keeps_each_round(submitted, clerk, approver):
    services.send_back(submitted, approver, REASON)
    submitted.refresh_from_db()
    submitted.cause = "Đã đối chiếu với Cục Thống kê"
    submitted.save()

    services.submit(submitted, clerk)
    services.approve(submitted, approver)

    rounds = list(submitted.history.order_by("history_date", "history_id")
                  .values_list("review_status", "return_reason"))
    assert [status for status, _reason in rounds] == ["draft", "submitted", "returned", "returned", "submitted",
                                                      "approved"]
    assert ("returned", REASON) in rounds


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_figure_is_not_returned_without_a_reason(submitted, approver, reason):
    with pytest.raises(ValidationError) as refused:
        services.send_back(submitted, approver, reason)

    assert "return_reason" in refused.value.message_dict
    submitted.refresh_from_db()
    assert submitted.review_status == "submitted"


def test_only_users_who_may_approve_may_return(submitted, clerk):
    with pytest.raises(PermissionDenied):
        services.send_back(submitted, clerk, REASON)
    submitted.refresh_from_db()
    assert submitted.review_status == "submitted"


def test_only_a_submitted_figure_is_returned(submitted, approver):
    services.approve(submitted, approver)

    with pytest.raises(services.WorkflowError):
        services.send_back(submitted, approver, REASON)
    submitted.refresh_from_db()
    assert submitted.review_status == "approved"
