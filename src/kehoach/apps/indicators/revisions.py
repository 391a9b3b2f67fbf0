"""Plans that change: targets and scenario values revised from a table (``kehoach targets import FILE``).

The format is documented in ``src/kehoach/apps/indicators/README.md``. Every row is checked
before anything is stored; each problem is reported as ``FILE:LINE: column NAME: found ...,
expected ...``. Then all rows are stored in one transaction.

A revision is kept as its own row, never written over the one it revises: a year target is a
:class:`~kehoach.apps.indicators.models.Target`, a scenario value a
:class:`~kehoach.apps.indicators.models.ScenarioValue`, each linked to the document or published
source that set it (a :class:`~kehoach.apps.documents.models.Document` of kind "Nguồn công bố"
for a web page, dated the day it was issued). The one in force for (indicator, year, basis,
scope) on a date is the one of the latest-dated source issued by then
(``kehoach.domain.assessment.plans``); the earlier ones stay, marked ``superseded_by`` the latest,
and show in the indicator's target history with their source. Who made the change and with which
command is in the history (``kehoach.apps.history``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from kehoach.apps.documents.models import Document
from kehoach.apps.indicators.matching import IndicatorMatcher, resolve_scope
from kehoach.apps.indicators.models import Indicator, ScenarioValue, Target, Territory
from kehoach.apps.indicators.supersession import update_supersession
from kehoach.apps.indicators.values import canonical_value
from kehoach.domain import entities as e
from kehoach.domain import tabular
from kehoach.domain.assessment.model import FigurePeriod
from kehoach.domain.assessment.plans import BASIS_LABELS
from kehoach.domain.numbers import format_number, parse_value
from kehoach.domain.periods import last_day
from kehoach.domain.text import fold
from kehoach.domain.units import IncompatibleUnits, compatible

COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("chỉ tiêu",),
    "period": ("year", "kỳ", "năm"),
    "value": ("giá trị",),
    "unit": ("đơn vị", "đơn vị tính"),
    "scope": ("phạm vi",),
    "basis": ("căn cứ", "loại chỉ tiêu"),
    "set_by": ("cơ quan giao", "set by"),
    "document": ("văn bản",),
    "source": ("nguồn",),
    "issued": ("published", "ngày ban hành", "ngày công bố"),
}
REQUIRED = ("indicator", "period", "value", "scope", ("document", "source"))
SOURCE_KIND = "Nguồn công bố"
_DOCUMENT_NUMBER = re.compile(r"^\s*(?:[A-Za-zÀ-ỹĐđ ]+\s+)?(?:số\s+)?(\d+[\w/.-]*/[\w/.-]+)", re.IGNORECASE)

# Who set a target and as what, from the words of the basis cell (folded, first match wins).
_BASIS_WORDS: tuple[tuple[tuple[str, ...], e.TargetBasis], ...] = (
    (("hdnd", "hoi dong nhan dan", "nghi quyet hdnd"), e.TargetBasis.COUNCIL),
    (("phan dau",), e.TargetBasis.STRETCH),
    (("trung uong giao", "chinh phu giao", "thu tuong", "quoc hoi giao", "bo tai chinh giao"), e.TargetBasis.CENTRAL),
    (("ke hoach", "muc tieu", "ubnd"), e.TargetBasis.STRETCH),
)
BASIS_EXPECTED = (
    "who set the target and as what: 'dự toán Trung ương giao' / 'chỉ tiêu Chính phủ giao' / 'Thủ tướng', "
    "'dự toán HĐND giao' / 'Nghị quyết HĐND', 'chỉ tiêu phấn đấu' / 'kế hoạch của thành phố', "
    "or a code: trung_uong_giao, hdnd_giao, phan_dau"
)


@dataclass
class RevisionRow:
    line: int
    indicator: Indicator
    period: FigurePeriod
    value: e.Value
    comparator: e.Comparator
    low: Decimal | None
    high: Decimal | None
    unit: str
    scope: str
    basis: e.TargetBasis
    basis_text: str
    set_by: str
    document: str
    source: str
    issued: date | None

    @property
    def is_year(self) -> bool:
        return self.period.code == str(self.period.year)

    @property
    def label(self) -> str:
        what = f"{self.indicator.key} {self.period.code}"
        return f"{what} [{self.scope}, {BASIS_LABELS[self.basis]}]" if self.is_year else f"{what} [{self.scope}]"


@dataclass
class RevisionImport:
    file: str
    rows: list[RevisionRow] = field(default_factory=list)
    problems: list[tabular.Problem] = field(default_factory=list)
    created: int = 0
    revised: int = 0
    unchanged: int = 0
    stored: bool = False
    dry_run: bool = False
    outcomes: list[tabular.Outcome] = field(default_factory=list)

    @property
    def skipped_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


TargetsFileError = tabular.TableError


def basis_of(text: str) -> e.TargetBasis | None:
    folded = fold(text).strip()
    for basis in e.TargetBasis:
        if folded == basis.value:
            return basis
    for words, basis in _BASIS_WORDS:
        if any(w in folded for w in words):
            return basis
    return None


def parse_issued(text: str) -> date | None:
    """An issue date: ISO, day-first, or a month only ("2026-01", "7/2025"): its LAST day. A month says
    the value was published by the end of that month, not on its first day: a revision read as in force
    from the 1st could rate a report of that month on a value nobody had seen yet. (A scope's first
    target stands for its whole year whatever its date: ``domain.assessment.plans.targets_in_force``.)"""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        year, month = (int(m[1]), int(m[2])) if len(m[1]) == 4 else (int(m[2]), int(m[1]))
        if 1 <= month <= 12:
            return last_day(year, month)
    return None


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.matcher = IndicatorMatcher()
        self.problems: list[tabular.Problem] = []
        self.seen: dict[tuple, int] = {}

    def problem(self, line: int, column: str, found: str, expected: str) -> None:
        self.problems.append(tabular.Problem(self.file, line, column, found, expected))

    def check(self, line: int, cells: dict[str, str]) -> RevisionRow | None:
        before = len(self.problems)
        unit, comparison = _unit_and_comparison(cells["unit"])
        indicator = None
        if not cells["indicator"]:
            self.problem(line, "indicator", "an empty cell", "the name of an indicator")
        else:
            indicator = self.matcher.match(cells["indicator"], unit)
            if indicator is None:
                self.problem(line, "indicator", repr(cells["indicator"]),
                             "the key, name or alias of a stored indicator (import the plan documents first)")
        period = None
        try:
            period = FigurePeriod.parse(cells["period"])
            if not period.month_aligned:
                raise ValueError
        except ValueError:
            period = None
            self.problem(line, "period", repr(cells["period"]) if cells["period"] else "an empty cell",
                         "a year ('2025': the year target) or a period of the scenario ('2025-Q3', '2025-07', "
                         "'2025-H1', '2025-9M')")
        value = parse_value(cells["value"]) if cells["value"] else None
        if value is None or not value.is_number:
            self.problem(line, "value", repr(cells["value"]) if cells["value"] else "an empty cell",
                         "the value as printed: '12,35', '13-13,5', '1.741-1.765', '≥ 10', '> 10.000'")
            value = None
        scope = resolve_scope(cells["scope"], "", period.end if period else None) if cells["scope"] else None
        if scope is None:
            self.problem(line, "scope", repr(cells["scope"]) if cells["scope"] else "an empty cell",
                         "'HP cũ', 'HP mới', a place name or a scope label such as 'Hải Dương (trước 01/07/2025)'")
        year_target = period is not None and period.code == str(period.year)
        basis = basis_of(cells["basis"]) if cells["basis"] else None
        if basis is None and year_target:
            self.problem(line, "basis", repr(cells["basis"]) if cells["basis"] else "an empty cell", BASIS_EXPECTED)
        elif not year_target:
            basis = e.TargetBasis.STRETCH  # a scenario value has no basis of its own; the cell is kept as written
        issued = None
        if cells["issued"]:
            issued = parse_issued(cells["issued"])
            if issued is None:
                self.problem(line, "issued", repr(cells["issued"]), "a date: YYYY-MM-DD, DD/MM/YYYY or YYYY-MM")
        elif not _existing_document(cells["document"]):
            self.problem(line, "issued", "an empty cell",
                         "the day the target was issued or published (or a stored document in column document)")
        bounds = None
        if indicator is not None and value is not None:
            if unit and not compatible(unit, indicator.unit):
                self.problem(line, "unit", repr(cells["unit"]),
                             f"a unit of the same quantity as the indicator's unit {indicator.unit!r}")
            else:
                try:
                    bounds = canonical_value(
                        indicator, value.comparator, value.low, value.high, unit, comparison)
                except IncompatibleUnits:
                    self.problem(line, "unit", repr(cells["unit"]), f"a unit convertible to {indicator.unit!r}")
        if scope is not None and period is not None and not year_target:
            territory = Territory.objects.filter(name=scope).first()
            if territory is not None and not territory.exists_during(period.start, period.end):
                self.problem(line, "scope", repr(cells["scope"]),
                             f"a territory that existed during {period.code} ({scope} existed "
                             f"{_validity(territory)})")
        if len(self.problems) > before or bounds is None:
            return None
        row = RevisionRow(
            line=line, indicator=indicator, period=period, value=value, comparator=bounds[0], low=bounds[1],
            high=bounds[2], unit=cells["unit"], scope=scope, basis=basis, basis_text=cells["basis"],
            set_by=cells["set_by"], document=cells["document"], source=cells["source"], issued=issued,
        )
        key = (indicator.pk, period.code, scope, basis if row.is_year else None, row.document or row.source)
        if key in self.seen:
            self.problem(line, "period", repr(period.code),
                         f"one row per indicator, period, scope, basis and source (line {self.seen[key]} "
                         "gives it already)")
            return None
        self.seen[key] = line
        return row


def _validity(territory: Territory) -> str:
    start = f"from {territory.valid_from:%d/%m/%Y}" if territory.valid_from else ""
    end = f"to {territory.valid_to:%d/%m/%Y}" if territory.valid_to else ""
    return " ".join(p for p in (start, end) if p) or "always"


def _unit_and_comparison(text: str) -> tuple[str, str]:
    """"% tăng so với cùng kỳ" -> ("%", "tăng so với cùng kỳ"): a growth rate's unit and what it compares."""
    text = " ".join(text.split())
    if text.startswith("%"):
        return "%", text[1:].strip()
    return text, ""


