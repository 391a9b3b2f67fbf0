"""An administrator's edit of a territory reaches the assessment every server process keeps (issue 12
point 2): the territory is data the assessment reads, so changing it raises the data version
(``assessment.freshness``) and the kept assessment is computed again with the new composition."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from kehoach.apps.assessment import freshness
from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.documents.models import Document
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator, Target, Territory

WHOLE, B, C = "Phường A (từ 01/07/2025)", "Phường B (trước 01/07/2025)", "Phường C (trước 01/07/2025)"
AS_OF = date(2025, 10, 15)


@pytest.mark.django_db(transaction=True)
def test_the_kept_assessment_follows_an_edited_composition():
    """Outside a test transaction, as a server runs: the assessment kept for the date is computed again
    once the composition changed (the territory edit raised the data version)."""
    document = Document.objects.create(kind="Kế hoạch", number="1/KH-UBND", date=date(2025, 3, 1),
                                       imported_at=timezone.now())
    budget = Indicator.objects.create(key="budget_revenue", name="Thu ngân sách", unit="tỷ đồng", kind="flow")
    b = Territory.objects.create(name=B, place="Phường B", valid_to=date(2025, 6, 30))
    c = Territory.objects.create(name=C, place="Phường C", valid_to=date(2025, 6, 30))
    whole = Territory.objects.create(name=WHOLE, place="Phường A", valid_from=date(2025, 7, 1))
    whole.members.add(b, c)
    for scope, amount in ((B, 600), (C, 400)):
        Target.objects.create(indicator=budget, year=2025, comparator="=", low=Decimal(amount), high=Decimal(amount),
                              text=str(amount), document=document, basis="phan_dau", scope=scope)
    ActualFigure.objects.create(indicator=budget, period="2025-9M", comparator="=", low=Decimal(700),
                                high=Decimal(700), text="700", qualifier="ước", scope=WHOLE,
                                published=date(2025, 10, 6), review_status="approved", source="UBND phường A")
    freshness.kept.clear()
    try:
        (before,) = current_assessment(AS_OF).indicators
        version = freshness.current()
        whole.members.remove(c)
        assert freshness.current() != version
        (after,) = current_assessment(AS_OF).indicators
    finally:
        freshness.kept.clear()

    assert (before.annual_target, after.annual_target) == (Decimal(1000), Decimal(600))
