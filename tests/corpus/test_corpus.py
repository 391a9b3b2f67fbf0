"""The development corpus: every document, as web-page text and as a Word file, against its truth.

Each document is inspected in process (``inspect_files``) and scored cell by cell against the
hand-checked truth in tests/corpus/expected (rules in scoring.py and README.md). The bars in
bars.json are a ratchet of measured values: the test fails when a document goes below its bar
(fewer rows found, fewer exact cells, more rows lost silently, fewer expected warnings, fewer exact
document fields) and prints every cell that differs. When a document does better than its bar, the
test says the bar may be raised (a warning in pytest's summary): raise it in bars.json.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
import warnings

import pytest

from tests.corpus import draft_truth, scoring

SLUGS = scoring.slugs()
BARS = scoring.load_bars()


def test_the_corpus_has_its_eight_documents_in_both_forms_and_a_bar_for_each():
    assert len(SLUGS) == 8
    for slug in SLUGS:
        for form in scoring.FORMS:
            assert (scoring.DOCUMENTS / f"{slug}.{form}").is_file(), f"{slug}.{form} is missing"
            bar = BARS[slug][form]
            assert set(bar) >= {"rows_found", "exact_cells_pct", "silent_losses", "warnings_found",
                                "document_exact", "reason"}, f"bar of {slug}.{form}"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_truth_is_what_the_drafting_script_writes(slug):
    """The JSON files are drafted by draft_truth.py from the Word tables plus its named corrections:
    a hand edit of a JSON file that the script does not make is caught here."""
    committed = (scoring.EXPECTED / f"{slug}.json").read_text(encoding="utf-8")
    assert draft_truth.render(draft_truth.draft(slug)) == committed


def _flat(text: str) -> str:
    """The web text as one line: NFC, emphasis markers gone, a wrapped cell joined with spaces."""
    text = re.sub(r"\*+|__", "", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_cell_of_the_truth_is_written_in_the_web_text(slug):
    """The truth was drafted from the Word tables; each of its cells is also in the .txt as written."""
    web = _flat((scoring.DOCUMENTS / f"{slug}.txt").read_text(encoding="utf-8"))
    expected = scoring.truth(slug)
    cells = [t.get(k) for t in expected["tasks"] for k in ("content", "lead_text", "support_text", "leader_text",
                                                           "deadline_text", "result_text")]
    cells += [v for t in expected["tasks"] for v in t["extra"].values()]
    cells += [v for i in expected["indicators"]
              for v in (i["name"], i.get("unit"), i.get("lead_text"), *(x["text"] for x in i["targets"] + i["figures"]))]
    missing = [c for c in cells if c and _flat(c) not in web]
    assert not missing, missing[:5]


@pytest.mark.parametrize("form", scoring.FORMS)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_document_reads_at_least_as_well_as_its_bar(slug, form):
    result = scoring.score(slug, form)
    measured = result.measured()
    bar = BARS[slug][form]
    worse = scoring.below_bar(measured, bar)
    assert not worse, f"{slug}.{form} went below its bar: {'; '.join(worse)}\n{result.report()}"
    if scoring.above_bar(measured, bar):
        warnings.warn(f"{slug}.{form} reads better than its bar: {json.dumps(measured)}; "
                      f"the bar in tests/corpus/bars.json may be raised", UserWarning, stacklevel=1)


# --------------------------------------------------------------------------------------------------
# The scoring itself: it gives full marks to the truth and catches a changed cell.


def _as_result(expected: dict) -> dict:
    """The truth written as an `inspect --json` object, as a perfect importer would give it."""
    doc = expected["document"]
    tasks = [
        {"code": t["stt"], "group": {"code": ".".join(g["code"] for g in t["group"]),
                                    "title": t["group"][-1]["title"] if t["group"] else ""},
         "content": t["content"], "result": t.get("result_text", ""), "lead_text": t.get("lead_text"),
         "support_text": t.get("support_text"), "leader_text": t.get("leader_text"),
         "deadline": {"text": t.get("deadline_text", "")}, "attributes": dict(t["extra"])}
        for t in expected["tasks"]
    ]
    indicators, targets, figures = [], [], []
    for n, i in enumerate(expected["indicators"]):
        key = f"i{n}"
        parent = next((f"i{k}" for k, o in enumerate(expected["indicators"][:n]) if o["name"] == i.get("parent")), None)
        indicators.append({"key": key, "name": i["name"], "aliases": [], "unit": i.get("unit"),
                           "lead_text": i.get("lead_text"), "parent": parent})
        targets += [{"indicator": key, "year": t["year"], "comparator": t.get("comparator"), "low": t.get("low"),
                     "high": t.get("high"), "text": t["text"]} for t in i["targets"]]
        figures += [{"indicator": key, "period": str(f["year"]), "text": f["text"]} for f in i["figures"]]
    warns = [{"code": "x", "message": w["match"][0]} for w in expected["warnings"]]
    return {"documents": [{"issuer": doc["issuer"], "number": doc["number"], "kind": doc["kind"],
                           "date": doc["date"], "title": f"{doc['kind']} {doc['title'] or ''}".strip()}],
            "tasks": tasks, "indicators": indicators, "targets": targets, "figures": figures, "warnings": warns}


@pytest.fixture
def perfect(monkeypatch):
    results: dict[str, dict] = {}

    def run(slug, form):
        return copy.deepcopy(results[slug]), None, 0.0

    monkeypatch.setattr(scoring, "run", run)
    return results


@pytest.mark.parametrize("slug", SLUGS)
def test_the_truth_itself_scores_every_row_and_every_cell(slug, perfect):
    perfect[slug] = _as_result(scoring.truth(slug))
    result = scoring.score(slug, "txt")
    assert (result.rows_found, result.cells_exact, result.silent_losses, result.document_exact) == (
        result.rows_expected, result.cells_expected, 0, 5), result.report()
    assert result.warnings_found == result.warnings_expected


def test_a_changed_cell_a_lost_row_and_a_silent_loss_are_caught(perfect):
    slug = "hanoi_kh310_hatang5g"
    found = _as_result(scoring.truth(slug))
    found["tasks"][0]["support_text"] = "Sở Khoa học và Công nghệ, Sở Công Thương; UBND các phường, xã"
    del found["tasks"][3]
    perfect[slug] = found
    result = scoring.score(slug, "txt")
    assert result.rows_found == result.rows_expected - 1
    assert result.silent_losses == 1
    changed = [d for d in result.diffs if d.row != "(row not found)"]
    assert [(d.cell, d.expected) for d in changed] == [
        ("support_text", "Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã")]
    assert "support_text" in result.report()

    found["warnings"].append({"code": "rows-not-read", "message": "row 4 not read: " +
                              scoring.truth(slug)["tasks"][3]["content"]})
    assert scoring.score(slug, "txt").silent_losses == 0, "a row named in a warning is not lost silently"


def test_a_refused_document_is_lost_loudly_not_silently(monkeypatch):
    monkeypatch.setattr(scoring, "run", lambda slug, form: (None, "ImportFailure: not a document", 0.0))
    result = scoring.score("hanoi_kh310_hatang5g", "docx")
    assert (result.rows_found, result.silent_losses, result.error) == (0, 0, "ImportFailure: not a document")
