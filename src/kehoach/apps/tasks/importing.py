"""Importing task progress from a CSV or XLSX table (``kehoach progress import FILE``).

The format is in ``src/kehoach/apps/tasks/README.md``. In short: a header row, then one progress
update per row; columns (order free, Vietnamese or English names, case and diacritics ignored):

    task | number [+ document], agency, on, status, percent, note, evidence, cause, difficulties,
    proposals, completed_on

The file is read by :mod:`kehoach.domain.tabular`. Every row is checked first (the task exists;
the agency is one of its lead agencies; the date is a day no later than today; the status one the
model knows; the values pass ``TaskProgress.full_clean``); each problem is reported as
``FILE:LINE: column NAME: found ..., expected ...``. Then the rows are recorded in ONE transaction
through :mod:`kehoach.apps.tasks.services` (``record_progress``, ``submit_progress``), each row in
a savepoint: a row the services refuse (an overdue task without its explanation) is a problem of
that row. With any problem nothing is stored, unless ``skip_invalid``.

Natural key: a row is the update of its task on its date (``on``), about the whole task (no
milestone, no occurrence). The key's current update is the latest entered for that task and day.
Against it a row is

* ``unchanged`` when every imported field is equal and its workflow is at least the one asked
  (a submitted or approved update is never taken back to draft);
* ``revised`` otherwise: a draft is changed in place (it is the agency's own until submitted); a
  submitted or approved update is kept and a new update of the same day is recorded (a correction
  is a new version, as for figures);
* ``created`` when the task has no update on that day.

So the same file imported twice changes nothing.

The overdue rule of the web (``services.submit_progress``) applies to every submitted row, as of
the row's own date: an update of a task that is quá hạn or sắp đến hạn on that day must give its
causes, difficulties and proposals. Imported as ``--status draft``, no explanation is needed yet:
it is asked when the draft is submitted (on the web), as for a draft entered in the workspace.

The dry run runs the same code in a transaction that is rolled back, so its report is exactly
what the real import does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from kehoach.apps.organisations.models import Agency
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import Task, TaskProgress
from kehoach.domain import tabular
from kehoach.domain.days import parse_day
from kehoach.domain.text import fold

# code: the header names it goes by (besides the code itself), folded when matched
COLUMNS: dict[str, tuple[str, ...]] = {
    "task": ("task id", "id", "ma nhiem vu", "task id (do not change)", "ma nhiem vu (khong sua)"),
    "number": ("no.", "stt", "so thu tu", "tt"),
    "document": ("plan", "van ban", "so van ban", "ke hoach"),
    "agency": ("reporting agency", "don vi", "don vi bao cao", "co quan chu tri", "don vi chu tri"),
    "on": ("date", "update date", "ngay", "ngay cap nhat", "ngay bao cao"),
    "status": ("progress status", "state", "trang thai", "tinh trang", "tien do"),
    "percent": ("percent complete", "ty le", "ty le hoan thanh", "ty le hoan thanh (%)", "% hoan thanh", "phan tram"),
    "note": ("result", "ket qua", "ket qua thuc hien", "ghi chu"),
    "evidence": ("evidence_reference", "evidence (document number)", "minh chung", "so van ban minh chung"),
    "cause": ("causes", "nguyen nhan"),
    "difficulties": ("difficulties and obstacles", "kho khan", "kho khan vuong mac", "kho khan, vuong mac"),
    "proposals": ("de xuat", "kien nghi", "de xuat, kien nghi"),
    "completed_on": ("completed on", "ngay hoan thanh"),
}
REQUIRED = (("task", "number"), "agency", "on", "status")
# the fields an imported row sets, compared to decide whether it changes anything
FIELDS = ("status", "percent", "note", "evidence_reference", "cause", "difficulties", "proposals", "completed_on")
FIELD_COLUMN = {"evidence_reference": "evidence", "on": "on", "task": "task"}
STATUSES = (TaskProgress.DRAFT, TaskProgress.SUBMITTED)
_RANK = {TaskProgress.DRAFT: 0, TaskProgress.RETURNED: 0, TaskProgress.SUBMITTED: 1, TaskProgress.APPROVED: 2}
CREATED, REVISED, UNCHANGED = "created", "revised", "unchanged"

ProgressFileError = tabular.TableError


@dataclass
class ProgressRow:
    """One checked row, ready for the services."""

    line: int
    task: Task
    agency: Agency
    on: date
    values: dict  # the FIELDS

    @property
    def key(self) -> tuple[int, date]:
        return (self.task.pk, self.on)

    @property
    def label(self) -> str:
        document = self.task.document.number or self.task.document.file_name
        return f"task {self.task.number} ({document}) on {self.on.isoformat()}"


@dataclass
class ProgressImport:
    """What an import found and did (or, dry, would do). ``stored`` is False when nothing was written."""

    file: str
    rows: list[ProgressRow] = field(default_factory=list)
    problems: list[tabular.Problem] = field(default_factory=list)
    outcomes: list[tabular.Outcome] = field(default_factory=list)
    stored: bool = False
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATED)

    @property
    def revised(self) -> int:
        return self.count(REVISED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def skipped_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def import_file(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    status: str = TaskProgress.SUBMITTED,
    user=None,
    today: date | None = None,
) -> ProgressImport:
    """Check every row, then record them in one transaction (see the module doc)."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    table = tabular.read_table(path, COLUMNS, REQUIRED)
    report = ProgressImport(file=table.file, dry_run=dry_run)
    checker = RowChecker(table.file, today or timezone.localdate(), has_number="number" in table.columns)
    for row in table.rows:
        checked = checker.check(row)
        if checked is not None:
            report.rows.append(checked)
    report.problems = list(checker.problems)
    if report.problems and not skip_invalid:
        return _sorted(report)
    with transaction.atomic():
        for row in report.rows:
            try:
                with transaction.atomic():
                    report.outcomes.append(record(row, status, user))
            except services.ExplanationRequired as exc:
                missing = exc.missing[0]
                report.problems.append(tabular.Problem(
                    table.file, row.line, missing, tabular.found(row.values[missing]),
                    f"the causes, difficulties and proposals of a task “{exc.judgement.label}” "
                    f"on {row.on.isoformat()} (columns {', '.join(exc.missing)}), or --status draft",
                ))
        if (report.problems and not skip_invalid) or dry_run:
            transaction.set_rollback(True)
    if report.problems and not skip_invalid:
        report.outcomes = []
        return _sorted(report)
    report.stored = not dry_run
    return _sorted(report)


