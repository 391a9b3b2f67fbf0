"""The words of an indicator's assessment: vi-VN numbers, amounts with units, "đạt"/"ước đạt", comparisons."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kehoach.domain.numbers import format_number
from kehoach.domain.units import unit_label

from .precision import rounded_gap

YEAR_COMPLETE = "Số liệu cả năm"
WITHIN_PRECISION = "chênh lệch nhỏ hơn độ chính xác của số liệu công bố nên coi như đạt kịch bản"


def num(value: Decimal) -> str:
    """vi-VN: no decimals from 1.000 up, else at most two (trailing zeros dropped)."""
    value = Decimal(value)
    if abs(value) >= 1000:
        return format_number(value, 0)
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    places = max(0, -rounded.normalize().as_tuple().exponent)
    return format_number(rounded, places)


def percent(value: Decimal) -> str:
    return f"{format_number(value, 1)}%"


def unit_words(unit: str) -> str:
    """The unit as a person reads it next to a number (``units.unit_label``: "nghìn lượt", never "1.000 lượt")."""
    return unit_label(unit)


def amount(value: Decimal | None, unit: str, qualifier: str = "") -> str:
    q = f"{qualifier} " if qualifier else ""
    if value is None:
        return "?"
    return f"{q}{num(value)}{unit}" if unit == "%" else f"{q}{num(value)} {unit_words(unit)}"


def reached(qualifier: str) -> str:
    """ "đạt", "ước đạt", "đạt hơn", "đạt khoảng" ... the qualifier kept as published."""
    if qualifier == "ước":
        return "ước đạt"
    return f"đạt {qualifier}" if qualifier else "đạt"


def rate(value: Decimal, index: bool, qualifier: str = "") -> str:
    q = f"{qualifier} " if qualifier else ""
    return f"{q}{num(value)}" if index else f"{q}{num(value)}%"


def points(index: bool) -> str:
    return "điểm" if index else "điểm %"


def compare_words(diff: Decimal, index: bool) -> str:
    if rounded_gap(diff) == 0:
        return "bằng"
    return f"{'cao hơn' if diff > 0 else 'thấp hơn'} {num(abs(diff))} {points(index)} so với"


def no_scenario(scope: str) -> str:
    return f"chưa có kịch bản của phạm vi {scope}" if scope else "chưa có kịch bản"
