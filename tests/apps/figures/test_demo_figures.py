"""``kehoach demo`` loads the published 2025 figures after the sample documents."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.figures.models import ActualFigure

pytestmark = pytest.mark.django_db


def test_demo_loads_the_shipped_figures_and_says_how_many():
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)

    assert "Figures loaded: 33 from haiphong-2025-figures.csv (33 new, 0 revised, 0 unchanged)" in out.getvalue()
    assert ActualFigure.objects.filter(review_status="approved", is_current=True).count() == 33

    again = StringIO()
    call_command("demo", "--no-serve", stdout=again)

    assert "Figures loaded: 33 from haiphong-2025-figures.csv (0 new, 0 revised, 33 unchanged)" in again.getvalue()
    assert ActualFigure.objects.count() == 33
