"""Submitting a figure (with its explanation when it is behind) and approving it (Sở Tài chính)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.domain.assessment.rules import Rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(investment, clerk) -> ActualFigure:
    return services.record_figure(
        investment, "2025-Q1", "Hải Phòng (trước 01/07/2025)", low=Decimal("45390.7"), high=Decimal("45390.7"),
        text="45.390,7", qualifier="ước", entered_by=clerk,
    ).figure


def explain(figure: ActualFigure, **fields: str) -> None:
    for name, value in fields.items():
        setattr(figure, name, value)
    figure.save()


def test_a_draft_is_submitted_by_its_user(draft, clerk):
    figure = services.submit(draft, clerk)

    figure.refresh_from_db()
    assert figure.review_status == "submitted"
    assert figure.submitted_by == clerk and figure.submitted_at is not None


@pytest.mark.parametrize("rating", [Rating.CHAM, Rating.NGUY_CO, "cham"])
def test_a_figure_rated_cham_or_worse_is_refused_without_its_explanation(draft, clerk, rating):
    with pytest.raises(services.ExplanationRequired) as refused:
        services.submit(draft, clerk, rating=rating)

    assert isinstance(refused.value, ValidationError)
    assert refused.value.missing == ["cause", "difficulties", "proposals"]
    with override("vi"):
        message = " ".join(refused.value.messages)
    assert "không thể gửi duyệt khi chưa có giải trình" in message
    assert "nguyên nhân" in message and "khó khăn, vướng mắc" in message
    draft.refresh_from_db()
    assert draft.review_status == "draft"


def test_a_partial_explanation_is_not_enough(draft, clerk):
    explain(draft, cause="Giải ngân vốn đầu tư công chậm", difficulties="   ")

    with pytest.raises(services.ExplanationRequired) as refused:
        services.submit(draft, clerk, rating=Rating.CHAM)

    assert refused.value.missing == ["difficulties", "proposals"]


def test_with_causes_difficulties_and_proposals_it_is_submitted(draft, clerk):
    explain(
        draft,
        cause="Giải ngân vốn đầu tư công chậm",
        difficulties="Vướng mắc giải phóng mặt bằng",
        proposals="Đề nghị UBND thành phố chỉ đạo các quận, huyện đẩy nhanh GPMB",
    )

    assert services.submit(draft, clerk, rating=Rating.NGUY_CO).review_status == "submitted"


@pytest.mark.parametrize("rating", [None, Rating.DAT, Rating.CHAM_NHE, Rating.KHONG_SO_SANH, Rating.CHUA_CO_SO_LIEU])
def test_figures_not_behind_need_no_explanation(draft, clerk, rating):
    assert services.submit(draft, clerk, rating=rating).review_status == "submitted"


def test_a_figure_is_submitted_once(draft, clerk):
    services.submit(draft, clerk)

    with pytest.raises(services.WorkflowError):
        services.submit(draft, clerk)


def test_approval_needs_a_submitted_figure(draft, approver):
    with pytest.raises(services.WorkflowError):
        services.approve(draft, approver)
    draft.refresh_from_db()
    assert draft.review_status == "draft" and draft.approved_by is None


def test_a_submitted_figure_is_approved_by_so_tai_chinh(draft, clerk, approver):
    services.submit(draft, clerk)

    figure = services.approve(draft, approver)

    figure.refresh_from_db()
    assert figure.review_status == "approved"
    assert figure.approved_by == approver and figure.approved_at is not None
    assert services.to_domain(figure).status == "approved"
    assert list(figure.history.values_list("review_status", flat=True)) == ["approved", "submitted", "draft"]


def test_an_approved_figure_is_not_approved_again(draft, clerk, approver):
    services.submit(draft, clerk)
    services.approve(draft, approver)

    with pytest.raises(services.WorkflowError):
        services.approve(draft, approver)


def test_only_users_allowed_to_approve_may_approve(draft, clerk):
    services.submit(draft, clerk)

    with pytest.raises(PermissionDenied):
        services.approve(draft, clerk)
    draft.refresh_from_db()
    assert draft.review_status == "submitted"


def test_a_replaced_version_cannot_be_submitted(draft, clerk, investment):
    services.record_figure(investment, draft.period, draft.scope, low=Decimal("45400"), high=Decimal("45400"))

    with pytest.raises(services.WorkflowError):
        services.submit(draft, clerk)
