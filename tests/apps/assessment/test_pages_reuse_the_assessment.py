"""A server process keeps the assessment it computed and reuses it until the data changes
(kehoach.apps.assessment.freshness): a page right after a committed change shows the change,
whichever process made it; nothing is kept inside a transaction.

These tests commit (``transaction=True``), as a server does, instead of running in the suite's
rolled-back transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from kehoach.apps.assessment import evaluate, freshness
from kehoach.apps.assessment.models import DataVersion
from kehoach.apps.indicators.models import Indicator
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86

AS_OF = date(2025, 8, 6)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan():
    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())
    freshness.kept.clear()
    yield
    freshness.kept.clear()


@pytest.fixture
def computed(monkeypatch):
    """How many times the assessment was computed."""
    calls = []
    real = evaluate.assess_all

    def counting(as_of, *args, **kwargs):
        calls.append(as_of)
        return real(as_of, *args, **kwargs)

    monkeypatch.setattr(evaluate, "assess_all", counting)
    return calls


def record_grdp(value: str) -> None:
    from kehoach.apps.figures.services import record_figure

    grdp = Indicator.objects.get(key="grdp")
    amount = Decimal(value)
    record_figure(grdp, "2025-H1", "", comparator="=", low=amount, high=amount, text=value.replace(".", ","),
                  source="test", status="approved", published=date(2025, 7, 6))


def number() -> int:
    return freshness.current()[1]


def grdp_of(assessment):
    return next(a for a in assessment.indicators if a.indicator == "grdp")


def test_the_same_date_with_the_same_data_is_computed_once(plan, computed):
    first = evaluate.current_assessment(AS_OF)
    again = evaluate.current_assessment(AS_OF)
    assert again is first
    assert computed == [AS_OF]


def test_another_date_is_computed_on_its_own(plan, computed):
    evaluate.current_assessment(AS_OF)
    evaluate.current_assessment(date(2025, 9, 30))
    assert computed == [AS_OF, date(2025, 9, 30)]


def test_a_committed_figure_is_in_the_next_assessment(plan, computed):
    before = grdp_of(evaluate.current_assessment(AS_OF))
    assert before.actual is None
    version = number()
    record_grdp("11.04")
    assert number() == version + 1  # raised once, after the commit
    after = grdp_of(evaluate.current_assessment(AS_OF))
    assert after.actual == Decimal("11.04")
    assert len(computed) == 2


def test_a_transaction_raises_the_version_once_after_it_commits(plan):
    version = number()
    with transaction.atomic():
        record_grdp("11.04")
        record_grdp("11.2")
        assert number() == version  # nothing is announced before the commit
    assert number() == version + 1


def test_a_rolled_back_change_does_not_raise_the_version(plan):
    version = number()
    with pytest.raises(RuntimeError), transaction.atomic():
        record_grdp("11.04")
        raise RuntimeError("the save failed")
    assert number() == version


def test_a_change_made_by_another_process_is_seen(plan, computed):
    evaluate.current_assessment(AS_OF)
    DataVersion.objects.filter(pk=1).update(number=12345)  # what another server's commit leaves
    evaluate.current_assessment(AS_OF)
    assert len(computed) == 2


def test_an_emptied_version_table_never_brings_back_a_version_seen_before(plan, computed):
    """A flush or a restore empties the table; the row made again has a new epoch, so a number
    reached again with other data is not mistaken for the old one."""
    evaluate.current_assessment(AS_OF)
    seen = freshness.current()
    DataVersion.objects.all().delete()
    DataVersion.objects.create(pk=1, number=seen[1])
    assert freshness.current() != seen
    evaluate.current_assessment(AS_OF)
    assert len(computed) == 2


def test_nothing_is_kept_inside_a_transaction(plan, computed):
    with transaction.atomic():
        record_grdp("11.04")
        inside = grdp_of(evaluate.current_assessment(AS_OF))
        assert inside.actual == Decimal("11.04")
        transaction.set_rollback(True)
    after = grdp_of(evaluate.current_assessment(AS_OF))
    assert after.actual is None  # the rolled-back figure was never kept
    assert len(computed) == 2


def test_an_assessment_is_not_kept_past_its_age():
    now = [0.0]
    kept = freshness.Kept(clock=lambda: now[0])
    calls = []

    def compute(day):
        calls.append(day)
        return object()

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(freshness, "current", lambda: ("e", 7))
        first = kept.get(AS_OF, compute)
        now[0] = freshness.MAX_AGE - 1
        assert kept.get(AS_OF, compute) is first
        now[0] = freshness.MAX_AGE + 1
        assert kept.get(AS_OF, compute) is not first
    assert len(calls) == 2


def test_only_the_latest_dates_are_kept():
    kept = freshness.Kept()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(freshness, "current", lambda: ("e", 1))
        days = [date(2025, 1, d) for d in range(1, freshness.KEPT + 2)]
        for day in days:
            kept.get(day, lambda d: d)
        computed = []
        kept.get(days[0], lambda d: computed.append(d) or d)  # the oldest was let go
        kept.get(days[-1], lambda d: computed.append(d) or d)  # the newest is still there
    assert computed == [days[0]]
