"""Targets of one (indicator, year, basis, scope) from several documents: the latest-dated one is current."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.indicators.models import Target
from kehoach.apps.plan_import.importing import store
from kehoach.domain.entities import TargetBasis
from tests.apps.conftest import history_rows
from tests.apps.factories import files_for, plan, resolution

pytestmark = pytest.mark.django_db


def grdp_targets() -> dict[str, Target]:
    return {t.document.number: t for t in Target.objects.filter(indicator__key="grdp_growth", year=2025)}


def test_the_later_document_supersedes_the_earlier_with_the_same_basis():
    store(resolution(), files_for(resolution()))  # 6/12/2024: 11 %
    store(plan(), files_for(plan()))  # 31/3/2025: 12,5 %

    targets = grdp_targets()
    assert targets["20/NQ-HĐND"].superseded_by == targets["10/KH-UBND"]
    assert targets["10/KH-UBND"].superseded_by is None
    assert Target.objects.filter(superseded_by__isnull=True, indicator__key="grdp_growth").count() == 1


def test_supersession_follows_the_document_date_not_the_import_order():
    store(plan(), files_for(plan()))
    summary = store(resolution(), files_for(resolution()))

    assert summary.superseded == 1
    targets = grdp_targets()
    assert targets["20/NQ-HĐND"].superseded_by == targets["10/KH-UBND"]
    assert targets["10/KH-UBND"].superseded_by is None


def test_a_newer_document_takes_over_and_the_old_one_is_superseded_by_it():
    store(plan(), files_for(plan()))
    newer = resolution(number_="30/NQ-HĐND", on=date(2025, 7, 10), grdp_target="13")
    summary = store(newer, files_for(newer))

    assert summary.superseded == 1
    targets = grdp_targets()
    assert targets["10/KH-UBND"].superseded_by == targets["30/NQ-HĐND"]
    assert targets["30/NQ-HĐND"].superseded_by is None


def test_a_target_with_another_basis_stands_beside_it():
    council = resolution(basis=TargetBasis.COUNCIL)
    store(council, files_for(council))
    store(plan(), files_for(plan()))

    targets = grdp_targets()
    assert targets["20/NQ-HĐND"].basis == TargetBasis.COUNCIL.value
    assert targets["20/NQ-HĐND"].superseded_by is None
    assert targets["10/KH-UBND"].superseded_by is None


def test_reimporting_leaves_supersession_and_history_alone():
    store(resolution(), files_for(resolution()))
    store(plan(), files_for(plan()))
    before = history_rows()

    again = store(plan(), files_for(plan()))

    assert not again.changed and again.superseded == 0
    assert history_rows() == before


def test_the_superseded_value_is_kept_in_the_history():
    store(resolution(), files_for(resolution()))
    store(plan(), files_for(plan()))

    old = grdp_targets()["20/NQ-HĐND"]
    assert [h.superseded_by_id for h in old.history.order_by("history_id")] == [None, grdp_targets()["10/KH-UBND"].pk]