def _existing_document(cell: str) -> Document | None:
    number = _document_number(cell)
    return Document.objects.filter(number=number).first() if number else None


def _document_number(cell: str) -> str:
    m = _DOCUMENT_NUMBER.match(cell or "")
    return m.group(1) if m else ""


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    table = tabular.read_table(path, COLUMNS, REQUIRED, number_columns=("value",))
    return [(row.line, row.cells) for row in table.rows]


def import_file(path: str | Path, *, skip_invalid: bool = False, dry_run: bool = False, **_) -> RevisionImport:
    """Check every row, then store the revisions in one transaction (see the module docstring)."""
    name = str(path)
    report = RevisionImport(file=name, dry_run=dry_run)
    checker = _Checker(name)
    for line, cells in read_rows(Path(path)):
        row = checker.check(line, cells)
        if row is not None:
            report.rows.append(row)
    order = list(COLUMNS)
    report.problems = sorted(checker.problems, key=lambda p: (p.line, order.index(p.column)))
    if report.problems and not skip_invalid:
        return report
    bad = set(report.skipped_lines)
    with transaction.atomic():
        for row in report.rows:
            if row.line in bad:
                continue
            action, changes = _store(row)
            setattr(report, action, getattr(report, action) + 1)
            report.outcomes.append(tabular.Outcome(row.line, row.label, action, changes))
        update_supersession()
        if dry_run:
            transaction.set_rollback(True)
    report.stored = not dry_run
    return report


