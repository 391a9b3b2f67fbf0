"""Numbers and cell values as Vietnamese documents write them (kehoach.domain.numbers)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.entities import Comparator, Value
from kehoach.domain.numbers import (
    NumberFormatError,
    decimals_written,
    format_number,
    parse_number,
    parse_value,
)

D = Decimal
KH86 = "ke-hoach-86-KH-UBND-2025.txt"
BC619 = "bao-cao-619-BC-TU-2024.txt"


def cells_of(name: str) -> set[str]:
    text = (files("kehoach") / "sample_data" / name).read_text(encoding="utf-8")
    return {cell.strip() for line in text.splitlines() if "\t" in line for cell in line.split("\t")}


# --- parse_number -------------------------------------------------------------------------

NUMBERS = [
    ("116.387,596", D("116387.596")),
    ("-3,4", D("-3.4")),
    ("−3,4", D("-3.4")),
    ("–3,4", D("-3.4")),
    ("2.513.243", D("2513243")),
    ("12,5", D("12.5")),
    ("117", D("117")),
    ("150,00", D("150.00")),
    ("7.515.326,675", D("7515326.675")),
    ("116387,596", D("116387.596")),
    ("0,98", D("0.98")),
    (" 12,5 ", D("12.5")),
    ("12,5%", D("12.5")),
    ("12,5 %", D("12.5")),
    ("1.000", D("1000")),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number_reads_vietnamese_format(text, expected):
    assert parse_number(text) == expected


def test_parse_number_keeps_the_decimals_as_written():
    assert parse_number("150,00").as_tuple() == D("150.00").as_tuple()
    assert parse_number("13,30").as_tuple() == D("13.30").as_tuple()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("12.5", "exactly 3 digits"),
        ("1.23", "exactly 3 digits"),
        ("1.2345", "exactly 3 digits"),
        ("1,2,3", "more than one decimal mark"),
        ("abc", "no digits"),
        ("", "no digits"),
        ("   ", "no digits"),
        ("-", "no digits"),
        ("%", "no digits"),
        ("1.000,", "no digits after the decimal mark"),
        (",5", "no digits before"),
        ("1,000.5", "after the decimal mark"),
        ("0.123", "first thousands group"),
        ("1234.567", "first thousands group"),
        ("+5", "unexpected character '+'"),
        ("12a", "unexpected character 'a'"),
        ("> 10", "unexpected character '>'"),
        ("1 000", "spaces inside"),
        ("- 5", "spaces inside"),
        ("1.", "exactly 3 digits"),
        ("٣", "unexpected character"),
    ],
)
def test_parse_number_rejects_anything_else_and_says_why(text, problem):
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    message = str(caught.value)
    assert problem in message
    assert repr(text) in message
    assert "'.' groups thousands, ',' is the decimal mark" in message


def test_number_format_error_is_a_value_error():
    assert issubclass(NumberFormatError, ValueError)


@pytest.mark.parametrize(
    ("text", "decimals"),
    [("150,00", 2), ("2.513.243", 0), ("116.387,596", 3), ("-3,4", 1), ("117", 0), ("53,245", 3), ("12,5%", 1)],
)
def test_decimals_written(text, decimals):
    assert decimals_written(text) == decimals


def test_decimals_written_rejects_what_is_not_a_number():
    with pytest.raises(NumberFormatError):
        decimals_written("12.5")


# --- format_number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("1234.5"), None, "1.234,5"),
        (D("150.00"), None, "150,00"),
        (D("116387.596"), None, "116.387,596"),
        (D("2513243"), None, "2.513.243"),
        (D("-3.4"), None, "-3,4"),
        (D("1E+3"), None, "1.000"),
        (D("12.345"), 2, "12,35"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("7"), 2, "7,00"),
        (D("123456789012345678901234567890.125"), 2, "123.456.789.012.345.678.901.234.567.890,13"),
    ],
)
def test_format_number_writes_vietnamese_format(value, decimals, expected):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity")])
def test_format_number_refuses_what_is_not_a_finite_number(value):
    with pytest.raises(ValueError, match="finite"):
        format_number(value)


def test_format_number_refuses_negative_decimals():
    with pytest.raises(ValueError, match="decimals"):
        format_number(D("1"), -1)


# --- parse_value: the real cells of the two sample documents --------------------------------


def eq(text, number, note=""):
    return text, Value(text, Comparator.EQ, D(number), D(number), note)


def rng(text, low, high, note="", reversed=False):
    return text, Value(text, Comparator.RANGE, D(low), D(high), note, reversed)


def bound(text, comparator, number, note=""):
    low = D(number) if comparator in (Comparator.GT, Comparator.GE) else None
    high = D(number) if comparator in (Comparator.LT, Comparator.LE) else None
    return text, Value(text, comparator, low, high, note)


def words(text):
    return text, Value(text, Comparator.TEXT)


# Phụ lục II of Kế hoạch 86/KH-UBND: plan and monthly scenario of 2025.
KH86_CELLS = [
    eq("12,5", "12.5"),
    eq("11,88", "11.88"),
    eq("117", "117"),
    eq("99,2", "99.2"),
    eq("129.519,3", "129519.3"),
    eq("40.801,2", "40801.2"),
    eq("240.000", "240000"),
    eq("53,245", "53.245"),
    eq("139,005", "139.005"),
    eq("550,81", "550.81"),
    eq("150,00", "150.00"),
    eq("4.500", "4500"),
    eq("58.500", "58500"),
    eq("3,68", "3.68"),
    bound("> 10.000", Comparator.GT, "10000"),
    bound("< 3,5", Comparator.LT, "3.5"),
    bound("Dưới 3,5", Comparator.LT, "3.5"),
    rng("451-479,8", "451", "479.8"),
    rng("173-202", "173", "202"),
    rng("934-939", "934", "939"),
    rng("1.385-1.419", "1385", "1419"),
    rng("328-333", "328", "333"),
    rng("1.765-1.741", "1741", "1765", reversed=True),
    rng("3.160-3.150", "3150", "3160", reversed=True),
    rng("1.350-1.340", "1340", "1350", reversed=True),
]

# Báo cáo 619-BC/TU: the comparison table of main indicators and the values of key projects.
BC619_CELLS = [
    rng("11,5 - 12", "11.5", "12"),
    rng("6,8 - 7,0", "6.8", "7.0"),
    rng("6,5-7,0 Phấn đấu 7,0-7,5", "6.5", "7.0", note="Phấn đấu 7,0-7,5"),
    rng("13,30 – 13,75", "13.30", "13.75"),
    rng("10,20 – 10,75", "10.20", "10.75"),
    rng("7,4 – 8,4", "7.4", "8.4"),
    rng("8,7-9,2", "8.7", "9.2"),
    rng("2,0 - 2,5", "2.0", "2.5"),
    rng("79-80%", "79", "80", note="%"),
    rng("80,5-81,5%", "80.5", "81.5", note="%"),
    rng("Giảm khoảng 0,8 - 1,0%", "0.8", "1.0", note="Giảm khoảng … %"),
    eq("-3,4", "-3.4"),
    eq("0,98", "0.98"),
    eq("9.000", "9000"),
    eq("106.761,592", "106761.592"),
    eq("116.387,596", "116387.596"),
    eq("118.079,279", "118079.279"),
    eq("48.255,342", "48255.342"),
    eq("40,77", "40.77"),
    bound("> 9,1", Comparator.GT, "9.1"),
    bound(">10", Comparator.GT, "10"),
    bound(">1,0", Comparator.GT, "1.0"),
    bound(">95", Comparator.GT, "95"),
    bound("<4,0", Comparator.LT, "4.0"),
    bound("<3,5", Comparator.LT, "3.5"),
    words("Hoàn thành 100% số xã"),
    words("Tiếp tục duy trì trên địa bàn thành phố không còn hộ nghèo theo chuẩn"),
    eq("2.513.243", "2513243"),
    eq("47.122.000", "47122000"),
    eq("7.515.326,675", "7515326.675"),
    eq("11.887.000 (500 triệu USD)", "11887000", note="(500 triệu USD)"),
    eq("2.300.000 (TMĐT DA 55.870.000)", "2300000", note="(TMĐT DA 55.870.000)"),
    eq("2.271.430 (96,3 triệu USD)", "2271430", note="(96,3 triệu USD)"),
    # Read as written: a decimal comma. Whether the document meant 716.495 million is the
    # importer's call (it knows the column is in million VND), not the number parser's.
    eq("716,495", "716.495"),
    # A continuation line of a cell and a cell holding two figures are text, never a guess.
    words("(2.051 triệu USD)"),
    words("Dự án thành phần 1: 4.416.240 Dự án thành phần 2: 1.819.354"),
]


@pytest.mark.parametrize(("name", "cells"), [(KH86, KH86_CELLS), (BC619, BC619_CELLS)])
def test_the_tables_below_use_real_cells(name, cells):
    real = cells_of(name)
    assert [text for text, _ in cells if text not in real] == []


@pytest.mark.parametrize(("text", "expected"), KH86_CELLS, ids=[t for t, _ in KH86_CELLS])
def test_parse_value_reads_the_scenario_of_ke_hoach_86(text, expected):
    assert parse_value(text) == expected


@pytest.mark.parametrize(("text", "expected"), BC619_CELLS, ids=[t for t, _ in BC619_CELLS])
def test_parse_value_reads_the_tables_of_bao_cao_619(text, expected):
    assert parse_value(text) == expected


def test_every_figure_of_the_scenario_table_is_understood():
    text = (files("kehoach") / "sample_data" / KH86).read_text(encoding="utf-8")
    appendix = text[text.index("**PHỤ LỤC II**") :]
    rows = [line.split("\t") for line in appendix.splitlines() if line[:1].isdigit() and "\t" in line]
    figures = [cell for row in rows for cell in row[5:] if cell.strip()]
    assert len(rows) == 11 and len(figures) == 131
    assert [cell for cell in figures if not parse_value(cell).is_number] == []


# --- parse_value: the rules ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\t", "\u00a0 \n"])
def test_a_blank_cell_has_no_value(text):
    assert parse_value(text) is None


def test_the_text_is_kept_as_written_after_nfc_and_space_collapse():
    decomposed = unicodedata.normalize("NFD", "Dưới") + "  3,5\u00a0%"  # a double space, a no-break space
    value = parse_value(decomposed)
    assert value.text == "Dưới 3,5 %"
    assert value.comparator == Comparator.LT


@pytest.mark.parametrize(
    ("text", "comparator", "number"),
    [
        (">10", Comparator.GT, "10"),
        ("> 10", Comparator.GT, "10"),
        ("≥ 10", Comparator.GE, "10"),
        (">=10", Comparator.GE, "10"),
        ("<3,5", Comparator.LT, "3.5"),
        ("≤3,5", Comparator.LE, "3.5"),
        ("<= 3,5", Comparator.LE, "3.5"),
        ("= 7", Comparator.EQ, "7"),
        ("Trên 10", Comparator.GT, "10"),
        ("Hơn 372", Comparator.GT, "372"),
        ("Cao hơn 5", Comparator.GT, "5"),
        ("Dưới 3,5", Comparator.LT, "3.5"),
        ("Thấp hơn 3,5", Comparator.LT, "3.5"),
        ("Tối thiểu 95", Comparator.GE, "95"),
        ("Ít nhất 01", Comparator.GE, "1"),
        ("Không dưới 90", Comparator.GE, "90"),
        ("Không thấp hơn 90", Comparator.GE, "90"),
        ("Tối đa 5", Comparator.LE, "5"),
        ("Không quá 5", Comparator.LE, "5"),
        ("Không vượt quá 5", Comparator.LE, "5"),
        ("KHÔNG VƯỢT QUÁ 5", Comparator.LE, "5"),
        ("khong vuot qua 5", Comparator.LE, "5"),
        ("10 trở lên", Comparator.GE, "10"),
        ("3,5 trở xuống", Comparator.LE, "3.5"),
    ],
)
def test_comparators_by_symbol_or_words(text, comparator, number):
    value = parse_value(text)
    assert value.comparator == comparator
    assert (value.low if comparator in (Comparator.GT, Comparator.GE, Comparator.EQ) else value.high) == D(number)
    if comparator in (Comparator.GT, Comparator.GE):
        assert value.high is None
    if comparator in (Comparator.LT, Comparator.LE):
        assert value.low is None
    assert value.note == ""


def test_a_comparator_inside_a_sentence_needs_only_known_words_before_it():
    value = parse_value("ở mức thấp hơn 3,5%")
    assert (value.comparator, value.high, value.note) == (Comparator.LT, D("3.5"), "ở mức … %")
    assert parse_value("Tỷ lệ thất nghiệp thành thị ở mức thấp hơn 3,5%").comparator == Comparator.TEXT


@pytest.mark.parametrize(
    ("text", "number", "note"),
    [
        ("khoảng 12,5", "12.5", "khoảng"),
        ("Ước 11", "11", "Ước"),
        ("gần 108", "108", "gần"),
        ("xấp xỉ 9", "9", "xấp xỉ"),
        ("trên dưới 10", "10", "trên dưới"),
        ("Đạt 12,5%", "12.5", "Đạt … %"),
        ("Tăng khoảng 17%", "17", "Tăng khoảng … %"),
    ],
)
def test_lead_words_keep_the_number_exact_and_go_to_the_note(text, number, note):
    assert parse_value(text) == Value(text, Comparator.EQ, D(number), D(number), note)


def test_lead_words_may_precede_a_comparator():
    assert parse_value("Ước đạt hơn 47.800") == Value("Ước đạt hơn 47.800", Comparator.GT, D("47800"), None, "Ước đạt")


@pytest.mark.parametrize(
    ("text", "note"),
    [("15-16%", "%"), ("15%-16%", "%"), ("1.000-1.500MW", "MW"), ("1.000 - 1.500 MW", "MW"), ("15%-16 MW", "% MW")],
)
def test_units_after_a_range_go_to_the_note(text, note):
    value = parse_value(text)
    assert value.comparator == Comparator.RANGE
    assert value.note == note


def test_a_negative_number_is_not_a_range():
    assert parse_value("-3,4") == Value("-3,4", Comparator.EQ, D("-3.4"), D("-3.4"))
    assert parse_value("−3,4").low == D("-3.4")


def test_a_range_may_join_negative_numbers():
    assert parse_value("-5 - -3") == Value("-5 - -3", Comparator.RANGE, D("-5"), D("-3"))


@pytest.mark.parametrize(
    "text",
    [
        "12.5",  # a decimal point: not Vietnamese format
        "1,2,3",
        "abc",
        "-",
        "%",
        "Dưới",  # a comparator without a number
        "> 10-12",  # a comparator on a range
        "Trên 10 - 12",
        "Trên > 5",  # two comparators
        "Dưới khoảng 5",  # a comparator must come right before the number
        "Quý I-II/2025",
        "Chỉ thị số 07/CT-TTg",
        "Hoàn thành 100% số xã",
    ],
)
def test_anything_else_is_text(text):
    assert parse_value(text) == Value(text, Comparator.TEXT)


# --- properties ---------------------------------------------------------------------------

decimals_up_to_3 = st.integers(0, 3).flatmap(
    lambda places: st.decimals(
        min_value=-(10**15), max_value=10**15, places=places, allow_nan=False, allow_infinity=False
    )
)
dashes = st.sampled_from(["-", " - ", "–", " – ", "—", "−"])


@given(decimals_up_to_3)
def test_format_then_parse_round_trips_with_the_same_decimals(number):
    text = format_number(number)
    parsed = parse_number(text)
    assert parsed == number
    assert decimals_written(text) == -number.as_tuple().exponent


@given(decimals_up_to_3, decimals_up_to_3, dashes)
def test_two_numbers_joined_by_a_dash_are_a_sorted_range(first, second, dash):
    text = format_number(first) + dash + format_number(second)
    value = parse_value(text)
    assert value.comparator == Comparator.RANGE
    assert (value.low, value.high) == (min(first, second), max(first, second))
    assert value.reversed == (first > second)
    assert value.note == ""


@given(decimals_up_to_3)
def test_a_single_number_is_exact(number):
    value = parse_value(format_number(number))
    assert value.comparator == Comparator.EQ
    assert value.low == value.high == number


@given(st.text())
def test_parse_value_never_raises(text):
    value = parse_value(text)
    assert value is None or isinstance(value, Value)
    if value is not None:
        assert value.text == " ".join(value.text.split())
        assert value.low is None or value.high is None or value.low <= value.high
        assert (value.comparator == Comparator.TEXT) == (not value.is_number)


number_like = st.lists(st.sampled_from([*"0123456789.,-–−%<>=≥≤ ", "Dưới ", "khoảng ", "Trên ", "trở lên"]))


@given(number_like)
def test_parse_value_never_raises_on_number_like_text(pieces):
    value = parse_value("".join(pieces))
    assert value is None or isinstance(value, Value)
