"""Nothing silent: what a table gave, and every row it did not give, said with its place.

After a table is parsed, every row no parser read (not a task, group, continuation, indicator,
target, figure or project) is counted and listed in one ``rows-not-read`` warning naming the
table's line and each row's line and first words. A document whose tables were all left unread
gets a ``nothing-understood`` warning listing them; ``kehoach inspect``/``import`` and the upload
refuse such a document (:func:`require_understood`, exit status 2).
"""

from __future__ import annotations

from kehoach.domain.entities import Finding, ParseResult
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.reader import Row, Table

NOTHING_UNDERSTOOD = "nothing-understood"
_SNIPPET = 48


def snippet(row: Row) -> str:
    """The row's cells, each cut to be short: how a person finds the row again."""
    return " · ".join(_cut(c) for c in row.cells if c)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def report_unread(table: Table, ctx: Context, why: str) -> int:
    """Warn about every row of the table no parser read; returns how many."""
    unread = [r for r in table.rows if any(r.cells) and not ctx.read.intersection(r.lines or [r.line])]
    if unread:
        listed = "; ".join(f"line {r.line}: {snippet(r)}" for r in unread)
        ctx.warn("rows-not-read", f"table at line {table.line}{_title(table)}: {len(unread)} row(s) not read "
                 f"({why}): {listed}", table.line)
    return len(unread)


def report_nothing_understood(tables: list[tuple[Table, str]], ctx: Context) -> None:
    """Tables were found and none gave anything: one warning listing them, with why."""
    listed = "; ".join(f"table at line {t.line}{_title(t)} ({len(t.rows)} rows: {why})" for t, why in tables)
    ctx.warn(NOTHING_UNDERSTOOD, f"{len(tables)} table(s) found and none understood: {listed}",
             tables[0][0].line if tables else 1)


def _title(table: Table) -> str:
    """The table's title as written above it ("Mẫu biểu số 02 …", "Phụ lục II …"), short."""
    text = " ".join(table.caption)
    if not text:
        return ""
    return f" «{text if len(text) <= 160 else text[:159] + '…'}»"


def require_understood(result: ParseResult) -> None:
    """Refuse a result in which a document's tables were all left unread (exit status 2)."""
    failures: list[Finding] = [w for w in result.warnings if w.code == NOTHING_UNDERSTOOD]
    if failures:
        first = failures[0]
        files = {f.location.file for f in failures if f.location}
        rows = [w.message for w in result.warnings
                if w.code == "rows-not-read" and w.location and w.location.file in files]
        raise ImportFailure(" | ".join([f.message for f in failures] + rows), first.location,
                            expected="a table of tasks, indicators, targets or projects whose header names "
                                     "its columns (see docs/import-format.md)")
