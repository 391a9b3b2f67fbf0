"""A task's page shows its agency and leader cells as the document writes them, and what they were
understood as; the store keeps both (the text as written and the canonical agencies)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db

PLAN = Path(__file__).resolve().parents[2] / "domain" / "importer" / "fixtures" / "cells-as-written-plan.txt"


@pytest.fixture
def imported(people, login):
    call_command("import", str(PLAN), stdout=StringIO())
    return login(people["leader"])


def task(number: int) -> Task:
    return Task.objects.get(document__number="12/KH-UBND", number=number)


def page(client, number: int) -> str:
    response = client.get(reverse("tasks:detail", args=[task(number).pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_store_keeps_the_cell_as_written_next_to_the_agencies(imported):
    stored = task(1)
    assert stored.support_text == "Sở Tài chính Sở Công Thương; UBND các phường, xã"
    assert [a.name for a in stored.support.order_by("name")] == ["Sở Công Thương", "Sở Tài chính",
                                                               "UBND các phường, xã"]
    assert task(2).lead_text == "Bộ, ngành"
    assert task(2).support_text == "Các sở, ban, ngành, đơn vị, đơn vị liên quan"
    seed = Task.objects.get(document__number="86/KH-UBND", number=1)
    assert seed.lead_text and seed.lead.exists()


def test_the_page_shows_the_cell_as_written_and_what_it_was_understood_as(imported):
    html = page(imported, 1)
    support = html[html.index('id="task-support"'):]
    support = support[:support.index("</dd>")]
    assert "<q>Sở Tài chính Sở Công Thương; UBND các phường, xã</q>" in support
    assert "Được hiểu là" in support and "Sở Công Thương" in support


def test_a_cell_read_as_written_is_shown_once(imported):
    lead = page(imported, 1)
    lead = lead[lead.index('id="task-lead"'):]
    lead = lead[:lead.index("</dd>")]
    assert "<q>Sở Khoa học và Công nghệ</q>" in lead and "Được hiểu là" not in lead
