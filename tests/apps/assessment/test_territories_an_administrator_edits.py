"""The compositions the assessment plans on are the territories an administrator edits (issue 12 point 2):
a commune merger entered as data ("Phường A từ 01/07/2025 = Phường B + Phường C") with the parts' targets
is judged on the summed target, and editing the composition changes the verdict, also for the
assessment kept between requests (a territory change raises the data version)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator, Target, Territory

pytestmark = pytest.mark.django_db

WHOLE, B, C = "Phường A (từ 01/07/2025)", "Phường B (trước 01/07/2025)", "Phường C (trước 01/07/2025)"
AS_OF = date(2025, 10, 15)


def target(budget, scope, amount):
    document = Target.objects.filter(indicator=budget, basis="phan_dau").first().document
    Target.objects.create(indicator=budget, year=2025, comparator="=", low=Decimal(amount), high=Decimal(amount),
                          text=f"{amount:,}".replace(",", "."), document=document, basis="phan_dau", scope=scope)


@pytest.fixture
def commune_merger(demo_plan):
    budget = Indicator.objects.get(key="budget_revenue")
    b = Territory.objects.create(name=B, place="Phường B", valid_to=date(2025, 6, 30))
    c = Territory.objects.create(name=C, place="Phường C", valid_to=date(2025, 6, 30))
    whole = Territory.objects.create(name=WHOLE, place="Phường A", valid_from=date(2025, 7, 1))
    whole.members.add(b, c)
    target(budget, B, 600)
    target(budget, C, 400)
    ActualFigure.objects.create(indicator=budget, period="2025-9M", comparator="=", low=Decimal(700),
                                high=Decimal(700), text="700", qualifier="ước", scope=WHOLE, published=date(2025, 10, 6),
                                review_status="approved", source="UBND phường A")
    return whole


def assessed():
    return next(a for a in assess_all(AS_OF).indicators if a.indicator == "budget_revenue" and a.scope == WHOLE)


def test_a_new_commune_is_judged_on_the_sum_of_its_parts_targets(commune_merger):
    a = assessed()

    assert a.comparable and a.annual_target == Decimal(1000)
    assert f"là tổng chỉ tiêu của các địa bàn hợp thành ({B}: 600 (86/KH-UBND) + {C}: 400 (86/KH-UBND))" in a.reason


def test_editing_the_composition_changes_the_verdict(commune_merger):
    before = assessed()
    commune_merger.members.remove(Territory.objects.get(name=C))

    after = assessed()

    assert before.annual_target == Decimal(1000) and after.annual_target == Decimal(600)
    assert (before.rating.value, after.rating.value) == ("cham", "dat")
    assert "bằng 70,0% chỉ tiêu năm (1.000 tỷ đồng)" in before.reason
    assert "bằng 116,7% chỉ tiêu năm (600 tỷ đồng)" in after.reason and C not in after.reason
