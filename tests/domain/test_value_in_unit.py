"""A plan value reads in its indicator's unit (issue 12 point 7): the text as written when it is already
in that unit, else the converted numbers with the written bound ("4,5" tỷ USD under triệu USD is
4.500; ">10" triệu lượt under 1.000 lượt is "> 10.000"; IIP "17" stored as the index 117 is "117")."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.entities import Comparator, Value
from kehoach.domain.numbers import format_number, parse_number, parse_value, value_in_unit
from kehoach.domain.units import convert


def _converted(text: str, source: str, target: str) -> Value:
    """A value read from ``text`` written in ``source`` and stored in ``target``, as the importers store it."""
    written = parse_value(text)
    low = convert(written.low, source, target) if written.low is not None else None
    high = convert(written.high, source, target) if written.high is not None else None
    return Value(text=text, comparator=written.comparator, low=low, high=high)


def test_fdi_plan_in_billions_reads_in_millions():
    assert value_in_unit(_converted("4,5", "tỷ USD", "triệu USD")) == "4.500"


def test_tourists_bound_in_millions_reads_in_thousands_with_its_bound():
    assert value_in_unit(_converted(">10", "triệu lượt", "1.000 lượt")) == "> 10.000"


def test_a_range_converted_keeps_both_ends():
    assert value_in_unit(_converted("2,0 - 2,5", "tỷ USD", "triệu USD")) == "2.000–2.500"


def test_iip_growth_target_reads_as_the_index_it_is_stored_as():
    stored = Value(text="17", comparator=Comparator.EQ, low=Decimal("117.000000"), high=Decimal("117.000000"))
    assert value_in_unit(stored) == "117"


def test_a_value_already_in_the_unit_is_kept_as_written():
    for text in ("118.079,279", "13-13,5", "<3,5", "> 10.000", "Hoàn thành 100% số xã"):
        written = parse_value(text)
        stored = Value(text=text, comparator=written.comparator, low=written.low, high=written.high)
        assert value_in_unit(stored) == text


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3),
       st.sampled_from([("tỷ USD", "triệu USD"), ("triệu lượt", "1.000 lượt"), ("nghìn tỷ đồng", "tỷ đồng")]))
def test_converted_value_reads_back_as_the_stored_number(number, units):
    text = format_number(number)
    shown = value_in_unit(_converted(text, *units))
    assert parse_number(shown) == convert(parse_number(text), *units)
