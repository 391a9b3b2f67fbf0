"""Scoring the importer against the hand-checked truth of tests/corpus/expected (used by
tests/corpus/test_corpus.py and bench/bench_corpus.py).

``score(slug, form)`` runs ``inspect_files`` on tests/corpus/documents/<slug>.<form> and compares
what it found with the truth, cell by cell. The rules (documented in tests/corpus/README.md):

* Rows are the truth's tasks and indicators. An expected row is *found* when a task (indicator) of
  the result is paired with it: tasks are paired in document order on their number and text
  (difflib over both sequences, then position inside the gaps); indicators by name (and parent name
  when a name repeats).
* Cells: a task's number, group code path, group title, content, lead/support/leader cell as
  written, deadline text, result text and every extra column; an indicator's unit, lead cell and
  each target and figure. A cell is exact when it equals the truth after NFC and white space
  collapsed; a row not found has every cell wrong. The document's issuer, number, kind, date and
  title are scored apart (``document_exact`` of 5).
* A row is *lost silently* when it is not found and no warning message names it (its first 30
  characters of text, case and spacing ignored). A document the importer refuses with an error is
  lost loudly, not silently.
* An expected warning is *found* when one of its ``match`` texts appears in a warning message.
"""

from __future__ import annotations

import difflib
import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.domain.importer import inspect_files, to_json

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
EXPECTED = HERE / "expected"
BARS = HERE / "bars.json"
FORMS = ("txt", "docx")
NAMED_PREFIX = 30


def slugs() -> list[str]:
    return sorted(p.stem for p in EXPECTED.glob("*.json"))


def truth(slug: str) -> dict:
    return json.loads((EXPECTED / f"{slug}.json").read_text(encoding="utf-8"))


def norm(value) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()


def loose(value) -> str:
    return (norm(value) or "").casefold()


@dataclass
class CellDiff:
    row: str
    cell: str
    expected: object
    found: object

    def __str__(self) -> str:
        return f"  {self.row} · {self.cell}\n      expected: {self.expected!r}\n      found:    {self.found!r}"


@dataclass
class Score:
    slug: str
    form: str
    rows_expected: int = 0
    rows_found: int = 0
    cells_expected: int = 0
    cells_exact: int = 0
    silent_losses: int = 0
    warnings_expected: int = 0
    warnings_found: int = 0
    document_exact: int = 0
    seconds: float = 0.0
    error: str | None = None
    diffs: list[CellDiff] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    warnings_missing: list[str] = field(default_factory=list)

    @property
    def exact_pct(self) -> float:
        return round(100.0 * self.cells_exact / self.cells_expected, 1) if self.cells_expected else 100.0

    def measured(self) -> dict:
        return {"rows_found": self.rows_found, "exact_cells_pct": self.exact_pct,
                "silent_losses": self.silent_losses, "warnings_found": self.warnings_found,
                "document_exact": self.document_exact}

    def report(self, limit: int = 60) -> str:
        lines = [f"{self.slug}.{self.form}: rows {self.rows_found}/{self.rows_expected}, exact cells "
                 f"{self.cells_exact}/{self.cells_expected} ({self.exact_pct} %), silent losses {self.silent_losses}, "
                 f"warnings {self.warnings_found}/{self.warnings_expected}, document {self.document_exact}/5"]
        if self.error:
            lines.append(f"  the importer refused the document: {self.error}")
        if self.missing:
            lines.append(f"  rows not found ({len(self.missing)}): " + "; ".join(self.missing[:15])
                         + (" …" if len(self.missing) > 15 else ""))
        if self.silent:
            lines.append(f"  rows lost silently ({len(self.silent)}): " + "; ".join(self.silent[:15])
                         + (" …" if len(self.silent) > 15 else ""))
        if self.warnings_missing:
            lines.append("  expected warnings not given: " + "; ".join(self.warnings_missing))
        shown = [d for d in self.diffs if d.row != "(row not found)"]
        if shown:
            lines.append(f"  cells that differ ({len(shown)} in rows found; first {min(limit, len(shown))}):")
            lines.extend(str(d) for d in shown[:limit])
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------


def run(slug: str, form: str) -> tuple[dict | None, str | None, float]:
    path = DOCUMENTS / f"{slug}.{form}"
    start = time.perf_counter()
    try:
        result = to_json(inspect_files([path]))
    except Exception as exc:  # noqa: BLE001 - a refusal (ImportFailure) or a crash: both are measured
        return None, f"{type(exc).__name__}: {exc}", time.perf_counter() - start
    return result, None, time.perf_counter() - start