def _sorted(report: ProgressImport) -> ProgressImport:
    order = list(COLUMNS)
    report.problems.sort(key=lambda p: (p.line, order.index(p.column) if p.column in order else len(order)))
    return report


def record(row: ProgressRow, status: str, user=None) -> tabular.Outcome:
    """Record one checked row against its key's current update (see the module doc)."""
    current = (TaskProgress.objects.select_for_update().filter(
        task=row.task, on=row.on, milestone=None, occurrence_due=None).order_by("-entered_at", "-pk").first())
    wanted = dict(row.values)
    if wanted["status"] == TaskProgress.COMPLETED and wanted["percent"] is None:
        wanted["percent"] = 100  # as TaskProgress.clean completes it
    if current is None:
        progress = services.record_progress(row.task, on=row.on, user=user, **wanted)
        if status == TaskProgress.SUBMITTED:
            services.submit_progress(progress, user, as_of=row.on)
        return tabular.Outcome(row.line, row.label, CREATED)
    changes = [(FIELD_COLUMN.get(name, name), _text(getattr(current, name)), _text(wanted[name]))
               for name in FIELDS if getattr(current, name) != wanted[name]]
    if _RANK[current.review_status] < _RANK[status]:
        changes.append(("workflow", current.review_status, status))
    if not changes:
        return tabular.Outcome(row.line, row.label, UNCHANGED)
    if current.editable:  # a draft or a returned update: the agency's own, completed in place
        for name, value in wanted.items():
            setattr(current, name, value)
        current.entered_by = user
        current.full_clean()
        current.save()
        progress = current
    else:
        progress = services.record_progress(row.task, on=row.on, user=user, **wanted)
    if status == TaskProgress.SUBMITTED:
        services.submit_progress(progress, user, as_of=row.on)
    return tabular.Outcome(row.line, row.label, REVISED, tuple(changes))


def _whole(text: str) -> int | None:
    """A whole number as a cell holds it ("12", "12.0" from a spreadsheet, "12."); None otherwise."""
    text = text.strip().removesuffix(".0").rstrip(".")
    return int(text) if text.isdecimal() and len(text) <= 9 else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _labels(value: str, label) -> set[str]:
    names = {fold(value).replace("_", " "), fold(value)}
    for language in ("vi", "en"):
        with translation.override(language):
            names.add(fold(str(label)).strip())
    return names


