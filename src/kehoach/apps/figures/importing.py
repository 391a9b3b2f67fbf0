"""Importing published figures from a CSV or XLSX table (``kehoach actuals import FILE``).

The table has the columns of ``sample_data/haiphong-2025-figures.csv`` (header row first; order
free; ``indicator``, ``period`` and ``value`` required, the others optional):

    indicator, period, value, qualifier, unit, comparison, scope, source, published

Every row is checked before anything is stored; each problem is reported as
``FILE:LINE: column NAME: found ..., expected ...``. Then all rows are recorded in one
transaction through :func:`kehoach.apps.figures.services.record_figure`, so a re-import of the
same file changes nothing and a changed value becomes a new version. With problems, nothing is
stored unless ``skip_invalid`` is set, in which case the valid rows are stored and the invalid
lines listed.

How a row is read:

* indicator: a stored indicator's key, name or alias (case and diacritics ignored); a
  ``parent - sub`` name is the sub-indicator of that parent; otherwise the importer's own rules
  (the catalogue's patterns, then word similarity), applied to the stored indicators.
* period: a code ``FigurePeriod.parse`` reads, kept as published (``2025-YTD-04``,
  ``2025-01-01/2025-04-26``).
* value: a Vietnamese number (``47.873,44``) read by ``parse_value``; a qualifier written in the
  cell (``hơn 8,58``) counts as the qualifier. ``hơn``/``trên`` make the value a lower bound (>).
* unit: converted to the indicator's unit (empty: the indicator's unit).
* comparison: "tăng ... so với cùng kỳ" makes a percentage of an index indicator a growth rate,
  stored as the index (IIP 15,16 → 115,16).
* scope: ``HP cũ``/``HP mới`` (the place's initials, or its name, then cũ/mới) is the place before
  or from 1/7/2025; a place name is that place on the period's last day; a scope label
  ("Hải Phòng (từ 01/07/2025)") is kept; empty is the import's place on the period's last day.
  The import's place is ``--place``, by default the place of the most recently dated document.
* published: ``YYYY-MM-DD``, ``DD/MM/YYYY`` or ``YYYY-MM`` (a month only: its last day, the latest
  day the figure can have been published, so it never counts before it was known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from kehoach.apps.documents.models import Document
from kehoach.apps.figures import bulk, services
from kehoach.apps.figures.checks import falling_series
from kehoach.apps.indicators.matching import IndicatorMatcher, resolve_scope
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.indicators.values import canonical_value
from kehoach.domain import entities as e
from kehoach.domain import tabular
from kehoach.domain.assessment.model import QUALIFIERS, FigurePeriod, FigureStatus
from kehoach.domain.bounds import published_in_bounds, value_problem, year_in_plan
from kehoach.domain.days import parse_day
from kehoach.domain.numbers import format_number, parse_value
from kehoach.domain.text import fold
from kehoach.domain.units import OTHER, IncompatibleUnits, compatible, parse_unit

COLUMNS = ("indicator", "period", "value", "qualifier", "unit", "comparison", "scope", "source", "published")
REQUIRED = ("indicator", "period", "value")
PERIOD_CODES = "YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M, YYYY, YYYY-YTD-MM or YYYY-MM-DD/YYYY-MM-DD"
_LIMIT = Decimal(10) ** 14  # DecimalField(max_digits=20, decimal_places=6)
_QUALIFIER_FOLDED = {fold(q): q for q in QUALIFIERS}
_LEADING_QUALIFIER = re.compile(r"^\s*(\S+)\s+(?=\S)")


# The file as a whole cannot be read (not found, not a table, no header): nothing is imported.
ActualsFileError = tabular.TableError
Problem = tabular.Problem


@dataclass
class FigureRow:
    """One checked row, ready for ``record_figure``."""

    line: int
    indicator: Indicator
    period: str
    scope: str
    comparator: e.Comparator
    low: Decimal | None
    high: Decimal | None
    text: str
    qualifier: str
    unit_text: str
    comparison: str
    source: str
    published: date | None

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.indicator.pk, self.period, self.scope)


@dataclass
class ActualsImport:
    """What an import found and did. ``stored`` is False when nothing was written."""

    file: str
    rows: list[FigureRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    revised: int = 0
    updated: int = 0  # a draft of the same figure completed in place (``--status draft`` only)
    unchanged: int = 0
    stored: bool = False
    dry_run: bool = False
    outcomes: list[tabular.Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a cumulative series that goes down

    @property
    def skipped_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    @property
    def loaded(self) -> int:
        return self.created + self.revised + self.updated + self.unchanged


def import_file(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    status: str = FigureStatus.APPROVED.value,
    place: str | None = None,
    user=None,
) -> ActualsImport:
    """Check every row of the file, then record the figures in one transaction (see the module doc)."""
    name = str(path)
    table = read_table(Path(path))
    report = ActualsImport(file=name, dry_run=dry_run)
    checker = RowChecker(name, place if place is not None else default_place())
    for line, cells in table:
        row = checker.check(line, cells)
        if row is not None:
            report.rows.append(row)
    report.problems = sorted(checker.problems, key=lambda p: (p.line, COLUMNS.index(p.column)))
    if report.problems and not skip_invalid:
        return report
    bad = set(report.skipped_lines)
    entries = [bulk.Entry(row.line, row) for row in report.rows if row.line not in bad]

    def warn(_done) -> None:  # inside the transaction: what the stored series now say
        report.warnings = falling_series({row.indicator.pk for row in report.rows if row.line not in bad})

    for done in bulk.record_all(entries, user=user, status=status, dry_run=dry_run, after=warn):
        row, recorded = done.entry.row, done.recorded
        setattr(report, recorded.action, getattr(report, recorded.action) + 1)
        report.outcomes.append(tabular.Outcome(
            row.line, f"{row.indicator.key} {row.period} [{row.scope}]", recorded.action,
            changes(recorded.previous, recorded.figure) if recorded.action == services.REVISED else (),
        ))
    report.stored = not dry_run
    return report


def changes(previous, figure) -> tuple[tuple[str, str, str], ...]:
    """(column, old, new) of what a new version changes: the value as written and read, the source."""
    found = []
    if any(getattr(previous, f) != getattr(figure, f) for f in ("comparator", "low", "high", "qualifier")) \
            or _value_text(previous) != _value_text(figure):
        found.append(("value", _value_text(previous), _value_text(figure)))
    if previous.source != figure.source:
        found.append(("source", previous.source, figure.source))
    return tuple(found)


def _value_text(figure) -> str:
    written = " ".join(part for part in (figure.qualifier, figure.text) if part)
    number = _plain(figure.low) if figure.low is not None else ""
    if figure.high is not None and figure.high != figure.low:
        number = f"{number}–{_plain(figure.high)}" if number else f"< {_plain(figure.high)}"
    return f"{written} ({number} {figure.indicator.unit})" if number else written


def _plain(number) -> str:
    """A stored number in Vietnamese format without the database's trailing zeros."""
    number = Decimal(number)
    return format_number(number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize())


