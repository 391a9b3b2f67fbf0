"""Revising a figure: an estimate (ước) replaced by the official figure is a new version; the old one stays."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from tests.apps.figures.conftest import import_actuals, write_csv

pytestmark = pytest.mark.django_db

SCOPE = "Hải Phòng (trước 01/07/2025)"


def test_a_revision_is_a_new_version_and_the_old_one_is_kept(investment, clerk, approver):
    estimate = services.record_figure(
        investment, "2025-Q1", SCOPE, low=Decimal("45390.7"), high=Decimal("45390.7"), text="45.390,7",
        qualifier="ước", source="Báo cáo ước tính", published=date(2025, 4, 3), status="approved",
        entered_by=approver,
    ).figure

    revised = services.record_figure(
        investment, "2025-Q1", SCOPE, low=Decimal("45512.3"), high=Decimal("45512.3"), text="45.512,3",
        source="Chi cục Thống kê, báo cáo số 45/BC-CTK ngày 20/5/2025", published=date(2025, 5, 20), entered_by=clerk,
    )

    assert revised.action == services.REVISED and revised.previous.pk == estimate.pk
    new = revised.figure
    assert (new.version, new.is_current, new.review_status) == (2, True, "draft")
    estimate.refresh_from_db()
    assert (estimate.version, estimate.is_current, estimate.review_status) == (1, False, "approved")
    assert (estimate.low, estimate.qualifier, estimate.text) == (Decimal("45390.7"), "ước", "45.390,7")
    assert ActualFigure.objects.filter(indicator=investment, period="2025-Q1", scope=SCOPE).count() == 2
    # The history shows the estimate as current, then replaced; its value never changed.
    states = list(estimate.history.order_by("history_id").values_list("is_current", "low"))
    assert states == [(True, Decimal("45390.7")), (False, Decimal("45390.7"))]
    domain = [services.to_domain(f) for f in ActualFigure.objects.filter(indicator=investment)]
    assert sorted((f.version, f.status) for f in domain) == [(1, "approved"), (2, "draft")]


def test_each_revision_takes_the_next_version(investment):
    for n, value in enumerate(["1", "2", "3"], start=1):
        figure = services.record_figure(investment, "2025-03", SCOPE, low=Decimal(value), high=Decimal(value)).figure
        assert figure.version == n

    assert list(ActualFigure.objects.filter(is_current=True).values_list("version", flat=True)) == [3]


def test_a_changed_qualifier_or_source_is_a_revision_too(investment):
    services.record_figure(investment, "2025-Q1", SCOPE, low=Decimal(1), high=Decimal(1), qualifier="ước")

    assert services.record_figure(investment, "2025-Q1", SCOPE, low=Decimal(1), high=Decimal(1)).action == "revised"
    assert services.record_figure(
        investment, "2025-Q1", SCOPE, low=Decimal(1), high=Decimal(1), source="official"
    ).action == "revised"


def test_reimporting_a_changed_file_revises_only_the_changed_figures(sample_documents, tmp_path):
    first = write_csv(
        tmp_path / "estimate.csv",
        "Tổng vốn đầu tư toàn xã hội,2025-Q1,\"45.390,7\",ước,tỷ đồng,,HP cũ,Báo cáo nhanh,2025-04-03",
        "Thu ngân sách nhà nước trên địa bàn,2025-Q1,\"47.873,44\",,tỷ đồng,,HP cũ,Sở Tài chính,2025-04-03",
    )
    import_actuals(str(first))
    official = write_csv(
        tmp_path / "official.csv",
        "Tổng vốn đầu tư toàn xã hội,2025-Q1,\"45.512,3\",,tỷ đồng,,HP cũ,Chi cục Thống kê,2025-05-20",
        "Thu ngân sách nhà nước trên địa bàn,2025-Q1,\"47.873,44\",,tỷ đồng,,HP cũ,Sở Tài chính,2025-04-03",
    )

    out, _ = import_actuals(str(official))

    assert "0 new, 1 revised (new version), 1 unchanged" in out
    versions = ActualFigure.objects.filter(indicator__key="investment").order_by("version")
    assert [(f.version, f.is_current, f.low, f.qualifier) for f in versions] == [
        (1, False, Decimal("45390.7"), "ước"),
        (2, True, Decimal("45512.3"), ""),
    ]
    assert ActualFigure.objects.get(indicator__key="budget_revenue").version == 1
