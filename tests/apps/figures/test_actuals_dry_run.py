"""``kehoach actuals import FILE --dry-run``: what each row would do (created, revised old → new,
unchanged), exactly what the real import then does, and nothing stored."""

from __future__ import annotations

import pytest

from kehoach.apps.figures.importing import import_file
from kehoach.apps.figures.models import ActualFigure
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db


def changed_copy(tmp_path):
    """The shipped figures with the first quarter's budget revenue corrected, a new row, the rest as shipped."""
    text = FIGURES_CSV.read_text(encoding="utf-8")
    assert '"47.873,44"' in text
    text = text.replace('"47.873,44"', '"47.900"', 1)
    text += 'Kim ngạch xuất khẩu,2025-04,"3,1",,tỷ USD,,HP cũ,,2025-05\n'
    path = tmp_path / "figures-v2.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_dry_run_lists_every_row_with_its_change_and_stores_nothing(sample_documents, tmp_path):
    import_actuals(str(FIGURES_CSV))
    before = list(ActualFigure.objects.order_by("pk").values())
    path = changed_copy(tmp_path)

    out, err = import_actuals(str(path), "--dry-run")

    assert err == ""
    assert (f"{path}: line 7: budget_revenue 2025-Q1 [Hải Phòng (trước 01/07/2025)]: revised: "
            "value '47.873,44 (47.873,44 tỷ đồng)' → '47.900 (47.900 tỷ đồng)'") in out
    assert f"{path}: line 35: exports 2025-04 [Hải Phòng (trước 01/07/2025)]: created" in out
    assert f"{path}: line 2: iip 2025-01 [Hải Phòng (trước 01/07/2025)]: unchanged" in out
    assert "34 figure(s) would be loaded: 1 new, 1 revised (new version), 32 unchanged" in out
    assert "Dry run: nothing was stored." in out
    assert list(ActualFigure.objects.order_by("pk").values()) == before


def test_the_dry_run_reports_exactly_what_the_import_then_does(sample_documents, tmp_path):
    import_actuals(str(FIGURES_CSV))
    path = changed_copy(tmp_path)

    dry = import_file(path, dry_run=True)
    real = import_file(path)

    assert dry.outcomes == real.outcomes
    assert [o.action for o in real.outcomes].count("revised") == 1
    assert (dry.created, dry.revised, dry.unchanged) == (real.created, real.revised, real.unchanged) == (1, 1, 32)
    assert not dry.stored and real.stored
    budget = ActualFigure.objects.get(indicator__key="budget_revenue", period="2025-Q1", is_current=True)
    assert (budget.text, budget.version) == ("47.900", 2)


def test_a_first_import_dry_run_creates_every_row(sample_documents):
    dry = import_file(FIGURES_CSV, dry_run=True)

    assert {o.action for o in dry.outcomes} == {"created"} and len(dry.outcomes) == 33
    assert not ActualFigure.objects.exists()
    assert import_file(FIGURES_CSV).outcomes == dry.outcomes