def plan_years() -> tuple[int, int] | None:
    """The first and last year of the stored documents (None when there is none)."""
    from django.db.models import Max, Min

    found = Document.objects.exclude(date=None).aggregate(first=Min("date"), last=Max("date"))
    if found["first"] is None:
        return None
    return found["first"].year, found["last"].year


def signed_indicators() -> set[str]:
    """The keys of the flow indicators whose figures may be negative (a balance): ``KEHOACH_SIGNED_INDICATORS``."""
    return {k.strip() for k in getattr(settings, "KEHOACH_SIGNED_INDICATORS", "").split(",") if k.strip()}


def default_place() -> str:
    """The place of the most recently dated document ("" when there is none)."""
    document = Document.objects.exclude(place="").order_by("-date", "-pk").first()
    return document.place if document else ""


# Reading ----------------------------------------------------------------------------------------


def read_table(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: text}) of every non-empty data row; the header is line 1 (``kehoach.domain.tabular``)."""
    table = tabular.read_table(path, {c: () for c in COLUMNS}, REQUIRED, number_columns=("value",))
    return [(row.line, row.cells) for row in table.rows]


# Checking ---------------------------------------------------------------------------------------


class RowChecker:
    """Checks rows of the figures table one by one (the workspace's figure form and upload use it too)."""

    def __init__(self, file: str, place: str):
        self.file = file
        self.place = place
        self.matcher = IndicatorMatcher()
        self.problems: list[Problem] = []
        self.seen: dict[tuple, int] = {}

    @cached_property
    def years(self) -> tuple[int, int] | None:
        """``plan_years()``, read once per checker (a file's rows: one query, not one per row)."""
        return plan_years()

    def problem(self, line: int, column: str, found: str, expected: str) -> None:
        self.problems.append(Problem(self.file, line, column, found, expected))

    def check(self, line: int, cells: dict[str, str]) -> FigureRow | None:
        before = len(self.problems)
        qualifier, value, cell_unit = self.value(line, cells["value"], cells["qualifier"])
        unit = cells["unit"] or cell_unit
        indicator = self.indicator(line, cells["indicator"], unit)
        period = self.period(line, cells["period"])
        if cells["unit"] and cell_unit and fold(cells["unit"]) != fold(cell_unit):
            self.problem(line, "value", repr(cells["value"]), f"no unit in the value, or the unit column's {cells['unit']!r}")
        published = self.published(line, cells["published"])
        scope = self.scope(line, cells["scope"], period)
        bounds = None
        if indicator is not None and value is not None:
            bounds = self.canonical(line, indicator, value, unit, cells)
        if len(self.problems) > before or bounds is None or period is None or scope is None:
            return None
        comparator, low, high = bounds
        row = FigureRow(
            line=line, indicator=indicator, period=period.code, scope=scope, comparator=comparator,
            low=low, high=high, text=cells["value"], qualifier=qualifier, unit_text=unit,
            comparison=cells["comparison"], source=cells["source"], published=published,
        )
        if row.key in self.seen:
            self.problem(
                line, "period", repr(period.code),
                f"one row per indicator, period and scope (line {self.seen[row.key]} gives "
                f"{indicator.key} {period.code} [{scope}] already)",
            )
            return None
        self.seen[row.key] = line
        return row

    def indicator(self, line: int, name: str, unit: str) -> Indicator | None:
        if not name:
            self.problem(line, "indicator", "an empty cell", "the name of an indicator")
            return None
        found = self.matcher.match(name, unit)
        if found is None:
            hint = "" if self.matcher.by_key else " (no indicator is stored yet: import the plan documents first)"
            self.problem(
                line, "indicator", repr(name),
                f"the key, name or alias of a stored indicator (a sub-indicator as 'parent - sub'){hint}",
            )
        return found

    def period(self, line: int, code: str) -> FigurePeriod | None:
        try:
            period = FigurePeriod.parse(code)
        except ValueError:
            self.problem(line, "period", repr(code) if code else "an empty cell", f"a period code: {PERIOD_CODES}")
            return None
        years = self.years
        margin = int(getattr(settings, "KEHOACH_PERIOD_MARGIN_YEARS", 5))
        if years is not None and not year_in_plan(period.end.year, years[0], years[1], margin):
            self.problem(line, "period", repr(code),
                         f"a period of the plan's years {years[0]}–{years[1]}, give or take {margin} years")
            return None
        return period

    def value(self, line: int, text: str, qualifier_text: str) -> tuple[str, e.Value | None, str]:
        """(qualifier, value, unit written in the cell after the number) of the value cell."""
        qualifier = ""
        if qualifier_text:
            qualifier = _QUALIFIER_FOLDED.get(fold(qualifier_text), "")
            if not qualifier:
                self.problem(
                    line, "qualifier", repr(qualifier_text), f"one of {', '.join(QUALIFIERS)} or an empty cell"
                )
                return "", None, ""
        number_text = text
        m = _LEADING_QUALIFIER.match(text)
        if m and fold(m.group(1)) in _QUALIFIER_FOLDED:
            written = _QUALIFIER_FOLDED[fold(m.group(1))]
            if qualifier and qualifier != written:
                self.problem(
                    line, "value", repr(text),
                    f"the same qualifier as the qualifier column ({qualifier!r}), or none in the value",
                )
                return "", None, ""
            qualifier, number_text = written, text[m.end():]
        value = parse_value(number_text) if number_text else None
        cell_unit = ""
        written_after = value is not None and value.note and number_text.rstrip().endswith(value.note)
        if written_after and not parse_unit(value.note).dimension.startswith(OTHER):
            cell_unit = value.note  # "15,16%", "1,3 tỷ USD": the unit written with the number
        if value is None or not value.is_number or (value.note and not cell_unit):
            self.problem(
                line, "value", repr(text) if text else "an empty cell",
                "a Vietnamese number such as '47.873,44', '372' or 'hơn 8,58' "
                "('.' groups thousands, ',' is the decimal mark)",
            )
            return qualifier, None, ""
        comparator, low, high = value.comparator, value.low, value.high
        if qualifier in ("hơn", "trên") and comparator == e.Comparator.EQ:
            comparator, high = e.Comparator.GT, None  # "hơn 8,58": more than 8,58
        elif qualifier and comparator not in (e.Comparator.EQ, e.Comparator.RANGE):
            self.problem(line, "value", repr(text), f"a number without a comparator after the qualifier {qualifier!r}")
            return qualifier, None, ""
        return qualifier, e.Value(text=text, comparator=comparator, low=low, high=high), cell_unit

    def canonical(
        self, line: int, indicator: Indicator, value: e.Value, unit: str, cells: dict[str, str]
    ) -> tuple[e.Comparator, Decimal | None, Decimal | None] | None:
        if unit and not compatible(unit, indicator.unit):
            self.problem(
                line, "unit", repr(unit),
                f"a unit of the same quantity as the indicator's unit {indicator.unit!r} ({indicator.key})",
            )
            return None
        try:
            comparator, low, high = canonical_value(
                indicator, value.comparator, value.low, value.high, unit, cells["comparison"]
            )
        except IncompatibleUnits:
            self.problem(line, "unit", repr(unit), f"a unit convertible to {indicator.unit!r}")
            return None
        if any(x is not None and abs(x) >= _LIMIT for x in (low, high)):
            self.problem(line, "value", repr(cells["value"]), f"a number below 10^14 {indicator.unit}")
            return None
        problem = value_problem(indicator.kind, low, high, may_be_negative=indicator.key in signed_indicators())
        if problem is not None:
            self.problem(line, "value", repr(cells["value"]), f"{problem} ({indicator.key})")
            return None
        return comparator, low, high

    def published(self, line: int, text: str) -> date | None:
        if not text:
            return None
        found = parse_day(text, month_end=True)
        if found is None:
            self.problem(line, "published", repr(text), "a date: YYYY-MM-DD, DD/MM/YYYY or YYYY-MM")
        elif not published_in_bounds(found, timezone.localdate()):
            self.problem(line, "published", repr(text), "a publication date from 1900 to tomorrow")
            return None
        return found

    def scope(self, line: int, text: str, period: FigurePeriod | None) -> str | None:
        found = resolve_scope(text, self.place, period.end if period else None)
        if found is None:
            if not text:
                self.problem(
                    line, "scope", "an empty cell and no place",
                    "a scope ('HP cũ', 'HP mới', a place) or a place for the import (--place, or an imported document)",
                )
            else:
                self.problem(
                    line, "scope", repr(text),
                    "'<place> cũ' or '<place> mới' (the place's name or initials: 'HP cũ'), a place name, "
                    "a scope label such as 'Hải Phòng (từ 01/07/2025)', or an empty cell",
                )
        return found


def describe(report: ActualsImport) -> str:
    """One line: what the import did (or would do)."""
    verb = "would be" if report.dry_run else "were"
    updated = f"{report.updated} draft(s) completed, " if report.updated else ""
    return "\n".join([
        *report.warnings,
        f"{report.file}: {report.loaded} figure(s) {verb} loaded: {report.created} new, "
        f"{report.revised} revised (new version), {updated}{report.unchanged} unchanged",
    ])

