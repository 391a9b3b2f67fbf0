"""What a published figure can tell: its precision and qualifier, before a gap is called.

A figure is printed to some precision ("1,8" triệu lượt: one decimal) and often with a word in
front of it ("khoảng", "hơn", "trên", "gần"). The true value lies in an interval around the
printed one; a difference from the plan smaller than that interval is not a gap the figure can
show, so the rules treat the figure as on the plan there and say why.

Interval of a printed number v whose last printed digit is worth u (in the printed unit):

=============  ==================  ==========================================
qualifier      interval            why
=============  ==================  ==========================================
"" or "ước"    [v - u/2, v + u/2]  rounded to the last digit
"khoảng"       [v - u, v + u]      about: one unit of the last digit either way
"hơn", "trên"  [v, v + u]          more than v, less than the next printed value
"gần"          [v - u, v]          nearly v
=============  ==================  ==========================================

An integer is taken at face value (u = 1): "17.900" could be rounded to hundreds, but nothing
in the text says so. The interval is returned in the indicator's unit: for growth rates and
indices the printed number is in points ("tăng 15,06%" = index 115,06: the same u); otherwise
it is scaled like the value ("1,8" triệu lượt stored as 1.800 nghìn lượt: u = 100).

Rounding once: the reason prints a ratio as a percentage with one decimal and a gap with two;
``rounded_ratio`` and ``rounded_gap`` give the figure the rating uses, so text and rating never
disagree ("bằng 100,0% kịch bản" is always rated as on the trajectory).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from kehoach.domain.entities import Value

_HALF = Decimal("0.5")
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
RATIO_STEP = Decimal("0.001")  # a ratio printed as a percentage with one decimal
GAP_STEP = Decimal("0.01")  # a gap printed in points with two decimals


def _printed(text: str) -> str | None:
    """The first number of ``text`` in Vietnamese format; None when there is none or it is not one
    (``3.9`` written with a decimal point: nothing can be said of its precision)."""
    m = _NUMBER.search(text or "")
    if not m or re.match(r"[.,]\d", (text or "")[m.end():]):
        return None
    return m.group(0)


def last_digit(text: str) -> Decimal | None:
    """The worth of the last printed digit of the first number in ``text`` ("1,8" -> 0,1; "108" -> 1)."""
    printed = _printed(text)
    if printed is None:
        return None
    _, _, decimals = printed.partition(",")
    return Decimal(1).scaleb(-len(decimals))


def printed_number(text: str) -> Decimal | None:
    printed = _printed(text)
    return Decimal(printed.replace(".", "").replace(",", ".")) if printed is not None else None


def interval(value: Value, number: Decimal, qualifier: str, additive: bool = False) -> tuple[Decimal, Decimal]:
    """Where the true value of a figure lies, in the indicator's unit (see the module docstring).

    ``number`` is the figure's value in the indicator's unit; ``additive`` when the printed number
    differs from it by an offset (a growth rate stored as an index) rather than a factor.
    """
    step = last_digit(value.text)
    printed = printed_number(value.text)
    if step is None or printed is None:
        return number, number
    if not additive:
        if printed == 0:
            return number, number
        step = step * abs(number / printed)
    q = (qualifier or "").strip().lower()
    if q == "khoảng":
        return number - step, number + step
    if q in ("hơn", "trên"):
        return number, number + step
    if q == "gần":
        return number - step, number
    return number - step * _HALF, number + step * _HALF


def within(reference: Decimal, bounds: tuple[Decimal, Decimal]) -> bool:
    low, high = bounds
    return low <= reference <= high


def rounded_ratio(ratio: Decimal) -> Decimal:
    """A ratio as the text prints it (a percentage with one decimal), for the rating."""
    return ratio.quantize(RATIO_STEP, rounding=ROUND_HALF_UP)


def rounded_gap(gap: Decimal) -> Decimal:
    """A gap in points as the text prints it (two decimals), for the rating."""
    return gap.quantize(GAP_STEP, rounding=ROUND_HALF_UP)

