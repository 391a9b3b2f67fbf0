"""``kehoach assess`` judges a key project's disbursement against the capital plan of the as-of
date's year, whatever plans of other years the project has."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def bridge(stored_plan) -> Project:
    """"Cầu Nguyễn Trãi" of the hand-built plan, with a capital plan for each of 2024, 2025 and 2026."""
    project = Project.objects.get(number=1)
    for year, amount in ((2024, "800"), (2025, "1200"), (2026, "3000")):
        CapitalPlan.objects.create(project=project, year=year, amount_million_vnd=Decimal(amount))
    Disbursement.objects.create(project=project, period="2024", amount_million_vnd=Decimal("800"))
    Disbursement.objects.create(project=project, period="2025-Q1", amount_million_vnd=Decimal("300"))
    return project


def assessed(project: Project, as_of: date) -> dict:
    out = StringIO()
    call_command("assess", "--as-of", as_of.isoformat(), "--json", stdout=out)
    return next(p for p in json.loads(out.getvalue())["projects"] if p["number"] == project.number)


def test_the_plan_of_the_as_of_year_is_used(bridge):
    row = assessed(bridge, date(2025, 7, 1))

    assert (row["plan"], row["disbursed"], row["rate"]) == (1200, 300, 0.25)
    assert row["behind"]  # 25% disbursed against the 50% planned by the end of June


@pytest.mark.parametrize(("as_of", "plan"), [(date(2024, 12, 31), 800), (date(2026, 3, 31), 3000)])
def test_each_year_has_its_own_plan(bridge, as_of, plan):
    assert assessed(bridge, as_of)["plan"] == plan


def test_without_a_plan_for_the_year_there_is_none(bridge):
    assert assessed(bridge, date(2027, 6, 30))["plan"] is None
    assert assess_all(date(2027, 6, 30)).projects[0].rate is None
