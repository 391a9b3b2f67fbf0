"""Task tables: the numbered tasks of an implementation plan, under their groups.

A row is a group ("I", "II", or a letter "A", "B" above Roman numerals), a task (a number "1.",
"12", "1.1") or a sub-row ("-", "+"): a sub-row with its own agency or deadline is a task of its
own, otherwise its text belongs to the task above it.
"""

from __future__ import annotations

import copy
import re

from kehoach.domain.deadlines import parse_deadline
from kehoach.domain.entities import Deadline, Task, TaskGroup
from kehoach.domain.importer.columns import Column, by_role, roman_value
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.reader import Row, Table, follows, join_continuations
from kehoach.domain.names import agency_cell_findings
from kehoach.domain.text import fold

_TASK_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
_ROMAN = re.compile(r"^[IVXL]+\.?$")
_LETTER = re.compile(r"^[A-HĐ]\.?$")
_LABELLED_GROUP = re.compile(r"^([IVXL]{1,6}|[A-HĐ]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s+(\S.*)$")
_SUB = re.compile(r"^[-+*•–]$")
TASK_ROLES = {"key", "content", "lead", "support", "deadline", "result", "leader"}


def parse_task_table(table: Table, columns: list[Column], ctx: Context, first_number: int = 1) -> list[Task]:
    roles = by_role(columns)
    for needed, example in (("content", "'Nội dung' / 'Nhiệm vụ'"), ("lead", "'Cơ quan chủ trì' / 'Đơn vị thực hiện'")):
        if needed not in roles:
            raise ImportFailure(
                f"the task table has no {needed} column; its header is: {_header_text(columns)}",
                ctx.at(table.line), expected=f"a column such as {example}",
            )
    if "deadline" not in roles:
        ctx.warn("task-table-no-deadline", "the task table has no deadline column: tasks have no due date",
                 table.line)
    key = roles.get("key", 0)
    # columns a task does not name (funding, the assigning document, status...) are kept as its attributes
    ctx.extra_columns = [c for c in columns if c.labels and c.role not in TASK_ROLES and c.index != key]
    rows = _split_packed(join_continuations(table.rows, key), key, ctx)
    if not rows:
        raise ImportFailure("the task table ends after its header", ctx.at(table.line),
                            expected="task rows under the header")
    _check_key_column(rows, key, table, ctx)

    tasks: list[Task] = []
    levels: dict[str, TaskGroup] = {}  # letter -> Roman numeral -> numbered heading
    group = _caption_group(table)
    headings = _numbered_headings(rows, key)
    year = ctx.document.date.year if ctx.document.date else None
    header_words = {fold(x) for labels in table.labels() for x in labels if x}
    for row in rows:
        code = row.cell(key).strip()
        content = row.cell(roles["content"])
        texts = [] if _TASK_NUMBER.match(code) or row.mark else [fold(c) for c in row.cells if c]
        if len(texts) >= 2 and sum(1 for t in texts if t in header_words) >= len(texts) - 1:
            ctx.took(row, "header")  # the header (or a section's sub-header) written again: not a row
            continue
        no_work = not row.cell(roles["lead"]) and not row.cell(roles.get("deadline"))
        written = [c for c in row.cells if c]
        labelled = _LABELLED_GROUP.match(written[0]) if len(written) == 1 else None
        if labelled:  # a group row written as one cell: "I. NÂNG CAO NHẬN THỨC…", in whichever column
            code, content = labelled.group(1), labelled.group(2).strip()
            level = ("heading" if code[0].isdigit() else
                     "roman" if _ROMAN.match(code) and roman_value(code) else "letter")
        else:
            level = _group_level(code, row, no_work, levels, headings)
        if level:  # an unnumbered group row keeps its empty number: no code is made up
            title = content or next((c for c in row.cells if c and c != code), "")
            order = ("letter", "roman", "heading")
            if level == "roman" and "roman" in levels:
                _check_group_number(levels["roman"].code, code.rstrip("."), levels.get("letter"), row, key, ctx)
            for deeper in order[order.index(level):]:
                levels.pop(deeper, None)
            levels[level] = TaskGroup(code=code.rstrip("."), title=title)
            group = TaskGroup(code=".".join(levels[k].code for k in order if k in levels), title=title)
            ctx.took(row, "group")
            continue
        if (_SUB.match(code) or not code) and row.mark != "task":
            if not (row.cell(roles["lead"]) or row.cell(roles.get("deadline"))) and tasks:
                tasks[-1].content = f"{tasks[-1].content}\n{content}".strip()
                ctx.took(row, "continuation")
                continue
        elif not _TASK_NUMBER.match(code) and row.mark != "task":
            ctx.warn("task-row-unknown", f"row number {code!r} is neither a task number nor a group; row skipped",
                     row.line, key + 1)
            continue
        tasks.append(_task(row, code, group, roles, ctx, year, tasks, first_number + len(tasks)))
        ctx.took(row, "task")
    _check_numbering(tasks, ctx)
    return tasks


