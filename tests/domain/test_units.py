"""Units of measure as documents write them, and exact conversions (kehoach.domain.units)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain import units
from kehoach.domain.units import IncompatibleUnits, Unit, compatible, convert, parse_unit, unit_label

D = Decimal


def cells_of(name: str) -> set[str]:
    text = (files("kehoach") / "sample_data" / name).read_text(encoding="utf-8")
    return {cell.strip() for line in text.splitlines() if "\t" in line for cell in line.split("\t")}


UNITS = [
    ("đồng", units.VND, "1"),
    ("nghìn đồng", units.VND, "1e3"),
    ("ngàn đồng", units.VND, "1e3"),
    ("triệu đồng", units.VND, "1e6"),
    ("tỷ đồng", units.VND, "1e9"),
    ("Tỷ đồng", units.VND, "1e9"),
    ("tỉ đồng", units.VND, "1e9"),
    ("nghìn tỷ đồng", units.VND, "1e12"),
    ("triệu VNĐ", units.VND, "1e6"),
    ("USD", units.USD, "1"),
    ("nghìn USD", units.USD, "1e3"),
    ("triệu USD", units.USD, "1e6"),
    ("tỷ USD", units.USD, "1e9"),
    ("Tỷ USD", units.USD, "1e9"),
    ("lượt", units.PERSONS, "1"),
    ("1.000 lượt", units.PERSONS, "1e3"),
    ("nghìn lượt", units.PERSONS, "1e3"),
    ("triệu lượt", units.PERSONS, "1e6"),
    ("Triệu lượt", units.PERSONS, "1e6"),
    ("lượt khách", units.PERSONS, "1"),
    ("Lượt người", units.PERSONS, "1"),
    ("lượt lao động/năm", units.PERSONS, "1"),
    ("người", units.PERSONS, "1"),
    ("lao động", units.PERSONS, "1"),
    ("tấn", units.MASS, "1"),
    ("nghìn tấn", units.MASS, "1e3"),
    ("triệu tấn", units.MASS, "1e6"),
    ("Triệu tấn", units.MASS, "1e6"),
    ("TEU", units.TEU, "1"),
    ("nghìn TEU", units.TEU, "1e3"),
    ("%", units.PERCENT, "1"),
    ("Điểm %", units.PERCENTAGE_POINT, "1"),
    ("xã", units.COMMUNES, "1"),
    ("Xã", units.COMMUNES, "1"),
    ("USD/người", units.USD_PER_PERSON, "1"),
    ("triệu đồng/người", units.VND_PER_PERSON, "1e6"),
    ("ha", units.AREA, "1"),
    ("km", units.LENGTH, "1"),
    ("MW", units.POWER, "1"),
]


@pytest.mark.parametrize(("text", "dimension", "scale"), UNITS)
def test_parse_unit_reads_the_rule_table(text, dimension, scale):
    assert parse_unit(text) == Unit(text, dimension, D(scale))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("Triệu Lượt", "triệu lượt"),
        ("TRIỆU LƯỢT", "triệu lượt"),
        ("trieu luot", "triệu lượt"),
        ("tỷ  đồng", "tỷ đồng"),
        (" Tỷ\u00a0đồng ", "tỷ đồng"),
        ("ty dong", "tỷ đồng"),
        ("usd / người", "USD/người"),
        ("lượt lao động / năm", "lượt lao động/năm"),
        ("điểm %", "Điểm %"),
        (unicodedata.normalize("NFD", "Triệu lượt"), "triệu lượt"),
    ],
)
def test_case_diacritics_and_spaces_do_not_matter(text, same_as):
    a, b = parse_unit(text), parse_unit(same_as)
    assert (a.dimension, a.scale) == (b.dimension, b.scale)


def test_the_text_is_kept_as_written_with_spaces_collapsed():
    assert parse_unit("  tỷ   đồng ").text == "tỷ đồng"


def test_the_units_of_the_sample_documents_are_all_known():
    kh86 = {"%", "tỷ đồng", "tỷ USD", "triệu tấn", "1.000 lượt", "triệu USD", "lượt lao động/năm"}
    bc619 = {"%", "USD/người", "Tỷ đồng", "Triệu tấn", "Tỷ USD", "Triệu lượt", "Xã", "xã", "Lượt người", "Điểm %"}
    assert kh86 <= cells_of("ke-hoach-86-KH-UBND-2025.txt")
    assert bc619 <= cells_of("bao-cao-619-BC-TU-2024.txt")
    assert [u for u in kh86 | bc619 if parse_unit(u).dimension.startswith(units.OTHER)] == []


@pytest.mark.parametrize("text", ["lần", "căn", "Chỉ số", "", "nghìn %", "1.000", "abc/xyz", "12.5 tấn"])
def test_an_unknown_unit_is_its_own_dimension_and_never_an_error(text):
    unit = parse_unit(text)
    assert unit.dimension.startswith(units.OTHER + ":")
    assert unit.scale == 1
    assert compatible(unit, text)
    assert not compatible(unit, "tỷ đồng")


def test_unknown_units_match_their_variant_spellings_only():
    assert compatible("Lần", "lần")
    assert not compatible("lần", "căn")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("tỷ đồng", "Tỷ đồng", True),
        ("triệu đồng", "nghìn tỷ đồng", True),
        ("1.000 lượt", "Triệu lượt", True),
        ("Lượt người", "lượt lao động/năm", True),
        ("tỷ USD", "triệu USD", True),
        ("tỷ đồng", "tỷ USD", False),
        ("%", "Điểm %", False),
        ("USD", "USD/người", False),
        ("triệu tấn", "TEU", False),
        ("xã", "%", False),
    ],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(parse_unit(a), parse_unit(b)) is expected


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        ("4.5", "tỷ USD", "triệu USD", "4500"),
        ("4500", "triệu USD", "Tỷ USD", "4.5"),
        ("10", "triệu lượt", "1.000 lượt", "10000"),
        ("9.15", "Triệu lượt", "1.000 lượt", "9150"),
        ("2051", "triệu USD", "tỷ USD", "2.051"),
        ("129519.3", "tỷ đồng", "nghìn tỷ đồng", "129.5193"),
        ("212", "triệu tấn", "tấn", "212000000"),
        ("0.1", "triệu đồng", "đồng", "100000"),
        ("12.50", "%", "%", "12.50"),
    ],
)
def test_convert_is_exact(value, source, target, expected):
    result = convert(D(value), source, target)
    assert result == D(expected)
    assert str(result) == expected


def test_convert_accepts_units_or_texts():
    assert convert(D("4.5"), parse_unit("tỷ USD"), parse_unit("triệu USD")) == 4500


@pytest.mark.parametrize(("source", "target"), [("tỷ đồng", "tỷ USD"), ("%", "Điểm %"), ("lần", "lượt")])
def test_convert_refuses_different_quantities(source, target):
    with pytest.raises(IncompatibleUnits) as caught:
        convert(D(1), source, target)
    message = str(caught.value)
    assert repr(source) in message and repr(target) in message
    assert "same quantity" in message
    assert isinstance(caught.value, ValueError)


# --- properties ---------------------------------------------------------------------------

scaled_units = st.sampled_from([text for text, _, scale in UNITS if scale != "1"] + [t for t, _, _ in UNITS])
amounts = st.decimals(min_value=-(10**15), max_value=10**15, places=3, allow_nan=False, allow_infinity=False)


@given(amounts, scaled_units, scaled_units)
def test_convert_there_and_back_is_identity(value, a, b):
    if compatible(a, b):
        assert convert(convert(value, a, b), b, a) == value
    else:
        with pytest.raises(IncompatibleUnits):
            convert(value, a, b)


@given(st.text())
def test_parse_unit_never_raises(text):
    unit = parse_unit(text)
    assert unit.scale > 0
    assert compatible(unit, text)


@pytest.mark.parametrize(("unit", "kind", "label"), [
    ("1.000 lượt", "flow", "nghìn lượt"),
    ("1000 lượt khách", None, "nghìn lượt khách"),
    ("1.000.000 USD", None, "triệu USD"),
    ("tỷ đồng", "flow", "tỷ đồng"),
    ("%", "index", "(cùng kỳ = 100)"),
    ("%", "growth", "% (tăng so với cùng kỳ)"),
    ("%", "level", "%"),
])
def test_a_unit_is_written_once_and_right_next_to_a_number(unit, kind, label):
    assert unit_label(unit, kind) == label
