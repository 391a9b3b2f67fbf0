"""Lịch sử speaks a person's language: the fields' Vietnamese labels with Có/Không, statuses' labels,
periods and recurrences in words, vi-VN numbers without trailing zeros, indicator names (never keys,
codes, True/False or 1800,000000)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b20\d\d-(?:Q\d|H\d|9M|YTD-\d\d|\d\d)(?!\d)")


def history_page(client, record) -> str:
    html = client.get(f"/history/{record._meta.label_lower}/{record.pk}/").content.decode()
    return html.split("<main", 1)[1]


def test_a_figure_is_said_with_the_indicator_s_name_its_period_and_its_status(people, login):
    revenue = Indicator.objects.get(key="budget_revenue")
    figure = services.record_figure(revenue, "2025-07", "Hải Phòng", low=Decimal("1800"), high=Decimal("1800"),
                                    text="1.800", entered_by=people["officer_a"]).figure
    html = history_page(login(people["finance"]), figure)

    assert "Tháng 7/2025" in html and "1.800" in html and "1800,000000" not in html
    assert ">Nháp<" in html
    assert not CODE.search(html) and "budget_revenue" not in html
    assert ">False<" not in html and ">True<" not in html and ">draft<" not in html

    feed = login(people["finance"]).get("/history/?model=figures.actualfigure").content.decode()
    assert revenue.name in feed and "budget_revenue" not in feed and not CODE.search(feed.split("<main", 1)[1])


def test_a_task_s_recurrence_and_yes_no_fields_are_words(people, login):
    task = Task.objects.exclude(recurrence=None).first()
    html = history_page(login(people["finance"]), task)

    assert "{'every'" not in html and "'until'" not in html
    assert "hằng" in html or "hàng" in html or "mỗi" in html
    assert ">True<" not in html and ">False<" not in html and ("Có" in html or "Không" in html)


def test_a_figure_s_status_change_reads_as_labels(people, login):
    figure = ActualFigure.objects.filter(review_status="approved").select_related("indicator").first()
    html = history_page(login(people["finance"]), figure)
    assert ">approved<" not in html and "Đã phê duyệt" in html
