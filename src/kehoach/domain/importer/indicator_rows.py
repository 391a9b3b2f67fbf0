"""Rows of indicator tables (targets, comparisons, trajectories): which indicator each row is,
under which parent and group, and its values converted to the indicator's unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from kehoach.domain.entities import Comparator, Indicator, IndicatorGroup, MeasureKind, Value
from kehoach.domain.importer.columns import roman_value
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.reader import Row, is_bullet
from kehoach.domain.indicators import clean_indicator_name, is_growth_form
from kehoach.domain.numbers import parse_value
from kehoach.domain.text import fold
from kehoach.domain.units import IncompatibleUnits, compatible, convert

_GROUP_YEAR = re.compile(r"^(?:nam |giai doan )?((?:19|20)\d{2})\b")
_MAIN = re.compile(r"^\d+(\.\d+)*\.?$")
_GROUPS = ((r"kinh te", IndicatorGroup.ECONOMY), (r"xa hoi", IndicatorGroup.SOCIETY),
           (r"moi truong", IndicatorGroup.ENVIRONMENT))


@dataclass
class IndicatorRow:
    row: Row
    indicator: Indicator
    name: str  # as written, cleaned
    unit: str  # as written in the row ("" when the row has no unit cell)
    year: int | None = None  # the year a group row above it names ("II | Năm 2027"), for columns without one


def indicator_rows(rows: list[Row], key: int, name: int, unit: int | None, ctx: Context) -> Iterator[IndicatorRow]:
    """Numbered rows are main indicators, bullet or unnumbered rows their sub-indicators.

    An unnumbered row under a bullet row that has no values of its own belongs to that bullet row
    ("- Nông thôn" / "Thu gom, xử lý"). Roman-numbered rows name the group (KINH TẾ, XÃ HỘI...).
    """
    registry = ctx.directories.indicators
    group = IndicatorGroup.OTHER
    main: Indicator | None = None
    holder: Indicator | None = None  # a bullet row without values: parent of the unnumbered rows below
    year: int | None = None
    for row in rows:
        code = row.cell(key).strip()
        text = row.cell(name)
        if not text:
            continue
        if code and re.fullmatch(r"[IVX]+\.?", code) and roman_value(code):
            group = next((g for pattern, g in _GROUPS if re.search(pattern, fold(text))), IndicatorGroup.OTHER)
            if m := _GROUP_YEAR.search(fold(text)):
                year = int(m.group(1))
            ctx.took(row, "group")
            continue
        cleaned = clean_indicator_name(text)
        if not cleaned:  # "Trong đó:" alone labels the rows below
            ctx.took(row, "read")  # the label of the rows below
            continue
        row_unit = row.cell(unit) if unit is not None else ""
        has_values = any(c for i, c in enumerate(row.cells) if i not in (key, name, unit) and c)
        if _MAIN.match(code) or main is None:
            indicator = registry.match(text, row_unit, None)
            main, holder = indicator, None
        elif is_bullet(text):
            indicator = registry.match(text, row_unit or main.unit, main.key)
            holder = None if has_values else indicator
        else:
            parent = holder or main
            indicator = registry.match(text, row_unit or parent.unit, parent.key)
        if indicator.group == IndicatorGroup.OTHER and group != IndicatorGroup.OTHER:
            indicator.group = group
        ctx.took(row, "read")  # an indicator row is read even when it gives no value
        yield IndicatorRow(row=row, indicator=indicator, name=cleaned, unit=row_unit, year=year)


def read_value(cell: str, item: IndicatorRow, ctx: Context, column: int) -> Value | None:
    """A cell's value in the indicator's unit; the text as written is kept unchanged."""
    value = parse_value(cell)
    if value is None:
        return None
    if value.reversed:
        ctx.warn("range-reversed", f"{item.name}: range {cell!r} is written high to low; read as "
                 f"{value.low}-{value.high}", item.row.line, column + 1)
    if not value.is_number:
        return value
    indicator = item.indicator
    if value.note.strip() == "%" and not compatible(item.unit or indicator.unit, "%"):
        ctx.warn("unit-mismatch", f"{item.name}: {cell!r} is a percentage in a row counted in "
                 f"{item.unit or indicator.unit!r}; kept as text, not compared", item.row.line, column + 1)
        return replace(value, comparator=Comparator.TEXT, low=None, high=None)
    try:
        value = _to_unit(value, item.unit or indicator.unit, indicator.unit)
    except IncompatibleUnits:
        ctx.warn("unit-incompatible", f"{item.name}: unit {item.unit!r} cannot be converted to the indicator's "
                 f"unit {indicator.unit!r}; value kept as written", item.row.line, column + 1)
    if indicator.kind == MeasureKind.INDEX and is_growth_form(item.name):
        value = _shift(value, Decimal(100))
    return value


def _to_unit(value: Value, source: str, target: str) -> Value:
    if not source or fold(source) == fold(target):
        return value
    low = convert(value.low, source, target) if value.low is not None else None
    high = convert(value.high, source, target) if value.high is not None else None
    return replace(value, low=low, high=high)


def _shift(value: Value, by: Decimal) -> Value:
    return replace(value, low=None if value.low is None else value.low + by,
                   high=None if value.high is None else value.high + by)
