"""Which target is in force on a date (``plans.targets_in_force``), issue 12 points 1 and 4: a revision from
its own date, never before it was published; a scope's first target for its whole year (the merged city's
12,35 % GRDP target, known from a source of January 2026, is what its figures of July-December 2025 are
judged against)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment.plans import targets_in_force
from kehoach.domain.entities import Target, TargetBasis
from kehoach.domain.numbers import parse_value

from .helpers import MERGED_CITY, OLD_CITY


def target(number, scope, issued, basis=TargetBasis.STRETCH, year=2025, document="") -> Target:
    return Target(indicator="grdp", year=year, value=parse_value(number), document=document or f"doc {issued}",
                  basis=basis, scope=scope, issued=issued)


OLD_PLAN = target("12,5", OLD_CITY, date(2024, 12, 3), TargetBasis.COUNCIL)
MERGED_PLAN = target("12,35", MERGED_CITY, date(2026, 1, 31))


def texts(targets) -> set[str]:
    return {t.value.text for t in targets}


def test_a_revision_is_not_in_force_before_it_was_published():
    revised = target("13", OLD_CITY, date(2025, 9, 30), TargetBasis.COUNCIL)

    assert texts(targets_in_force([OLD_PLAN, revised], date(2025, 9, 29))) == {"12,5"}
    assert texts(targets_in_force([OLD_PLAN, revised], date(2025, 9, 30))) == {"13"}


def test_the_merged_citys_first_target_stands_for_the_second_half_of_2025():
    for as_of in (date(2025, 8, 6), date(2025, 12, 31), date(2026, 1, 15), date(2026, 2, 1)):
        assert texts(targets_in_force([OLD_PLAN, MERGED_PLAN], as_of)) == {"12,5", "12,35"}


def test_a_first_target_stands_only_until_the_scope_has_one_issued():
    later = target("12,4", MERGED_CITY, date(2026, 3, 31), TargetBasis.COUNCIL)

    assert texts(targets_in_force([MERGED_PLAN, later], date(2025, 8, 6))) == {"12,35"}
    assert texts(targets_in_force([MERGED_PLAN, later], date(2026, 4, 1))) == {"12,35", "12,4"}


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
       st.lists(st.integers(min_value=-400, max_value=400), min_size=1, max_size=5, unique=True))
def test_every_scope_with_targets_has_exactly_one_per_basis_in_force(as_of, offsets):
    revisions = [target(f"12,{n % 10}", MERGED_CITY, date(2025, 7, 15) + timedelta(days=n), document=str(n))
                 for n in offsets]
    in_force = targets_in_force(revisions, as_of)

    assert len(in_force) == 1
    issued = [t.issued for t in revisions if t.issued <= as_of]
    assert in_force[0].issued == (max(issued) if issued else min(t.issued for t in revisions))