def _task(row: Row, code: str, group: TaskGroup, roles: dict[str, int], ctx: Context, year: int | None,
          previous: list[Task], number: int) -> Task:
    d = ctx.directories
    parent = previous[-1] if previous and (_SUB.match(code) or not code) else None
    lead_text, support_text = row.cell(roles["lead"]), row.cell(roles.get("support"))
    lead = d.agencies.resolve_cell(lead_text)
    support = d.agencies.resolve_cell(support_text)
    for role, text in (("lead", lead_text), ("support", support_text)):
        for finding, message in agency_cell_findings(text):
            ctx.warn(finding, f"task {code}: {message}; the cell is kept as written", row.line, roles[role] + 1)
    deadline_text = row.cell(roles.get("deadline"))
    leader_cell = row.cell(roles.get("leader"))
    leader = d.leaders.resolve(leader_cell) if leader_cell else None
    if parent is not None:  # a sub-row inherits what it leaves empty from its task
        lead = lead or list(parent.lead)
        support = support or list(parent.support)
        leader_name = leader.name if leader else parent.leader
    else:
        leader_name = leader.name if leader else None
    if deadline_text:
        deadline = _deadline(deadline_text, year)
        if not deadline.understood:
            ctx.warn("deadline-unknown", f"task {code}: deadline {deadline_text!r} is not understood; kept as text",
                     row.line, roles["deadline"] + 1)
    elif parent is not None:
        deadline = parent.deadline
    else:
        deadline = Deadline(text="", understood=False)
        if "deadline" in roles:
            ctx.warn("deadline-missing", f"task {code}: no deadline written", row.line, roles["deadline"] + 1)
    if not lead:
        ctx.warn("lead-missing", f"task {code}: no lead agency written", row.line, roles["lead"] + 1)
    extra = {c.text: row.cell(c.index) for c in ctx.extra_columns}
    return Task(
        attributes=extra,
        number=number, code=code or "-", group=group, content=row.cell(roles["content"]),
        result=row.cell(roles.get("result")), lead=lead, support=support, deadline=deadline,
        leader=leader_name, document=ctx.document.key, location=ctx.at(row.line),
        lead_text=lead_text, support_text=support_text, leader_text=leader_cell,
    )


_DEADLINES: dict[tuple[str, int | None], Deadline] = {}


def _deadline(text: str, year: int | None) -> Deadline:
    """parse_deadline, remembered: a plan writes the same few deadlines again and again (a copy each time)."""
    key = (text, year)
    if key not in _DEADLINES:
        if len(_DEADLINES) > 4096:
            _DEADLINES.clear()
        _DEADLINES[key] = parse_deadline(text, default_year=year)
    return copy.deepcopy(_DEADLINES[key])


_CAPTION_HEADING = re.compile(r"^(\d{1,2}|[IVXL]{1,5}|[A-HĐ])\s*[.)]\s+(\S.*)$")


def _caption_group(table: Table) -> TaskGroup:
    """A numbered heading just above the table ("1. Các nhiệm vụ … quá hạn") is the group of its
    rows until a group row of the table's own."""
    if table.caption and (m := _CAPTION_HEADING.match(table.caption[-1])):
        return TaskGroup(code=m.group(1), title=m.group(2).strip())
    return TaskGroup(code="", title="")