def score(slug: str, form: str) -> Score:
    expected = truth(slug)
    found, error, seconds = run(slug, form)
    s = Score(slug, form, seconds=seconds, error=error)
    rows = _task_cells(expected["tasks"]) + _indicator_cells(expected["indicators"])
    s.rows_expected = len(rows)
    s.cells_expected = sum(len(cells) for _, cells in rows)
    s.warnings_expected = len(expected["warnings"])
    if found is None:
        s.missing = [label for label, _ in rows]
        s.warnings_missing = [w["about"] for w in expected["warnings"]]
        return s
    s.document_exact, wrong = _document_exact(expected["document"], found["documents"])
    s.diffs.extend(CellDiff("(document)", name, want, have) for name, want, have in wrong)
    messages = [loose(w["message"]) for w in found["warnings"]]
    pairs = _pair_tasks(expected["tasks"], found["tasks"]) + _pair_indicators(expected["indicators"], found)
    for (label, cells), got in zip(rows, pairs, strict=True):
        if got is None:
            s.missing.append(label)
            for name, value in cells.items():
                s.diffs.append(CellDiff("(row not found)", f"{label} · {name}", value, None))
            text = loose(cells.get("content") or cells.get("name"))[:NAMED_PREFIX]
            if not any(text and text in m for m in messages):
                s.silent.append(label)
            continue
        s.rows_found += 1
        for name, value in cells.items():
            have = got.get(name)
            if _equal(value, have):
                s.cells_exact += 1
            else:
                s.diffs.append(CellDiff(label, name, value, have))
    s.silent_losses = len(s.silent)
    for warning in expected["warnings"]:
        if any(loose(m) in message for m in warning["match"] for message in messages):
            s.warnings_found += 1
        else:
            s.warnings_missing.append(warning["about"])
    return s


def _equal(expected, found) -> bool:
    if isinstance(expected, dict):
        return isinstance(found, dict) and all(_equal(v, found.get(k)) for k, v in expected.items())
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(found, (int, float)) and not isinstance(found, bool) and float(found) == float(expected)
    return norm(expected) == norm(found)


# --------------------------------------------------------------------------------------------------
# The document


def _document_exact(expected: dict, documents: list[dict]) -> tuple[int, list[tuple[str, object, object]]]:
    """How many of issuer, number, kind, date and title are right, and the (field, expected, found) wrong."""
    doc = documents[0] if documents else {}
    title = loose(doc.get("title"))
    kind = loose(expected["kind"])
    if title == kind or title.startswith(kind + " "):  # "Kế hoạch phát triển ..." -> "phát triển ..."
        title = title[len(kind):].strip()
    checks = [
        ("issuer", loose(expected["issuer"]) == loose(doc.get("issuer"))),
        ("number", norm(expected["number"]) == norm(doc.get("number"))),
        ("kind", norm(expected["kind"]) == norm(doc.get("kind"))),
        ("date", expected["date"] == doc.get("date")),
        ("title", (expected["title"] is None and not title) or loose(expected["title"]) == title),
    ]
    wrong = [(name, expected[name], doc.get(name)) for name, ok in checks if not ok]
    return sum(ok for _, ok in checks), wrong


# --------------------------------------------------------------------------------------------------
# Tasks


def _task_label(task: dict) -> str:
    path = ".".join(g["code"] for g in task["group"] if g["code"])
    return f"{task['part']} {path + ' ' if path else ''}{task['stt'] or '-'} «{norm(task['content'])[:40]}»"


def _task_cells(tasks: list[dict]) -> list[tuple[str, dict]]:
    out = []
    for task in tasks:
        cells = {
            "stt": task["stt"],
            "group_code": ".".join(g["code"] for g in task["group"]),
            "group_title": task["group"][-1]["title"] if task["group"] else "",
            "content": task["content"],
        }
        for name in ("lead_text", "support_text", "leader_text", "deadline_text", "result_text"):
            if name in task:
                cells[name] = task[name]
        for header, value in task["extra"].items():
            cells[f"attributes[{header}]"] = value
        out.append((_task_label(task), cells))
    return out


def _found_task_cells(task: dict) -> dict:
    cells = {
        "stt": task.get("code"),
        "group_code": (task.get("group") or {}).get("code"),
        "group_title": (task.get("group") or {}).get("title"),
        "content": task.get("content"),
        "lead_text": task.get("lead_text"),
        "support_text": task.get("support_text"),
        "leader_text": task.get("leader_text"),
        "deadline_text": (task.get("deadline") or {}).get("text"),
        "result_text": task.get("result"),
    }
    for header, value in (task.get("attributes") or {}).items():
        cells[f"attributes[{header}]"] = value
    return cells


def _pair_tasks(expected: list[dict], found: list[dict]) -> list[dict | None]:
    """For each expected task, the found task paired with it (or None)."""
    def key(stt, content):
        return (loose(stt).rstrip("."), loose(content)[:60])

    a = [key(t["stt"], t["content"]) for t in expected]
    b = [key(t.get("code"), t.get("content")) for t in found]
    pairs: list[dict | None] = [None] * len(expected)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                pairs[i1 + k] = _found_task_cells(found[j1 + k])
        elif tag == "replace":  # the same row with a different text is still that row
            j = j1
            for i in range(i1, i2):
                hit = next((k for k in range(j, j2) if _same_row(expected[i], found[k])), None)
                if hit is not None:
                    pairs[i] = _found_task_cells(found[hit])
                    j = hit + 1
    return pairs


