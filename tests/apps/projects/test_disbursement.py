"""Disbursement (giải ngân) against the year's capital plan: amounts per period, cumulative, rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kehoach.apps.projects.models import CapitalPlan, Disbursement
from kehoach.apps.projects.services import (
    assess,
    capital_plan_to_domain,
    cumulative,
    disbursement_to_domain,
    projects_behind,
)
from kehoach.domain.assessment.model import CapitalPlan as DomainPlan
from kehoach.domain.assessment.model import Disbursement as DomainDisbursement

pytestmark = pytest.mark.django_db


def disburse(project, period, amount, reported_on=None) -> Disbursement:
    row = Disbursement(project=project, period=period, amount_million_vnd=Decimal(amount), reported_on=reported_on)
    row.full_clean()
    row.save()
    return row


def test_amounts_are_stored_per_period_and_summed_into_the_cumulative(project):
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("1200"), source="Vốn NSTP")
    disburse(project, "2025-01", "100")
    disburse(project, "2025-02", "150")
    disburse(project, "2025-03", "50")

    rows = cumulative(project, 2025)
    assert [(r.period, r.end, r.amount, r.cumulative) for r in rows] == [
        ("2025-01", date(2025, 1, 31), Decimal("100"), Decimal("100")),
        ("2025-02", date(2025, 2, 28), Decimal("150"), Decimal("250")),
        ("2025-03", date(2025, 3, 31), Decimal("50"), Decimal("300")),
    ]
    assessment = assess(project, date(2025, 3, 31))
    assert (assessment.disbursed, assessment.rate) == (Decimal("300"), Decimal("0.25"))
    assert not assessment.behind  # 25% against 3/12 planned


def test_a_project_below_the_planned_share_is_behind(project):
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("1200"))
    disburse(project, "2025-Q1", "300")

    assessment = assess(project, date(2025, 7, 1))  # 6 months elapsed: 50% planned, 25% disbursed
    assert assessment.behind and assessment.planned_share == Decimal("0.5")
    assert "thấp hơn mức cần đạt 50,0%" in assessment.reason
    assert projects_behind(date(2025, 7, 1)) == [project]
    assert projects_behind(date(2025, 4, 1)) == []


def test_a_schedule_replaces_the_linear_share(project):
    plan = CapitalPlan(project=project, year=2025, amount_million_vnd=Decimal("1000"),
                       schedule={"2025-H1": "0.2", "2025": "1"})
    plan.full_clean()
    plan.save()
    disburse(project, "2025-H1", "250")

    assert capital_plan_to_domain(plan) == DomainPlan(
        project=project.pk, year=2025, amount=Decimal("1000"),
        schedule=(("2025", Decimal("1")), ("2025-H1", Decimal("0.2"))),
    )
    assert not assess(project, date(2025, 7, 1)).behind

    for bad in ({"2025-X": "0.2"}, {"2025-H1": "1.5"}, ["2025-H1"]):
        with pytest.raises(ValidationError):
            CapitalPlan(project=project, year=2026, amount_million_vnd=Decimal("1"), schedule=bad).full_clean()


def test_the_period_is_normalised_and_its_end_is_the_date(project):
    row = disburse(project, "2025-q2", "80", reported_on=date(2025, 7, 3))
    assert (row.period, row.on) == ("2025-Q2", date(2025, 6, 30))
    assert disbursement_to_domain(row) == DomainDisbursement(project=project.pk, period="2025-Q2",
                                                             amount=Decimal("80"), reported_on=date(2025, 7, 3))
    # Reported on 3 July: not known as of 1 July.
    assert cumulative(project, 2025, as_of=date(2025, 7, 1)) == []
    assert assess(project, date(2025, 7, 1)).disbursed == 0
    assert assess(project, date(2025, 7, 3)).disbursed == Decimal("80")


@pytest.mark.parametrize("period", ["2025-Q1", "2025-H1", "2025", "2025-YTD-02", "2025-02-10/2025-02-20"])
def test_overlapping_periods_are_refused(project, period):
    disburse(project, "2025-02", "150")
    with pytest.raises(ValidationError) as exc:
        disburse(project, period, "10")
    assert "period" in exc.value.message_dict


@pytest.mark.parametrize(("period", "amount"), [("2025-13", "1"), ("2024-12-01/2025-01-31", "1"), ("2025-04", "-5")])
def test_bad_periods_and_amounts_are_refused(project, period, amount):
    with pytest.raises(ValidationError):
        disburse(project, period, amount)


def test_one_capital_plan_per_project_and_year(project):
    CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        CapitalPlan.objects.create(project=project, year=2025, amount_million_vnd=Decimal("2"))
