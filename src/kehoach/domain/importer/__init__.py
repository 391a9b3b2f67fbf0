"""The document importer: official documents as converted text in, a structured plan out.

    result = inspect_files([Path("ke-hoach-86-KH-UBND-2025.txt")])

Nothing here touches a database; :mod:`kehoach.apps.plan_import.importing` stores a result.
The steps, one module each: ``reader`` (lines and tables, page breaks repaired), ``metadata``
(number, date, issuer, signer), ``columns`` (what each column means), then one parser per kind
of table (``tasks``, ``scenarios``, ``targets``, ``projects``) and ``checks`` on the whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from kehoach.domain.entities import Document, Finding, ParseResult, to_jsonable
from kehoach.domain.importer.assignments import parse_assignment_table
from kehoach.domain.importer.checks import check_scenario_sums, check_target_history
from kehoach.domain.importer.columns import Column, by_role, classify_columns
from kehoach.domain.importer.context import Context, Directories
from kehoach.domain.importer.corrections import (
    CorrectionError,
    Corrections,
    Profiles,
    TableCorrections,
    TableReading,
    apply_to_columns,
    apply_to_rows,
    column_readings,
    header_key,
    profile_issuer,
    row_readings,
)
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.metadata import read_metadata
from kehoach.domain.importer.projects import parse_project_table
from kehoach.domain.importer.reader import Table, find_tables, read_source
from kehoach.domain.importer.scenarios import parse_scenario_table
from kehoach.domain.importer.targets import parse_target_table
from kehoach.domain.importer.tasks import parse_task_table
from kehoach.domain.importer.unread import report_nothing_understood, report_unread, require_understood
from kehoach.domain.importer.wording import vietnamese, why_vietnamese
from kehoach.domain.text import fold

__all__ = ["ImportFailure", "inspect_files", "require_understood", "table_kind", "to_json"]

_LAYOUT_WORDS = ("cong hoa xa hoi chu nghia", "doc lap - tu do", "noi nhan", "tm.", "kt.", "t/m")


def table_kind(table: Table, columns: list[Column]) -> str | None:
    """What a table holds, from its columns' meaning: tasks, scenario, targets, projects,
    layout (the header block or signature laid out as a table), or None when unknown."""
    roles = by_role(columns)
    has_periods = sum(1 for c in columns if c.period_kind) >= 2
    if "project" in roles:
        return "projects"
    if "content" in roles and ({"lead", "deadline", "support", "leader"} & roles.keys()):
        return "tasks"
    if "name" in roles and has_periods:
        return "scenario"
    if "name" in roles and any((c.target or c.estimate) and c.role is None for c in columns):
        return "targets"
    if "name" in roles and _year_or_result_columns(columns, roles):
        return "targets"
    if "name" in roles and ({"lead", "monitoring"} & roles.keys()):
        return "assignments"
    if _forecast_columns(columns, roles):
        return "targets"
    words = fold(" ".join(" ".join(h) for h in table.header))
    if table.width <= 2 or any(w in words for w in _LAYOUT_WORDS):
        return "layout"
    return None


def _year_or_result_columns(columns: list[Column], roles: dict[str, int]) -> bool:
    """An indicator table whose values stand under a column per year ("Năm 2026", "2027"), or under one
    "Kết quả" column (the year from a group row or the title): those columns are its targets."""
    years = [c for c in columns if c.role is None and c.year and c.labels
             and re.fullmatch(r"(nam )?(19|20)\d{2}", fold(c.labels[-1]).strip(" ."))]
    if years:
        for column in years:
            column.target = True
        return True
    if "result" in roles and "content" not in roles:
        column = columns[roles["result"]]
        column.role, column.target = None, True
        return True
    return False


def _forecast_columns(columns: list[Column], roles: dict[str, int]) -> bool:
    """A forecast table: items ("Nội dung") with their unit ("Đơn vị tính") and a column per year
    ("Kế hoạch" / "Ước thực hiện" under "Năm hiện hành 2025", "Năm 2026", "Năm 2027"). The item
    column is read as the indicator name, the year columns as targets (estimates as figures)."""
    if not ({"content", "name"} & roles.keys()) or "unit" not in roles or {"lead", "deadline"} & roles.keys():
        return False
    years = [c for c in columns if c.role is None and c.year and (
        c.target or c.estimate or re.fullmatch(r"(nam )?(19|20)\d{2}", fold(c.labels[-1]).strip(" ."))) ]
    if len(years) < 2:
        return False
    for column in years:
        column.target = column.target or not column.estimate
    if "name" not in roles:
        columns[roles["content"]].role = "name"
    return True


def inspect_files(paths: list[Path], corrections: Corrections | None = None,
                  profiles: Profiles | None = None) -> ParseResult:
    """Parse documents without storing anything. Raises ImportFailure naming file and line.

    `corrections` (by header key) are a person's word on how tables are read, `profiles` the reading
    profiles kept for issuers' layouts (see :mod:`kehoach.domain.importer.corrections`); each table's
    reading is in ``result.readings``."""
    result = ParseResult()
    directories = Directories()
    for path in paths:
        _inspect_one(Path(path), directories, result, corrections or {}, profiles or {})
    indicators = {i.key: i for i in directories.indicators.indicators()}
    result.warnings.extend(check_scenario_sums(result.scenarios, indicators))
    result.warnings.extend(check_target_history(result.targets, result.documents))
    result.indicators = list(indicators.values())
    _canonical_names(result, directories)
    result.agencies = directories.agencies.agencies()
    result.leaders = directories.leaders.leaders()
    return result


def _inspect_one(path: Path, directories: Directories, result: ParseResult, corrections: Corrections,
                 profiles: Profiles) -> None:
    source = read_source(path)
    document = read_metadata(source)
    if any(d.key == document.key for d in result.documents):
        raise ImportFailure(f"document {document.key} is given twice", source.location(1),
                            expected="each document once")
    warnings: list[Finding] = []
    ctx = Context(source=source, document=document, directories=directories, warnings=warnings)
    for note in source.notes:
        if not note.endswith("UTF-8"):  # an encoding other than UTF-8, or text read by OCR: said
            ctx.warn("read-as", f"{source.form}: {note}", 1)
    tables, _prose = find_tables(source)
    if document.signer and fold(document.signer_title).startswith("chu tich") and "uy ban" in fold(document.issuer):
        directories.leaders.add_known(document.signer, _office(document))
    unknown: list[tuple[Table, str]] = []
    understood = 0
    issuer = profile_issuer(document.issuer)
    for table in tables:
        key = header_key(table)
        profile = profiles.get((issuer, key))
        fixes = corrections.get(key, TableCorrections()).over(profile.corrections if profile else None)
        all_rows = list(table.rows)
        try:
            skipped = apply_to_rows(table, fixes)
            detected = classify_columns(table.labels())
            columns = apply_to_columns(detected, fixes)
        except CorrectionError as exc:
            raise ImportFailure(str(exc), source.location(table.line),
                                expected="corrections made on this document's preview") from exc
        snapshot = [(r, list(r.cells)) for r in all_rows]
        ctx.read.update(line for r in skipped for line in (r.lines or [r.line]))
        kind = table_kind(table, columns)
        before = _sizes(result)
        warned = len(warnings)
        if kind == "tasks":
            result.tasks.extend(parse_task_table(table, columns, ctx, first_number=_next_number(result, document)))
        elif kind == "scenario":
            scenarios, targets = parse_scenario_table(table, columns, ctx)
            result.scenarios.extend(scenarios)
            result.targets.extend(targets)
        elif kind == "targets":
            targets, figures = parse_target_table(table, columns, ctx)
            result.targets.extend(targets)
            result.figures.extend(figures)
        elif kind == "projects":
            result.projects.extend(parse_project_table(table, columns, ctx))
        elif kind == "assignments":
            result.targets.extend(parse_assignment_table(table, columns, ctx))
        elif kind is None:
            header = " | ".join(" / ".join(lab) for lab in table.labels() if lab)
            ctx.warn("table-unknown", f"the meaning of this table cannot be determined from its header "
                     f"({header}); it was not imported", table.line)
        if kind == "layout":
            continue
        _mark_read(result, before, ctx)  # every parser also says row by row what it took each row as
        why = f"a {_KIND_NAMES[kind]} table" if kind else f"the header ({_short(table)}) names no known columns"
        report_unread(table, ctx, "rows of no known kind in " + why if kind else why)
        result.readings.append(TableReading(
            file=source.name, document=document.key, line=table.line, key=key, caption=" ".join(table.caption),
            kind=kind, columns=column_readings(detected, columns, fixes, kind),
            rows=row_readings(snapshot, skipped, ctx.kinds, ctx.read,
                              {w.location.line: vietnamese(w) for w in warnings[warned:]
                               if w.location and w.code != "rows-not-read"},
                              why_vietnamese("rows of no known kind in " + why if kind else why), fixes),
            profile=profile.label if profile else ""))
        if _sizes(result) != before:
            understood += 1
        else:
            unknown.append((table, why if not kind else f"{_KIND_NAMES[kind]} table that gave nothing"))
    if unknown and not understood:
        report_nothing_understood(unknown, ctx)
    elif not unknown and not understood:  # no table at all (a scan read by OCR loses its table's rules)
        ctx.warn("no-table", "no table of tasks, indicators or projects was found; only the document itself "
                 "(number, date, issuer) is read", 1)
    result.documents.append(document)
    result.warnings.extend(warnings)


_KIND_NAMES = {"tasks": "task", "scenario": "trajectory", "targets": "target", "projects": "project",
               "assignments": "indicator assignment"}


def _sizes(result: ParseResult) -> tuple[int, ...]:
    return (len(result.tasks), len(result.scenarios), len(result.targets), len(result.figures), len(result.projects))


def _mark_read(result: ParseResult, before: tuple[int, ...], ctx: Context) -> None:
    """The rows of what a table gave are read (the parsers of tasks also mark groups and continuations)."""
    lists = (result.tasks, result.scenarios, result.targets, result.figures, result.projects)
    for items, start in zip(lists, before, strict=True):
        ctx.read.update(i.location.line for i in items[start:] if i.location)


def _short(table: Table) -> str:
    text = " | ".join(" / ".join(lab) for lab in table.labels() if lab)
    return text if len(text) <= 120 else text[:119] + "…"


def _canonical_names(result: ParseResult, directories: Directories) -> None:
    """A canonical name is the most frequent spelling, known only once every file is read:
    names given out earlier are brought up to date."""
    agencies, leaders = directories.agencies, directories.leaders

    def agency(name: str) -> str:
        found = agencies.lookup(name)
        return found.name if found else name

    for task in result.tasks:
        task.lead = [agency(n) for n in task.lead]
        task.support = [agency(n) for n in task.support]
        if task.leader:
            found = leaders.lookup(task.leader)
            task.leader = found.name if found else task.leader
    for indicator in result.indicators:
        indicator.monitoring_agencies = [agency(n) for n in indicator.monitoring_agencies]


def _office(document: Document) -> str:
    """ "Chủ tịch" of "Ủy ban nhân dân thành phố Hải Phòng" -> "Chủ tịch Ủy ban nhân dân thành phố"."""
    body = document.issuer
    if document.place and body.endswith(document.place):
        body = body[: -len(document.place)].strip()
    return f"{document.signer_title} {body}".strip()


def _next_number(result: ParseResult, document: Document) -> int:
    return 1 + sum(1 for t in result.tasks if t.document == document.key)


def to_json(result: ParseResult) -> dict:
    """The `kehoach inspect --json` object; its schema is documented in docs/import-format.md."""
    units = {i.key: i.unit for i in result.indicators}
    return {
        "documents": [_document_json(d) for d in result.documents],
        "indicators": [to_jsonable(i) for i in result.indicators],
        "targets": [
            {"indicator": t.indicator, "year": t.year, "comparator": t.value.comparator.value,
             "low": to_jsonable(t.value.low), "high": to_jsonable(t.value.high),
             "unit": units.get(t.indicator, ""), "source_unit": t.source_unit, "text": t.value.text,
             "note": t.value.note or None, "document": t.document, "basis": t.basis.value, "scope": t.scope,
             **_where(t.location)}
            for t in result.targets
        ],
        "scenarios": [
            {"indicator": s.indicator, "period": s.period, "comparator": s.value.comparator.value,
             "low": to_jsonable(s.value.low), "high": to_jsonable(s.value.high), "text": s.value.text,
             "document": s.document, "scope": s.scope, **_where(s.location)}
            for s in result.scenarios
        ],
        "figures": [
            {"indicator": f.indicator, "period": f.period, "comparator": f.value.comparator.value,
             "low": to_jsonable(f.value.low), "high": to_jsonable(f.value.high), "text": f.value.text,
             "qualifier": f.qualifier, "source_unit": f.source_unit, "document": f.document, "scope": f.scope,
             **_where(f.location)}
            for f in result.figures
        ],
        "tasks": [
            {"number": t.number, "code": t.code, "group": {"code": t.group.code, "title": t.group.title},
             "content": t.content, "result": t.result, "lead": t.lead, "support": t.support,
             "deadline": t.deadline.to_dict(), "leader": t.leader, "document": t.document,
             "lead_text": t.lead_text, "support_text": t.support_text, "leader_text": t.leader_text,
             "attributes": dict(t.attributes), **_where(t.location)}
            for t in result.tasks
        ],
        "projects": [
            {"number": p.number, "name": p.name, "group": p.group, "group_title": p.group_title,
             "funding": p.funding, "funding_title": p.funding_title, "approvals": p.approvals,
             "value_million_vnd": to_jsonable(p.value_million_vnd), "value_text": p.value_text,
             "notes": p.notes, "components": [{"name": n, "value_million_vnd": to_jsonable(v)} for n, v in p.components],
             "document": p.document, **_where(p.location)}
            for p in result.projects
        ],
        "agencies": [to_jsonable(a) for a in result.agencies],
        "leaders": [to_jsonable(leader) for leader in result.leaders],
        "warnings": [{**w.to_dict(), "message_vi": vietnamese(w)} for w in result.warnings],
    }


def _document_json(d: Document) -> dict:
    return {"key": d.key, "kind": d.kind, "number": d.number, "issuer": d.issuer,
            "date": d.date.isoformat() if d.date else None, "title": d.title, "signer": d.signer,
            "signer_title": d.signer_title, "place": d.place, "scope": d.scope, "file": d.file,
            "parent": d.parent or None}


def _where(location) -> dict:
    return {"file": location.file, "line": location.line} if location else {"file": None, "line": None}
