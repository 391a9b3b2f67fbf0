"""Figures as the report prints them: vi-VN, the decimals the value has, at most two."""

from __future__ import annotations

from decimal import Decimal

from kehoach.domain.numbers import format_number


def places(value: Decimal, most: int = 2) -> int:
    exponent = value.normalize().as_tuple().exponent
    return min(most, max(0, -exponent)) if isinstance(exponent, int) else 0


def vn(value: Decimal | None, most: int = 2, empty: str = "") -> str:
    """11.040000 -> "11,04"; 112748.000 -> "112.748"; 47.5675 -> "47,57"; None -> ``empty``."""
    if value is None:
        return empty
    value = Decimal(value)
    return format_number(value, places(value, most))


def vn_percent(share: Decimal | None, empty: str = "") -> str:
    """A share (0,475) as a percentage: "47,5%"."""
    return empty if share is None else f"{vn(share * 100, 1)}%"