def _source_document(row: RevisionRow) -> Document:
    """The document a revision comes from: a stored one named in ``document``, else one for its source."""
    number = _document_number(row.document)
    if number:
        found = Document.objects.filter(number=number).first()
        if found is not None:
            return found
    title = row.document or row.basis_text
    defaults = {"kind": "Văn bản" if number else SOURCE_KIND, "issuer": row.set_by[:300], "date": row.issued,
                "title": title, "imported_at": timezone.now(), "scope": row.scope}
    if number:
        document, _ = Document.objects.get_or_create(number=number, defaults=defaults)
    else:
        document, _ = Document.objects.get_or_create(number="", file_name=(row.source or row.document)[:255],
                                                     defaults=defaults)
    return document


def _store(row: RevisionRow) -> tuple[str, tuple]:
    document = _source_document(row)
    fields = {"comparator": row.comparator.value, "low": row.low, "high": row.high, "text": row.value.text}
    if row.is_year:
        in_force = (Target.objects.filter(indicator=row.indicator, year=row.period.year, basis=row.basis.value,
                                          scope=row.scope, superseded_by__isnull=True)
                    .exclude(document=document).first())
        note = "; ".join(p for p in (row.basis_text, row.set_by and f"giao bởi {row.set_by}",
                                     row.source if row.document else "") if p)
        stored, created = Target.objects.get_or_create(
            indicator=row.indicator, year=row.period.year, basis=row.basis.value, scope=row.scope,
            document=document, defaults={**fields, "note": note, "source_unit": row.unit})
    else:
        in_force = (ScenarioValue.objects.filter(indicator=row.indicator, period=row.period.code, scope=row.scope)
                    .exclude(document=document).order_by("-document__date").first())
        stored, created = ScenarioValue.objects.get_or_create(
            indicator=row.indicator, period=row.period.code, document=document,
            defaults={**fields, "scope": row.scope})
    if created:
        if in_force is not None:
            return "revised", (("value", _shown(in_force), _shown(stored)),)
        return "created", ()
    if all(getattr(stored, k) == v or (k in ("low", "high") and _same(getattr(stored, k), v))
           for k, v in fields.items()):
        return "unchanged", ()
    before = _shown(stored)
    for k, v in fields.items():
        setattr(stored, k, v)
    stored.save()
    return "revised", (("value", before, _shown(stored)),)


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and Decimal(a) == Decimal(b))


