"""A merged territory without a target of its own is planned as the sum of its parts' (issue 12 point 2):
the merged city's investment 2025 = the old city's 240.000 + the old Hải Dương's 80.850 tỷ đồng, so its
figures of the second half are rated, and the judgement names the scope and the parts it rests on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from kehoach.domain.assessment import assess_indicator
from kehoach.domain.assessment.plans import composed_targets
from kehoach.domain.entities import Target, TargetBasis
from kehoach.domain.numbers import parse_value
from kehoach.domain.territories import territories_2025

from .helpers import MERGED_CITY, OLD_CITY, figure, indicator

HAI_DUONG = "Hải Dương (trước 01/07/2025)"


def target(text, scope, basis=TargetBasis.STRETCH, key="investment", document="86/KH-UBND") -> Target:
    return Target(indicator=key, year=2025, value=parse_value(text), document=document, basis=basis, scope=scope,
                  issued=date(2025, 7, 31))


def test_the_merged_city_is_planned_as_the_sum_of_its_parts():
    parts = [target("240.000", OLD_CITY), target("80.850", HAI_DUONG, document="phobienphapluat.vn")]

    (whole,) = composed_targets(parts, territories_2025())

    assert (whole.scope, whole.basis, whole.value.low, whole.value.text) == (
        MERGED_CITY, TargetBasis.STRETCH, Decimal(320850), "320.850")
    assert "240.000 (86/KH-UBND)" in whole.document and "80.850 (phobienphapluat.vn)" in whole.document


def test_no_sum_when_a_part_lacks_the_basis_or_the_whole_has_its_own():
    parts = [target("240.000", OLD_CITY), target("80.850", HAI_DUONG, basis=TargetBasis.COUNCIL)]
    assert composed_targets(parts, territories_2025()) == []
    own = [*parts, target("330.000", MERGED_CITY, basis=TargetBasis.COUNCIL)]
    assert composed_targets(own, territories_2025()) == []


def test_merged_city_investment_rated_against_the_summed_target():
    targets = [target("240.000", OLD_CITY), target("80.850", HAI_DUONG, document="phobienphapluat.vn")]
    figures = [figure("investment", "2025-9M", "215000", date(2025, 10, 6), "ước", scope=MERGED_CITY)]

    a = assess_indicator(indicator("investment"), [], targets, figures, date(2025, 10, 15), territories=territories_2025())

    assert a.scope == MERGED_CITY and a.comparable and a.annual_target == Decimal(320850)
    assert a.targets[0].document.startswith(OLD_CITY)
    assert "320.850 tỷ đồng" in a.reason
    assert f"chỉ tiêu năm của phạm vi {MERGED_CITY} là tổng chỉ tiêu của các địa bàn hợp thành ({OLD_CITY}: 240.000" \
        in a.reason


def test_no_sum_for_a_year_the_territory_did_not_exist():
    parts = [target("240.000", OLD_CITY), target("80.850", HAI_DUONG)]
    later = [replace(t, year=2024) for t in parts]

    assert composed_targets(later, territories_2025()) == []


def test_without_territories_handed_in_nothing_is_composed():
    targets = [target("240.000", OLD_CITY), target("80.850", HAI_DUONG)]
    figures = [figure("investment", "2025-9M", "215000", date(2025, 10, 6), "ước", scope=MERGED_CITY)]

    a = assess_indicator(indicator("investment"), [], targets, figures, date(2025, 10, 15))

    assert not a.comparable
