"""Indicator tables that give targets and reported figures by year ("Bảng so sánh các chỉ tiêu":
2024 target, 2024 estimate, national 2024 estimate, 2025 target, national 2025 target).

Each value column is read from its header words: a target ("Mục tiêu", "Kế hoạch", "Chỉ tiêu",
"Dự toán ... giao") or a reported figure ("Ước thực hiện", "Thực hiện"), for the city or the
whole country ("cả nước"), for the year its header names.
"""

from __future__ import annotations

import re

from kehoach.domain.entities import ReportedFigure, Target
from kehoach.domain.importer.columns import Column, by_role
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
    for column in values:
        if column.year is None:
            raise ImportFailure(f"column {column.index + 1} ({column.text!r}) names no year", ctx.at(table.line,
                                column.index + 1), expected="a year in the column header ('Năm 2024', 'năm 2025')")
    key = roles.get("key", 0)
    rows = join_continuations(table.rows, key)
    targets: list[Target] = []
    figures: list[ReportedFigure] = []
    basis_default = default_basis(ctx.document)
    for item in indicator_rows(rows, key, roles["name"], roles.get("unit"), ctx):
        for column in values:
            cell = item.row.cell(column.index)
            value = read_value(cell, item, ctx, column.index) if cell else None
            if value is None:
                continue
            scope = NATIONAL if column.national else ctx.document.scope
            where = ctx.at(item.row.line, column.index + 1)
            if column.estimate:
                qualifier = "ước" if re.search(r"\buoc\b", fold(column.text)) else ""
                figures.append(ReportedFigure(item.indicator.key, str(column.year), value, qualifier,
                                              ctx.document.key, scope, item.unit, where))
            else:
                targets.append(Target(item.indicator.key, column.year, value, ctx.document.key,
                                      basis_from_words(column.text) or basis_default, scope, item.unit, where))
    return targets, figures