def _same_row(expected: dict, found: dict) -> bool:
    """A row whose number matches, or whose text starts the same, is the expected row."""
    same_number = loose(expected["stt"]).rstrip(".") == loose(found.get("code")).rstrip(".")
    same_start = loose(expected["content"])[:20] == loose(found.get("content"))[:20]
    return same_number or same_start


# --------------------------------------------------------------------------------------------------
# Indicators


def _indicator_label(indicator: dict) -> str:
    parent = f" (of {indicator['parent'][:25]})" if indicator.get("parent") else ""
    return f"{indicator['part']} {indicator['stt'] or '-'} «{norm(indicator['name'])[:40]}»{parent}"


def _indicator_cells(indicators: list[dict]) -> list[tuple[str, dict]]:
    out = []
    for indicator in indicators:
        cells: dict = {"name": indicator["name"]}
        if "unit" in indicator:
            cells["unit"] = indicator["unit"]
        if "lead_text" in indicator:
            cells["lead_text"] = indicator["lead_text"]
        for target in indicator["targets"]:
            value = {k: target[k] for k in ("comparator", "low", "high") if k in target} or {"text": target["text"]}
            cells[f"target {target['year']}"] = value
        for figure in indicator["figures"]:
            cells[f"figure {figure['year']}"] = {"text": figure["text"]}
        out.append((_indicator_label(indicator), cells))
    return out


def _pair_indicators(expected: list[dict], found: dict) -> list[dict | None]:
    by_name: dict[str, list[dict]] = {}
    for indicator in found["indicators"]:
        for name in {indicator["name"], *indicator.get("aliases", [])}:
            by_name.setdefault(loose(name), []).append(indicator)
    keys = {i["key"]: i for i in found["indicators"]}
    used: set[str] = set()
    pairs: list[dict | None] = []
    for indicator in expected:
        candidates = [c for c in by_name.get(loose(indicator["name"]), []) if c["key"] not in used]
        if len(candidates) > 1 and indicator.get("parent"):
            with_parent = [c for c in candidates if c.get("parent") in keys
                           and loose(keys[c["parent"]]["name"]) == loose(indicator["parent"])]
            candidates = with_parent or candidates
        if not candidates:
            pairs.append(None)
            continue
        got = candidates[0]
        used.add(got["key"])
        # The unit as written is the targets' and figures' source unit; the indicator's own unit is the
        # canonical one values are converted to ("Triệu USD" may be kept in "tỷ USD").
        written_units = [v.get("source_unit") for v in (*found["targets"], *found["figures"])
                         if v["indicator"] == got["key"] and v.get("source_unit")]
        unit = written_units[0] if written_units else got.get("unit")
        cells = {"name": indicator["name"], "unit": unit, "lead_text": got.get("lead_text")}
        for target in found["targets"]:
            if target["indicator"] == got["key"]:
                cells[f"target {target['year']}"] = {"comparator": target["comparator"], "low": target["low"],
                                                     "high": target["high"], "text": target["text"]}
        for figure in found["figures"]:
            if figure["indicator"] == got["key"]:
                cells[f"figure {str(figure['period'])[:4]}"] = {"text": figure["text"]}
        pairs.append(cells)
    return pairs


# --------------------------------------------------------------------------------------------------
# Bars


def load_bars() -> dict:
    return json.loads(BARS.read_text(encoding="utf-8"))


def below_bar(measured: dict, bar: dict) -> list[str]:
    """What went below the bar (the ratchet): fewer rows, fewer exact cells, more silent losses..."""
    worse = []
    if measured["rows_found"] < bar["rows_found"]:
        worse.append(f"rows found {measured['rows_found']} < bar {bar['rows_found']}")
    if measured["exact_cells_pct"] < bar["exact_cells_pct"]:
        worse.append(f"exact cells {measured['exact_cells_pct']} % < bar {bar['exact_cells_pct']} %")
    if measured["silent_losses"] > bar["silent_losses"]:
        worse.append(f"silent losses {measured['silent_losses']} > bar {bar['silent_losses']}")
    if measured["warnings_found"] < bar["warnings_found"]:
        worse.append(f"expected warnings found {measured['warnings_found']} < bar {bar['warnings_found']}")
    if measured["document_exact"] < bar["document_exact"]:
        worse.append(f"document fields exact {measured['document_exact']} < bar {bar['document_exact']}")
    return worse


def above_bar(measured: dict, bar: dict) -> bool:
    return (measured["rows_found"] > bar["rows_found"] or measured["exact_cells_pct"] > bar["exact_cells_pct"]
            or measured["silent_losses"] < bar["silent_losses"] or measured["warnings_found"] > bar["warnings_found"]
            or measured["document_exact"] > bar["document_exact"])