class RowChecker:
    """Checks the rows of a progress table one by one, collecting ``problems``."""

    def __init__(self, file: str, today: date, has_number: bool = True):
        self.file = file
        self.today = today
        self.problems: list[tabular.Problem] = []
        self.seen: dict[tuple, int] = {}
        self.statuses = {name: value for value, label in TaskProgress.STATUS_CHOICES
                         for name in _labels(value, label)}
        self.agencies: dict[str, Agency | None] = {}
        for agency in Agency.objects.all():
            for name in {agency.name, agency.short_name, *(agency.aliases or [])}:
                if name:
                    folded = fold(name).strip()
                    self.agencies[folded] = agency if self.agencies.get(folded, agency) == agency else None
        self.tasks = {t.pk: t for t in Task.objects.select_related("document").prefetch_related("lead")}
        self.by_number: dict[int, list[Task]] = {}
        for task in self.tasks.values():
            self.by_number.setdefault(task.number, []).append(task)

    def problem(self, line: int, column: str, found: str, expected: str) -> None:
        self.problems.append(tabular.Problem(self.file, line, column, found, expected))

    def check(self, row: tabular.Row) -> ProgressRow | None:
        before = len(self.problems)
        cells, line = row.cells, row.line
        task = self.task(line, cells)
        agency = self.agency(line, cells["agency"], task)
        on = self.day(line, "on", row.raw.get("on"), cells["on"], required=True)
        status = self.status(line, cells["status"])
        percent = None
        if cells["percent"]:
            percent = tabular.parse_percent(row.raw.get("percent"))
            if percent is None:
                self.problem(line, "percent", tabular.found(cells["percent"]), "a whole number from 0 to 100 ('50', '50%')")
        completed_on = self.day(line, "completed_on", row.raw.get("completed_on"), cells["completed_on"])
        if len(self.problems) > before or task is None or agency is None or on is None or status is None:
            return None
        values = {"status": status, "percent": percent, "note": cells["note"],
                  "evidence_reference": cells["evidence"], "cause": cells["cause"],
                  "difficulties": cells["difficulties"], "proposals": cells["proposals"],
                  "completed_on": completed_on}
        try:
            TaskProgress(task=task, on=on, **values).full_clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                column = FIELD_COLUMN.get(name, name) if FIELD_COLUMN.get(name, name) in COLUMNS else "status"
                shown = cells.get(column, "")
                for message in messages:
                    self.problem(line, column, tabular.found(shown), f"a valid value ({message})")
            return None
        checked = ProgressRow(line, task, agency, on, values)
        if checked.key in self.seen:
            self.problem(line, "on", repr(cells["on"]),
                         f"one row per task and date (line {self.seen[checked.key]} gives {checked.label} already)")
            return None
        self.seen[checked.key] = line
        return checked

    def task(self, line: int, cells: dict[str, str]) -> Task | None:
        if cells["task"]:
            task = self.tasks.get(_whole(cells["task"]))
            if task is None:
                self.problem(line, "task", repr(cells["task"]), "the id of a stored task")
            return task
        if not cells["number"]:
            self.problem(line, "number", "an empty cell", "the task's number in the plan (or a task column with its id)")
            return None
        text = cells["number"]
        found = self.by_number.get(_whole(text), [])
        if cells["document"]:
            wanted = fold(cells["document"]).strip()
            found = [t for t in found if wanted in (fold(t.document.number).strip(), fold(t.document.file_name).strip())]
        if len(found) == 1:
            return found[0]
        if not found:
            where = f" of the plan {cells['document']!r}" if cells["document"] else ""
            self.problem(line, "number", repr(cells["number"]), f"the number of a stored task{where}")
        else:
            plans = ", ".join(sorted(t.document.number or t.document.file_name for t in found))
            self.problem(line, "document", tabular.found(cells["document"]),
                         f"the plan's number, since task {text} is in several plans ({plans})")
        return None

    def agency(self, line: int, name: str, task: Task | None) -> Agency | None:
        if not name:
            self.problem(line, "agency", "an empty cell", "the name of the reporting agency (a lead agency of the task)")
            return None
        agency = self.agencies.get(fold(name).strip())
        if agency is None:
            self.problem(line, "agency", repr(name), "the name, short name or alias of a stored agency")
            return None
        if task is not None and agency not in task.lead.all():
            leads = "; ".join(a.name for a in task.lead.all()) or "none"
            self.problem(line, "agency", repr(name),
                         f"a lead agency of task {task.number} (only they report its progress: {leads})")
            return None
        return agency

    def day(self, line: int, column: str, raw, text: str, required: bool = False) -> date | None:
        if not text:
            if required:
                self.problem(line, column, "an empty cell", "a date: YYYY-MM-DD or DD/MM/YYYY")
            return None
        found = parse_day(raw if raw is not None else text)
        if found is None:
            self.problem(line, column, repr(text), "a date: YYYY-MM-DD or DD/MM/YYYY")
        elif found > self.today:
            self.problem(line, column, repr(text), f"a date no later than today ({self.today.isoformat()})")
            return None
        return found

    def status(self, line: int, text: str) -> str | None:
        if not text:
            self.problem(line, "status", "an empty cell", self._statuses())
            return None
        found = self.statuses.get(fold(text).strip())
        if found is None:
            self.problem(line, "status", repr(text), self._statuses())
        return found

    def _statuses(self) -> str:
        with translation.override("vi"):
            labels = [f"{value} ({label})" for value, label in TaskProgress.STATUS_CHOICES]
        return "one of " + ", ".join(labels)


def describe(report: ProgressImport) -> str:
    """One line: what the import did (or would do)."""
    verb = "would be" if report.dry_run else "were"
    return (f"{report.file}: {len(report.outcomes)} progress update(s) {verb} loaded: {report.created} new, "
            f"{report.revised} revised, {report.unchanged} unchanged")
