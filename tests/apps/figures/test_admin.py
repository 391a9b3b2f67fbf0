"""The admin of actual figures: Vietnamese, with history, filters, read-only versions and the workflow."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

pytestmark = pytest.mark.django_db

OLD = "Hải Phòng (trước 01/07/2025)"


@pytest.fixture
def figures(iip, investment):
    approved = services.record_figure(
        iip, "2025-01", OLD, low=Decimal("115.16"), high=Decimal("115.16"), text="15,16", unit_text="%",
        comparison="tăng so với cùng kỳ năm trước", status="approved",
    ).figure
    draft = services.record_figure(
        investment, "2025-Q1", OLD, low=Decimal("45390.7"), high=Decimal("45390.7"), text="45.390,7", qualifier="ước",
    ).figure
    return approved, draft


def test_changelist_loads_in_vietnamese(admin_client, figures):
    check_changelist(admin_client, ActualFigure)
    check_search_and_filters(admin_client, ActualFigure, "IIP")
    page = admin_client.get(admin_url(ActualFigure, "changelist")).content.decode()
    assert "Số liệu thực hiện" in page and "Trạng thái" in page and "Phiên bản" in page
    assert "Đã phê duyệt" in page and "Nháp" in page


def test_change_and_history_pages_load(admin_client, figures):
    check_object_pages(admin_client, ActualFigure)


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"review_status__exact": "approved"}, "15,16"), ({"review_status__exact": "draft"}, "45.390,7"),
     ({"scope": OLD}, "15,16")],
)
def test_filters_by_status_scope_and_indicator(admin_client, figures, params, expected):
    response = admin_client.get(admin_url(ActualFigure, "changelist"), params)
    assert response.status_code == 200
    assert expected in response.content.decode()
    by_indicator = admin_client.get(admin_url(ActualFigure, "changelist"), {"indicator__id__exact": figures[1].indicator_id})
    assert "45.390,7" in by_indicator.content.decode() and "15,16" not in by_indicator.content.decode()


def test_an_approved_figure_and_the_version_fields_are_read_only(admin_client, figures):
    approved, draft = figures

    approved_page = admin_client.get(admin_url(ActualFigure, "change", approved.pk)).content.decode()
    draft_page = admin_client.get(admin_url(ActualFigure, "change", draft.pk)).content.decode()

    for page in (approved_page, draft_page):
        assert 'name="version"' not in page and 'name="is_current"' not in page and 'name="status"' not in page
        assert 'name="low"' not in page  # values change through a new version, never in place
    assert 'name="cause"' in draft_page  # a draft's explanation is written here
    assert 'name="cause"' not in approved_page
    admin_client.post(admin_url(ActualFigure, "change", approved.pk), {"low": "1"})
    approved.refresh_from_db()
    assert approved.low == Decimal("115.16")


def test_adding_a_figure_for_a_current_key_records_a_new_version(admin_client, admin_user, figures):
    approved, _ = figures
    response = admin_client.post(
        admin_url(ActualFigure, "add"),
        {
            "indicator": approved.indicator_id, "period": "2025-01", "scope": OLD, "text": "15,2", "qualifier": "",
            "unit_text": "%", "comparison": "tăng so với cùng kỳ năm trước", "comparator": "=",
            "low": "115.2", "high": "115.2", "source": "Chi cục Thống kê", "published": "",
            "cause": "", "difficulties": "", "proposals": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    versions = ActualFigure.objects.filter(indicator=approved.indicator).order_by("version")
    assert [(f.version, f.is_current, f.low, f.review_status) for f in versions] == [
        (1, False, Decimal("115.16"), "approved"),
        (2, True, Decimal("115.2"), "draft"),
    ]
    assert versions[1].entered_by == admin_user


def test_a_bad_period_is_refused_in_vietnamese(admin_client, iip):
    response = admin_client.post(
        admin_url(ActualFigure, "add"),
        {"indicator": iip.pk, "period": "Quý I", "scope": OLD, "comparator": "=", "low": "1", "high": "1"},
    )

    assert response.status_code == 200
    assert "Không phải mã kỳ số liệu" in response.content.decode()
    assert not ActualFigure.objects.exists()


def test_the_actions_submit_and_approve(admin_client, figures, django_user_model, client):
    _, draft = figures
    url = admin_url(ActualFigure, "changelist")

    admin_client.post(url, {"action": "approve_selected", "_selected_action": [draft.pk]}, follow=True)
    draft.refresh_from_db()
    assert draft.review_status == "draft"  # not submitted yet

    admin_client.post(url, {"action": "submit_selected", "_selected_action": [draft.pk]}, follow=True)
    admin_client.post(url, {"action": "approve_selected", "_selected_action": [draft.pk]}, follow=True)
    draft.refresh_from_db()
    assert draft.review_status == "submitted"  # whoever submitted it may not approve it (maker-checker)

    client.force_login(django_user_model.objects.create_superuser("checker", "checker@example.org", "x"))
    response = client.post(url, {"action": "approve_selected", "_selected_action": [draft.pk]}, follow=True)

    draft.refresh_from_db()
    assert draft.review_status == "approved" and draft.approved_by is not None
    assert "Đã cập nhật 1 số liệu." in response.content.decode()
