"""The public page: published figures only, for everyone, without signing in."""

from __future__ import annotations

import pytest

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import publish

pytestmark = pytest.mark.django_db


def test_a_visitor_sees_only_published_figures(client, people):
    grdp = ActualFigure.objects.get(indicator__key="grdp", period="2025-H1", scope__contains="trước")
    publish(grdp, people["finance"])

    page = client.get("/public/").content.decode()

    assert "11,04" in page and "Tổng sản phẩm trên địa bàn" in page
    assert "Chỉ số sản xuất công nghiệp" not in page  # approved but not published


def test_a_visitor_is_sent_from_the_overview_to_the_public_page(client, db):
    response = client.get("/")

    assert response.status_code == 302 and response["Location"] == "/public/"


def test_the_public_page_shows_no_plan_menu(client, db):
    page = client.get("/public/").content.decode()

    assert "/tasks/" not in page and "/history/" not in page


def test_only_finance_may_publish(people):
    from django.core.exceptions import PermissionDenied

    figure = ActualFigure.objects.filter(review_status="approved").first()
    with pytest.raises(PermissionDenied):
        publish(figure, people["officer_a"])
    figure.refresh_from_db()
    assert figure.public is False