def _split_packed(rows: list[Row], key: int, ctx: Context) -> list[Row]:
    """Two rows written in one (a table rebuilt by hand packs "18 | Số lượng văn bản đi | | 19 |
    Số lượng văn bản đến"): a cell after the content holding the number that comes next, followed by
    text, opens the second row. Each row gets its written cells, the others as in the row above (they
    were merged over both rows), and a warning says so."""
    out: list[Row] = []
    for row in rows:
        code = row.cell(key).strip()
        written = [not m for m in row.merged] + [True] * (len(row.cells) - len(row.merged))
        cut = next((c for c in range(key + 2, len(row.cells) - 1)
                    if written[c] and written[c + 1] and follows(code, row.cells[c]) and row.cells[c + 1]),
                   None) if _TASK_NUMBER.match(code) else None
        if cut is None or not out:
            out.append(row)
            continue
        above = out[-1]
        second = [c for c in range(cut, len(row.cells)) if written[c]]
        second = second[:next((k for k, c in enumerate(second) if c != cut + k), len(second))]
        parts = [list(range(key, cut)), second]
        ctx.warn("row-packed", f"rows {code} and {row.cells[cut]} are written in one row: read as two rows, "
                 "each with the cells it does not write taken from the row above", row.line, cut + 1)
        for part in parts:
            cells = list(above.cells)
            raw = list(above.raw)
            for offset, c in enumerate(part):
                if row.cells[c] or offset < 2:
                    cells[key + offset], raw[key + offset] = row.cells[c], row.raw[c]
            out.append(Row(cells=cells, raw=raw, line=row.line, lines=list(row.lines),
                           merged=[True] * len(cells)))
            above = out[-1]
    return out


def _group_level(code: str, row: Row, no_work: bool, levels: dict[str, TaskGroup], headings: set[str]) -> str | None:
    """Which level of grouping a row opens, if any: a letter (A, B), a Roman numeral, or a number
    that heads other numbers ("1" above "1.1"); an unnumbered bold row without agency or deadline
    is a group too."""
    if row.mark == "task":  # a person said so (importer.corrections)
        return None
    bare = code.rstrip(".")
    if _is_letter(bare, levels.get("letter")):
        return "letter"
    if _ROMAN.match(code) and roman_value(code):
        return "roman"
    if code in headings and no_work:
        return "heading"
    if not code and row.emphasised and no_work:
        deepest = next((k for k in ("heading", "roman", "letter") if k in levels), None)
        if deepest and not levels[deepest].code:  # a sibling of the unnumbered group before it
            return deepest
        return "roman" if "letter" in levels or not levels else "heading"
    if row.mark == "group":
        return "heading" if "roman" in levels else "roman"
    return None


def _check_group_number(before: str, code: str, letter: TaskGroup | None, row: Row, key: int, ctx: Context) -> None:
    """Roman group numbers go up by one under their letter: "IV" again after "IV" is the document's slip."""
    previous, current = roman_value(before), roman_value(code)
    if previous and current and current != previous + 1:
        under = f" under {letter.code}" if letter else ""
        ctx.warn("group-numbering", f"group {code}{under} follows group {before}: the numbering skips or repeats "
                 f"(kept as written)", row.line, key + 1)


def _numbered_headings(rows: list[Row], key: int) -> set[str]:
    """Numbers that head other numbers ("1" above "1.1", "1.2"): such a row is a group."""
    codes = [r.cell(key).strip() for r in rows]
    prefixes: set[str] = set()
    for code in codes:
        parts = code.rstrip(".").split(".")
        prefixes.update(".".join(parts[:k]) for k in range(1, len(parts)))
    return {c for c in codes if _TASK_NUMBER.match(c) and c.rstrip(".") in prefixes}


def _is_letter(code: str, letter: TaskGroup | None) -> bool:
    """A, B... group Roman-numbered groups; C and D are letters only once A has been seen."""
    return bool(_LETTER.match(code)) and (code in ("A", "B") or letter is not None)


def _check_key_column(rows: list[Row], key: int, table: Table, ctx: Context) -> None:
    codes = [r.cell(key).strip() for r in rows]
    readable = [c for c in codes if not c or _TASK_NUMBER.match(c) or _ROMAN.match(c) or _LETTER.match(c) or _SUB.match(c)]
    if len(readable) < len(codes) / 2:
        raise ImportFailure(
            "the number column of the task table does not hold task numbers: the header does not match the rows",
            ctx.at(table.line, key + 1), expected="numbers such as '1.', '12', '1.1' or group numerals 'I', 'II'",
        )


def _check_numbering(tasks: list[Task], ctx: Context) -> None:
    written = [int(t.code.rstrip(".")) for t in tasks if re.fullmatch(r"\d+\.?", t.code)]
    if len(written) != len(tasks) or not written:
        return
    for before, after, task in zip(written, written[1:], tasks[1:], strict=False):
        if after != before + 1 and after != 1:
            ctx.warn("task-numbering", f"task number {after} follows {before}",
                     task.location.line if task.location else None)


def _header_text(columns: list[Column]) -> str:
    return " | ".join(c.text for c in columns if c.labels)
