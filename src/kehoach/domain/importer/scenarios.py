"""Trajectory tables ("Kịch bản tăng trưởng theo tháng, quý"): each indicator's planned value per
month, quarter, 6 months, 9 months and year, and its annual plan.

Merged cells lost in conversion can shift a row's values into the wrong columns (the GRDP row of
86/KH-UBND: six quarterly values one column to the left). A value standing in a column whose
period the indicator is not published for ("Kỳ công bố") is a sign of that: when the row holds
exactly as many values as it has publishable columns, they are placed in order into those
columns, with a warning. A row with more values than that (a monthly trajectory for an indicator
published quarterly) is taken as written.
"""

from __future__ import annotations

from kehoach.domain.entities import ScenarioValue, Target
from kehoach.domain.importer.columns import Column, by_role, derivable, parse_publication, period_of
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.indicator_rows import IndicatorRow, indicator_rows, read_value
from kehoach.domain.importer.metadata import basis_from_words, default_basis
from kehoach.domain.importer.reader import Table, join_continuations
from kehoach.domain.importer.targets import table_year

PERIOD_NAMES = {"month": "tháng", "quarter": "quý", "h1": "6 tháng", "h2": "6 tháng cuối năm", "9m": "9 tháng",
                "year": "năm"}


def parse_scenario_table(table: Table, columns: list[Column], ctx: Context) -> tuple[list[ScenarioValue], list[Target]]:
    roles = by_role(columns)
    if "name" not in roles:
        raise ImportFailure("the trajectory table has no indicator column", ctx.at(table.line),
                            expected="a column such as 'Chỉ tiêu'")
    year = _year(table, columns, ctx)
    periods = [c for c in columns if c.period_kind]
    plans = [c for c in columns if c.target and not c.period_kind and c.role is None]
    key = roles.get("key", 0)
    rows = join_continuations(table.rows, key)
    scenarios: list[ScenarioValue] = []
    targets: list[Target] = []
    for item in indicator_rows(rows, key, roles["name"], roles.get("unit"), ctx):
        _read_row_header(item, roles, ctx)
        for plan in plans:
            cell = item.row.cell(plan.index)
            value = read_value(cell, item, ctx, plan.index) if cell else None
            if value is None:
                continue
            targets.append(Target(
                indicator=item.indicator.key, year=plan.year or year, value=value, document=ctx.document.key,
                basis=basis_from_words(plan.text) or default_basis(ctx.document), scope=ctx.document.scope,
                source_unit=item.unit, location=ctx.at(item.row.line, plan.index + 1),
            ))
            if not any(c.period_kind == "year" for c in periods):
                scenarios.append(ScenarioValue(item.indicator.key, str(plan.year or year), value,
                                               ctx.document.key, ctx.document.scope,
                                               ctx.at(item.row.line, plan.index + 1)))
        for column, cell in _placed(item, periods, ctx):
            value = read_value(cell, item, ctx, column.index)
            if value is None:
                continue
            scenarios.append(ScenarioValue(item.indicator.key, str(period_of(column, year)), value,
                                           ctx.document.key, ctx.document.scope, ctx.at(item.row.line, column.index + 1)))
    return scenarios, targets


def _read_row_header(item: IndicatorRow, roles: dict[str, int], ctx: Context) -> None:
    indicator = item.indicator
    monitoring = item.row.cell(roles.get("monitoring", roles.get("lead")))
    if monitoring:
        for name in ctx.directories.agencies.resolve_cell(monitoring):
            if name not in indicator.monitoring_agencies:
                indicator.monitoring_agencies.append(name)
    publication = item.row.cell(roles.get("publication"))
    if publication:
        kinds = parse_publication(publication)
        if kinds is None:
            ctx.warn("publication-unknown", f"{item.name}: publication periods {publication!r} not understood",
                     item.row.line, roles["publication"] + 1)
        else:
            indicator.publication, indicator.publication_text = kinds, publication


def _placed(item: IndicatorRow, periods: list[Column], ctx: Context) -> list[tuple[Column, str]]:
    """The row's period values in the columns they belong to."""
    filled = [(c, item.row.cell(c.index)) for c in periods if item.row.cell(c.index)]
    published = item.indicator.publication
    if not published:
        return filled
    allowed = [c for c in periods if derivable(c.period_kind, published)]
    misplaced = [(c, v) for c, v in filled if c not in allowed]
    if not misplaced:
        return filled
    if len(filled) != len(allowed):
        # more values than published periods (a monthly trajectory for a quarterly indicator):
        # they are where the table puts them, nothing to repair
        return filled
    placed = list(zip(allowed, (v for _, v in filled), strict=True))
    ctx.warn("scenario-shifted",
             f"{item.name}: values stand in columns of periods it is not published for "
             f"({item.indicator.publication_text}); placed in order into "
             f"{', '.join(c.labels[-1] for c in allowed)}", item.row.line)
    return placed


def _year(table: Table, columns: list[Column], ctx: Context) -> int:
    for column in columns:
        if column.period_kind and column.year:
            return column.year
    year = table_year(table, ctx)
    if year is None:
        raise ImportFailure("the year of the trajectory table cannot be determined", ctx.at(table.line),
                            expected="a year in the header or title ('năm 2025')")
    return year
