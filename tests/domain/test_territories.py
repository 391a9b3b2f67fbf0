"""Scope labels of the 2025 reorganisation: every place on every date has the label of its territory
(the labels the seeded territories and the imports use), so a target of the old Hải Dương province and a
figure of it meet (issue 12 point 2)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.territories import MERGERS_2025, NATIONAL, REORGANISATION_2025, scope_for


def test_the_absorbed_province_before_the_merger_is_its_old_territory():
    assert scope_for("Hải Dương", date(2025, 6, 30)) == "Hải Dương (trước 01/07/2025)"
    assert scope_for("hai duong", date(2025, 3, 1)) == "Hải Dương (trước 01/07/2025)"


def test_the_absorbed_province_after_the_merger_is_the_merged_city():
    assert scope_for("Hải Dương", date(2025, 7, 1)) == "Hải Phòng (từ 01/07/2025)"


def test_the_city_that_kept_its_name_before_and_after():
    assert scope_for("Hải Phòng", date(2025, 6, 30)) == "Hải Phòng (trước 01/07/2025)"
    assert scope_for("Hải Phòng", date(2025, 7, 1)) == "Hải Phòng (từ 01/07/2025)"


def test_without_a_date_a_place_is_its_name_and_the_country_is_national():
    assert scope_for("Hải Dương", None) == "Hải Dương"
    assert scope_for("toàn quốc", date(2025, 1, 1)) == NATIONAL


@given(st.sampled_from([(k, a) for k, merged in MERGERS_2025.items() for a in merged]),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)))
def test_a_merged_province_and_its_successor_share_a_label_exactly_from_the_merger(pair, on):
    successor, absorbed = pair
    same = scope_for(absorbed, on) == scope_for(successor, on)
    assert same == (on >= REORGANISATION_2025)
    assert scope_for(absorbed, on).startswith(absorbed if on < REORGANISATION_2025 else successor)
