"""The agency's Excel workbook, both ways: ``build_template`` (what the agency owes, to fill in) and
``parse_upload``/``record_upload`` (a filled template: every row checked first as the importers
check theirs, and by the preview with every rule the recording runs, ``submit_refusals``; then the
valid rows recorded in one transaction, while the rows in error stay in the preview to fix)."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from kehoach.apps.figures import bulk
from kehoach.apps.figures.entry import IMPORT_COLUMNS, PROBLEM_MESSAGES, FigureChecker, FigureEntry
from kehoach.apps.organisations.models import Agency
from kehoach.apps.review.services import entry_day, pk_of
from kehoach.apps.tasks import entry as task_entry
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.entry import tasks_of
from kehoach.apps.tasks.models import Task, TaskProgress
from kehoach.apps.workspace.dues import Workspace
from kehoach.domain import sandbox, tabular
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import FigureStatus, TaskStatus
from kehoach.domain.formulas import keep_as_text
from kehoach.domain.text import fold

FIGURE_SHEET = ("indicators", _("Indicators"))
TASK_SHEET = ("tasks", _("Tasks"))

# (code, header, width, filled by the agency)
FIGURE_COLUMNS = [
    ("indicator", _("Indicator key"), 16, False),
    ("name", _("Indicator"), 40, False),
    ("indicator_unit", _("Unit"), 12, False),
    ("period", _("Period"), 11, False),
    ("trajectory", _("Trajectory"), 12, False),
    ("entered", _("Entered"), 16, False),
    ("value", _("Value"), 14, True),
    ("qualifier", _("Qualifier"), 12, True),
    ("unit", _("Unit as published"), 14, True),
    ("comparison", _("Compared with"), 22, True),
    ("scope", _("Territorial scope"), 26, True),
    ("source", _("Source"), 30, True),
    ("published", _("Published on"), 14, True),
    ("cause", _("Causes"), 30, True),
    ("difficulties", _("Difficulties and obstacles"), 30, True),
    ("proposals", _("Proposals"), 30, True),
]
# Columns that carry a key for reading the file back: hidden, nobody reads them (the name beside says it).
HIDDEN_COLUMNS = frozenset({"indicator", "task"})
TASK_COLUMNS = [
    ("task", _("Task ID (do not change)"), 10, False),
    ("document", _("Document"), 16, False),
    ("number", _("No."), 6, False),
    ("content", _("Task"), 60, False),
    ("due", _("Due"), 12, False),
    ("assessed", _("Current status"), 22, False),
    ("status", _("Progress status"), 18, True),
    ("percent", _("Percent complete"), 12, True),
    ("on", _("Update date"), 14, True),
    ("note", _("Note"), 40, True),
    ("evidence_reference", _("Evidence (document number)"), 22, True),
    ("cause", _("Causes"), 30, True),
    ("difficulties", _("Difficulties and obstacles"), 30, True),
    ("proposals", _("Proposals"), 30, True),
]


def _both(label) -> set[str]:
    """A header as it reads in every language of the site (the template may be filled in either)."""
    names = set()
    for language in ("vi", "en"):
        with translation.override(language):
            names.add(fold(str(label)).strip())
    return names


def build_template(ws: Workspace) -> bytes:
    """An .xlsx pre-filled with what the agency owes: one row per figure and per task to report."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    fill_in = PatternFill("solid", fgColor="FFF8DC")

    def sheet(ws_, columns, rows):
        ws_.append([str(label) for _code, label, _w, _f in columns])
        for i, (_code, _label, width, _filled) in enumerate(columns, start=1):
            cell = ws_.cell(row=1, column=i)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws_.column_dimensions[get_column_letter(i)].width = width
            ws_.column_dimensions[get_column_letter(i)].hidden = _code in HIDDEN_COLUMNS
        for values in rows:
            ws_.append([values.get(code, "") for code, _l, _w, _f in columns])
        for r in range(2, len(rows) + 2):
            for i, (_code, _label, _width, filled) in enumerate(columns, start=1):
                cell = ws_.cell(row=r, column=i)
                cell.number_format = "@"  # text: "117,1" and "2025-07" stay as typed
                if filled:
                    cell.fill = fill_in
        ws_.freeze_panes = "A2"
        keep_as_text(ws_)  # an officer's or a document's text is never a formula

    figures = book.active
    figures.title = str(FIGURE_SHEET[1])
    rows = []
    for due in ws.figures:
        entered = due.figures[0] if due.figures else None
        rows.append({
            "indicator": due.indicator.key, "name": due.indicator.name, "indicator_unit": due.indicator.unit,
            "period": due.period.label_vi,  # in words; read back with read_period
            "trajectory": due.trajectory_text,
            "entered": ", ".join(f"{f.get_review_status_display()}: {f.qualifier} {f.text}".replace(":  ", ": ")
                                 for f in due.figures),
            "value": "", "qualifier": "", "unit": due.indicator.unit,
            "comparison": entered.comparison if entered else "", "scope": entered.scope if entered else "",
            "source": "", "published": "",
        })
    sheet(figures, FIGURE_COLUMNS, rows)
    qualifiers = DataValidation(type="list", formula1='"' + ",".join(m.QUALIFIERS) + '"', allow_blank=True)
    figures.add_data_validation(qualifiers)
    column = get_column_letter([c for c, *_ in FIGURE_COLUMNS].index("qualifier") + 1)
    qualifiers.add(f"{column}2:{column}{max(len(rows), 1) + 200}")

    tasks = book.create_sheet(str(TASK_SHEET[1]))
    rows = []
    for due in ws.tasks:
        if due.assessment is not None and due.assessment.status in (TaskStatus.HOAN_THANH_DUNG_HAN,
                                                                    TaskStatus.HOAN_THANH_QUA_HAN):
            continue
        t = due.task
        rows.append({
            "task": t.pk, "document": t.document.number or t.document.file_name, "number": t.number,
            "content": t.content, "due": f"{due.assessment.due:%d/%m/%Y}" if due.assessment and due.assessment.due
            else t.deadline_text,
            "assessed": due.assessment.status.label if due.assessment else "",
            "status": "", "percent": "", "on": "", "note": "",
        })
    sheet(tasks, TASK_COLUMNS, rows)
    labels = [str(label) for _v, label in TaskProgress.STATUS_CHOICES]
    statuses = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
    tasks.add_data_validation(statuses)
    column = get_column_letter([c for c, *_ in TASK_COLUMNS].index("status") + 1)
    statuses.add(f"{column}2:{column}{max(len(rows), 1) + 200}")
    for r in range(2, len(rows) + 2):
        tasks.cell(row=r, column=4).alignment = Alignment(wrap_text=True, vertical="top")

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class UploadFileError(Exception):
    """The upload as a whole cannot be read: not a workbook, or not the template."""


