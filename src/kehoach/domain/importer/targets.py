"""Indicator tables that give targets and reported figures by year ("Bảng so sánh các chỉ tiêu":
2024 target, 2024 estimate, national 2024 estimate, 2025 target, national 2025 target).

Each value column is read from its header words: a target ("Mục tiêu", "Kế hoạch", "Chỉ tiêu",
"Dự toán ... giao") or a reported figure ("Ước thực hiện", "Thực hiện"), for the city or the
whole country ("cả nước"), for the year its header names.
"""

from __future__ import annotations

import re

from kehoach.domain.entities import ReportedFigure, Target
from kehoach.domain.importer.columns import Column, by_role, roman_value
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.indicator_rows import indicator_rows, read_value
from kehoach.domain.importer.metadata import basis_from_words, default_basis
from kehoach.domain.importer.reader import Table, join_continuations
from kehoach.domain.territories import NATIONAL
from kehoach.domain.text import fold


def parse_target_table(table: Table, columns: list[Column], ctx: Context) -> tuple[list[Target], list[ReportedFigure]]:
    roles = by_role(columns)
    values = [c for c in columns if (c.target or c.estimate) and c.role is None]
    fallback = table_year(table, ctx)
    lead = roles.get("lead", roles.get("monitoring"))
    warned_year = False
    key = roles.get("key", 0)
    rows = join_continuations(table.rows, key)
    targets: list[Target] = []
    figures: list[ReportedFigure] = []
    basis_default = default_basis(ctx.document)
    for item in indicator_rows(rows, key, roles["name"], roles.get("unit"), ctx):
        if lead is not None and item.row.cell(lead):  # the agency cell as written, and the agencies it names
            item.indicator.lead_text = item.indicator.lead_text or item.row.cell(lead)
            for agency in ctx.directories.agencies.resolve_cell(item.row.cell(lead)):
                if agency not in item.indicator.monitoring_agencies:
                    item.indicator.monitoring_agencies.append(agency)
        for column in values:
            cell = item.row.cell(column.index)
            value = read_value(cell, item, ctx, column.index) if cell else None
            if value is None:
                continue
            year = column.year or item.year or fallback
            if year is None:
                raise ImportFailure(f"column {column.index + 1} ({column.text!r}) names no year and neither does a "
                                    "group row, the table's title or the document", ctx.at(table.line, column.index + 1),
                                    expected="a year in the column header ('Năm 2024', 'năm 2025')")
            if not column.year and not item.year and not warned_year:
                warned_year = True
                ctx.warn("table-year", f"columns without a year are read as {fallback}, the year of the table's title "
                         "or of the document", table.line)
            scope = NATIONAL if column.national else ctx.document.scope
            where = ctx.at(item.row.line, column.index + 1)
            if column.estimate:
                qualifier = "ước" if re.search(r"\buoc\b", fold(column.text)) else ""
                figures.append(ReportedFigure(item.indicator.key, figure_period(column, year), value, qualifier,
                                              ctx.document.key, scope, item.unit, where))
            else:
                targets.append(Target(item.indicator.key, year, value, ctx.document.key,
                                      basis_from_words(column.text) or basis_default, scope, item.unit, where))
    return targets, figures


_PERIOD_WORDS = (
    (re.compile(r"\b(6|sau) thang cuoi nam\b"), "{y}-H2"),
    (re.compile(r"\b(6|sau) thang\b"), "{y}-H1"),
    (re.compile(r"\b(9|chin) thang\b"), "{y}-9M"),
    (re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b"), "quarter"),
    (re.compile(r"\bthang (\d{1,2})\b"), "month"),
)


def figure_period(column: Column, year: int) -> str:
    """The period a reported-figure column covers: "Ước thực hiện 6 tháng" -> 2025-H1; the year
    when the header names no shorter period."""
    own = fold(column.labels[-1])
    for pattern, code in _PERIOD_WORDS:
        m = pattern.search(own)
        if not m:
            continue
        if code == "quarter":
            token = m.group(1)
            return f"{year}-Q{int(token) if token.isdigit() else roman_value(token)}"
        if code == "month":
            month = int(m.group(1))
            if 1 <= month <= 12:
                return f"{year}-{month:02d}"
            continue
        return code.format(y=year)
    return str(year)


def table_year(table: Table, ctx: Context) -> int | None:
    """The year a table is about: from its title, else the document's title, else its date."""
    for text in [*reversed(table.caption), ctx.document.title]:
        if m := re.search(r"năm (\d{4})", text, re.IGNORECASE):
            return int(m.group(1))
    return ctx.document.date.year if ctx.document.date else None
