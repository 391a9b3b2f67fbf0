"""Sở Tài chính revises a year target on the indicator page: a new value in force, the previous one
kept (superseded) in the target history, the change attributed to the signed-in user."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kehoach.apps.indicators.models import Target

pytestmark = pytest.mark.django_db

MERGED = "Hải Phòng (từ 01/07/2025)"
REVISION = {"period": "2025", "value": "12,35", "unit": "%", "scope": "HP mới", "basis": "chỉ tiêu phấn đấu",
            "document": "Nghị quyết 45/NQ-HĐND", "issued": "15/07/2025", "set_by": "HĐND thành phố"}


def revise(client, data):
    return client.post(reverse("indicators:revise", args=["grdp"]), data, follow=True)


def test_finance_revises_and_the_previous_value_stays(people, login):
    client = login(people["finance"])
    assert 'id="revise"' in client.get(reverse("indicators:detail", args=["grdp"])).content.decode()

    response = revise(client, REVISION)
    first = Target.objects.get(indicator__key="grdp", year=2025, scope=MERGED)
    assert (first.low, first.document.number, first.document.date) == (D("12.35"), "45/NQ-HĐND", date(2025, 7, 15))
    assert first.history.first().history_user == people["finance"]
    assert "Đã lưu giá trị mới." in response.content.decode()

    revise(client, {**REVISION, "value": "12,4", "document": "Nghị quyết 50/NQ-HĐND", "issued": "01/10/2025"})
    first.refresh_from_db()
    second = Target.objects.get(indicator__key="grdp", year=2025, scope=MERGED, superseded_by__isnull=True)
    assert second.low == D("12.4") and first.superseded_by == second
    history = client.get(reverse("indicators:detail", args=["grdp"])).content.decode()
    targets = history[history.index('id="targets"'):history.index('id="h-figures"')]
    assert "12,35" in targets and "12,4" in targets


def test_a_value_that_cannot_be_read_is_refused_in_vietnamese(people, login):
    count = Target.objects.count()

    response = revise(login(people["finance"]), {**REVISION, "value": "khoảng mười hai"})

    assert Target.objects.count() == count
    assert "Giá trị: không đọc được" in response.content.decode()


def test_only_finance_revises(people, login):
    assert login(people["leader"]).post(reverse("indicators:revise", args=["grdp"]), REVISION).status_code == 403
    assert 'id="revise"' not in login(people["leader"]).get(
        reverse("indicators:detail", args=["grdp"])).content.decode()
