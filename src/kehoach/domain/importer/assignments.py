"""Indicator assignment tables: an indicator per row with the agency that leads it and the target
written inside the sentence ("TT · Chỉ tiêu · Chủ trì": "Tỷ lệ doanh nghiệp … đạt tối thiểu 40%").

The target is the value after "đến năm YYYY" when the sentence names a year, else the first value
with a comparator word (đạt, tối thiểu, ít nhất, trên…) or a percent sign, else the first number;
its year the sentence's, else the one the table's title reaches ("đến năm 2030"), else the
document's. A sentence with no number gives the indicator without a target, and a warning.
A group row is a Roman numeral in the number column or at the start of the title ("I. Kinh tế số").
"""

from __future__ import annotations

import re

from kehoach.domain.entities import Target
from kehoach.domain.importer.columns import Column, by_role, roman_value
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.metadata import default_basis
from kehoach.domain.importer.reader import Table, join_continuations
from kehoach.domain.importer.targets import table_year
from kehoach.domain.numbers import parse_value

_GROUP_IN_TITLE = re.compile(r"^([IVXL]{1,6})\s*[.:)]\s*\S")
_UNTIL = re.compile(r"(?:đến|tới|trước)\s+năm\s+(\d{4})", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?P<lead>(?:(?:đạt|chiếm|là)\s+)?(?:(?:tối thiểu|ít nhất|trên|dưới|tối đa|không quá|không dưới|hơn)\s+)?)"
    r"(?P<num>\d+(?:[.,]\d+)*)\s*(?P<pct>%)?", re.IGNORECASE)


def parse_assignment_table(table: Table, columns: list[Column], ctx: Context) -> list[Target]:
    roles = by_role(columns)
    key, name = roles.get("key", 0), roles["name"]
    lead = roles.get("lead", roles.get("monitoring"))
    horizon = _horizon(table, ctx)
    registry = ctx.directories.indicators
    targets: list[Target] = []
    basis = default_basis(ctx.document)
    for row in join_continuations(table.rows, key):
        code, text = row.cell(key).strip(), row.cell(name)
        if not text and _GROUP_IN_TITLE.match(code):  # a group row written as one cell, in the number column
            ctx.took(row, "group")
            continue
        if not text:
            continue
        if (code and roman_value(code) and re.fullmatch(r"[IVXL]+\.?", code)) or (not code and _GROUP_IN_TITLE.match(text)):
            ctx.took(row, "group")
            continue
        indicator = registry.match(text, "", None)
        if lead is not None and row.cell(lead):
            indicator.lead_text = indicator.lead_text or row.cell(lead)  # as written; canonical names below
            for agency in ctx.directories.agencies.resolve_cell(row.cell(lead)):
                if agency not in indicator.monitoring_agencies:
                    indicator.monitoring_agencies.append(agency)
        ctx.took(row, "read")
        value, year = _target_in(text, horizon)
        if value is None or year is None:
            ctx.warn("target-not-found", f"indicator {code or '-'}: no target value found in {text[:80]!r}; "
                     "the indicator is kept without a target", row.line, name + 1)
            continue
        targets.append(Target(indicator.key, year, value, ctx.document.key, basis, ctx.document.scope, "",
                              ctx.at(row.line, name + 1)))
    return targets


def _horizon(table: Table, ctx: Context) -> int | None:
    for text in [*reversed(table.caption), ctx.document.title]:
        if m := _UNTIL.search(text or ""):
            return int(m.group(1))
    return table_year(table, ctx)


def _target_in(text: str, horizon: int | None):
    year = horizon
    rest = text
    if m := _UNTIL.search(text):
        year, rest = int(m.group(1)), text[m.end():]
    matches = [m for m in _NUMBER.finditer(rest) if not re.fullmatch(r"(19|20)\d{2}", m.group("num"))]
    if not matches:
        return None, year
    chosen = next((m for m in matches if m.group("pct") or m.group("lead").strip()), matches[0])
    written = re.sub(r"^(chiếm|là)\s+", "", chosen.group(0).strip(), flags=re.IGNORECASE)
    value = parse_value(written)
    return value, year