def _shown(plan_value) -> str:
    number = plan_value.low if plan_value.low is not None else plan_value.high
    where = plan_value.document.number or plan_value.document.file_name
    if number is None:
        return f"{plan_value.text} ({where})"
    number = Decimal(number)
    plain = format_number(number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize())
    return f"{plan_value.text} = {plain} {plan_value.indicator.unit} ({where})"


def describe(report: RevisionImport) -> str:
    verb = "would be" if report.dry_run else "were"
    loaded = report.created + report.revised + report.unchanged
    return (f"{report.file}: {loaded} target(s) and scenario value(s) {verb} loaded: {report.created} new, "
            f"{report.revised} revised (the previous value kept), {report.unchanged} unchanged")


# One revision entered on the web (the indicator page, Sở Tài chính) ------------------------------

WEB_EXPECTED = {
    "indicator": "một chỉ tiêu đã lưu",
    "period": "năm (2025: chỉ tiêu năm) hoặc kỳ của kịch bản (2025-Q3, 2025-07, 2025-H1, 2025-9M)",
    "value": "giá trị như văn bản ghi: 12,35; 13-13,5; 1.741-1.765; ≥ 10",
    "unit": "đơn vị cùng loại với đơn vị của chỉ tiêu",
    "scope": "HP cũ, HP mới, tên địa phương hoặc nhãn phạm vi như “Hải Dương (trước 01/07/2025)”",
    "basis": "căn cứ: dự toán/chỉ tiêu Trung ương giao, HĐND giao, chỉ tiêu phấn đấu",
    "issued": "ngày ban hành dd/mm/yyyy",
    "document": "số văn bản hoặc nguồn công bố",
    "source": "số văn bản hoặc nguồn công bố",
}


def revise_one(indicator: Indicator, cells: dict[str, str]) -> tuple[str, list[str]]:
    """Check and store one revision of ``indicator`` in one transaction: (outcome, problems in Vietnamese).

    The same rules as a table row; nothing stored when there is a problem.
    """
    row_cells = {column: (cells.get(column) or "").strip() for column in COLUMNS}
    row_cells["indicator"] = indicator.key
    if not row_cells["document"] and not row_cells["source"]:
        return "", [f"Văn bản hoặc nguồn: cần {WEB_EXPECTED['document']}"]
    checker = _Checker("web")
    row = checker.check(1, row_cells)
    if row is None:
        return "", [f"{column_label(p.column)}: không đọc được {p.found}; cần {WEB_EXPECTED.get(p.column, '')}"
                    for p in checker.problems]
    with transaction.atomic():
        action, _changes = _store(row)
        update_supersession()
    return action, []


def column_label(column: str) -> str:
    return {"indicator": "Chỉ tiêu", "period": "Kỳ", "value": "Giá trị", "unit": "Đơn vị", "scope": "Phạm vi",
            "basis": "Căn cứ", "issued": "Ngày ban hành", "document": "Văn bản", "source": "Nguồn",
            "set_by": "Cơ quan giao"}.get(column, column)