@dataclass
class ProgressEntry:
    task: Task
    values: dict  # the fields of ``PROGRESS_FIELDS``

    @property
    def status_label(self) -> str:
        return str(dict(TaskProgress.STATUS_CHOICES).get(self.values.get("status"), ""))


@dataclass
class ParsedUpload:
    figures: list[tuple[int, FigureEntry]] = field(default_factory=list)
    progress: list[tuple[int, ProgressEntry]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.figures and not self.progress


def _error(sheet, row: int, column, problem: str) -> str:
    return _g("Sheet %(sheet)s, row %(row)s, column %(column)s: %(problem)s") % {
        "sheet": sheet, "row": row, "column": column, "problem": problem}


def parse_upload(agency: Agency, data: bytes, as_of: date) -> ParsedUpload:
    """Check every row of a filled template (nothing is written): what would be recorded, and the errors."""
    try:
        # in a child process with a memory and CPU limit: one upload cannot take the server down
        book = sandbox.run_limited(tabular.open_workbook, data, "upload")
    except sandbox.LimitExceeded:
        raise UploadFileError(_g("This workbook needs more memory or time to read than an upload may use: "
                                 "check that it is the template, filled in.")) from None
    except tabular.TableError as exc:
        raise UploadFileError(_g("This is not an Excel workbook (.xlsx): %(error)s") % {"error": exc}) from None
    sheets = {fold(name).strip(): rows for name, rows in book.items()}
    figures = next((sheets[n] for n in _both(FIGURE_SHEET[1]) if n in sheets), None)
    tasks = next((sheets[n] for n in _both(TASK_SHEET[1]) if n in sheets), None)
    if figures is None and tasks is None:
        raise UploadFileError(_g("The workbook has neither a sheet “%(figures)s” nor a sheet “%(tasks)s”: "
                                 "download the template and fill it in.")
                              % {"figures": FIGURE_SHEET[1], "tasks": TASK_SHEET[1]})
    parsed = ParsedUpload()
    if figures:
        _parse_figures(agency, figures, parsed, as_of)
    if tasks:
        _parse_tasks(agency, tasks, parsed, as_of)
    return parsed


def _table(rows, columns, sheet_label, parsed: ParsedUpload, required,
           number_columns=()) -> tabular.Table | None:
    """The sheet as a table whose columns are named by the template's headers (in either language)."""
    names = {code: _both(label) for code, label, _w, _f in columns}
    try:
        return tabular.table_of(str(sheet_label), rows, names, required, number_columns=number_columns)
    except tabular.MissingColumns as exc:
        label = dict((c, lab) for c, lab, _w, _f in columns)[exc.missing[0]]
        parsed.errors.append(_g("Sheet %(sheet)s, row 1: the column “%(column)s” is missing; download the "
                                "template again.") % {"sheet": sheet_label, "column": label})
        return None


def _parse_figures(agency: Agency, rows: list, parsed: ParsedUpload, as_of: date) -> None:
    sheet = FIGURE_SHEET[1]
    table = _table(rows, FIGURE_COLUMNS, sheet, parsed, ("indicator", "period", "value"), number_columns=("value",))
    if table is None:
        return
    labels = {code: label for code, label, _w, _f in FIGURE_COLUMNS}
    checker = FigureChecker(agency)
    for row in table.rows:
        if not row.cells["value"]:
            continue  # nothing entered on this row
        values = {c: row.cells[c] for c in IMPORT_COLUMNS}
        values["period"] = _period_code(values["period"])
        if not values["published"]:
            values["published"] = entry_day(as_of).isoformat()
        checked, problems = checker.check(row.line, values)
        for column, message in problems:
            parsed.errors.append(_error(sheet, row.line, labels.get(column, column), message))
        if checked is not None:
            parsed.figures.append((row.line, FigureEntry(row.line, checked, row.cells["cause"],
                                                         row.cells["difficulties"], row.cells["proposals"])))


def _period_code(text: str) -> str:
    """The period as the template writes it (in words: "Tháng 7/2025") or as a code, as its code;
    anything else as written, for the row's checks to report."""
    try:
        return m.read_period(text).code
    except ValueError:
        return text


def _status_code(text: str) -> str | None:
    folded = fold(text).strip()
    for value, label in TaskProgress.STATUS_CHOICES:
        if folded in _both(label) | {value}:
            return value
    return None


def _parse_tasks(agency: Agency, rows: list, parsed: ParsedUpload, as_of: date) -> None:
    sheet = TASK_SHEET[1]
    table = _table(rows, TASK_COLUMNS, sheet, parsed, ("task", "status"))
    if table is None:
        return
    labels = {code: label for code, label, _w, _f in TASK_COLUMNS}
    mine = {t.pk: t for t in tasks_of(agency).prefetch_related("milestones")}
    for row in table.rows:
        line, text, raw = row.line, row.cells.__getitem__, row.raw.get
        filled = [c for c in ("status", "percent", "note", "evidence_reference", "cause", "difficulties",
                              "proposals") if text(c)]
        if not filled:
            continue
        errors = []
        task = mine.get(pk_of(text("task")))
        if task is None:
            errors.append(("task", _g("%(found)s is not a task your agency leads") % {"found": repr(text("task"))}))
        status = _status_code(text("status")) if text("status") else None
        if status is None:
            found = repr(text("status")) if text("status") else None
            choices = ", ".join(str(label) for _v, label in TaskProgress.STATUS_CHOICES)
            errors.append(("status", _g("This cell must not be empty.") if found is None else
                           _g("%(found)s is not one of: %(choices)s") % {"found": found, "choices": choices}))
        percent = None
        if text("percent"):
            percent = tabular.parse_percent(raw("percent"))
            if percent is None:
                errors.append(("percent", _g("%(found)s is not a whole number from 0 to 100")
                               % {"found": repr(text("percent"))}))
        on = entry_day(as_of)
        if text("on"):
            on = tabular.parse_day(raw("on"))
            if on is None:
                errors.append(("on", PROBLEM_MESSAGES["published"] % {"found": repr(text("on"))}))
        if not errors:
            values = {"on": on, "status": status, "percent": percent, "note": text("note"),
                      "evidence_reference": text("evidence_reference"), "cause": text("cause"),
                      "difficulties": text("difficulties"), "proposals": text("proposals")}
            try:
                TaskProgress(task=task, **values).full_clean()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    errors += [(name if name in labels else "status", msg) for msg in messages]
            else:
                parsed.progress.append((line, ProgressEntry(task, values)))
        for column, message in errors:
            parsed.errors.append(_error(sheet, line, labels.get(column, column), message))


class UploadRefused(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def submit_refusals(agency: Agency, parsed: ParsedUpload, user, as_of: date) -> dict[tuple[str, int], str]:
    """What submitting the valid rows would refuse, row by row ((sheet, line) -> the message): the
    recording's own rules (an explanation for a figure rated chậm or worse, for an overdue task),
    run on a trial recording that is rolled back. Those rows can still be saved as drafts."""
    found: dict[tuple[str, int], str] = {}
    with transaction.atomic():
        try:
            bulk.record_all([entry for _line, entry in parsed.figures], user=user, agency=agency,
                            submit_as_of=as_of, dry_run=True)
        except bulk.Refused as exc:
            for entry, error in exc.refusals:
                found[(FIGURE_SHEET[0], entry.position)] = _row_refusal(FIGURE_SHEET[1], entry.position, error)
        for line, entry in parsed.progress:
            progress = task_entry.enter_progress(entry.task, entry.values, user)
            try:
                task_entry.submit_progress(progress, user, as_of)
            except task_services.ExplanationRequired as exc:
                found[(TASK_SHEET[0], line)] = _row_refusal(TASK_SHEET[1], line, exc)
        transaction.set_rollback(True)
    return found


def without(parsed: ParsedUpload, refused) -> ParsedUpload:
    """The upload without the rows ``refused`` ((sheet, line) pairs)."""
    return ParsedUpload([(line, e) for line, e in parsed.figures if (FIGURE_SHEET[0], line) not in refused],
                        [(line, e) for line, e in parsed.progress if (TASK_SHEET[0], line) not in refused],
                        list(parsed.errors))


def record_upload(agency: Agency, parsed: ParsedUpload, user, as_of: date, submit: bool = False) -> Counter:
    """Record the valid rows of a checked upload as drafts (and submit them) in one transaction: the
    figures through the one bulk loop (``figures.bulk.record_all``), the task updates through
    ``tasks.entry``. The rows in error are not in ``parsed`` (nor, when submitting, those
    ``submit_refusals`` names: the caller leaves them out with ``without``); a refusal met anyway
    (the data changed since the preview) is ``UploadRefused`` and nothing is kept."""
    done: Counter = Counter()
    refused: list[str] = []
    with transaction.atomic():
        try:
            recorded = bulk.record_all([entry for _line, entry in parsed.figures], user=user, agency=agency,
                                       submit_as_of=as_of if submit else None)
        except bulk.Refused as exc:
            refused += [_row_refusal(FIGURE_SHEET[1], entry.position, error) for entry, error in exc.refusals]
            recorded = []
        for item in recorded:
            done[f"figures_{item.action}"] += 1
            if submit and item.recorded.figure.review_status == FigureStatus.SUBMITTED.value:
                done["figures_submitted"] += 1
        for line, entry in parsed.progress:
            progress = task_entry.enter_progress(entry.task, entry.values, user)
            done["progress_created"] += 1
            if submit:
                try:
                    task_entry.submit_progress(progress, user, as_of)
                    done["progress_submitted"] += 1
                except task_services.ExplanationRequired as exc:
                    refused.append(_row_refusal(TASK_SHEET[1], line, exc))
        if refused:
            transaction.set_rollback(True)
    if refused:
        raise UploadRefused(refused)
    return done


def _row_refusal(sheet, line: int, exc: ValidationError) -> str:
    messages = list(dict.fromkeys(exc.messages))
    return _g("Sheet %(sheet)s, row %(row)s: %(problem)s") % {"sheet": sheet, "row": line,
                                                               "problem": " ".join(messages)}


