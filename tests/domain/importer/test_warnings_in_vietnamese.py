"""The importer's warnings as a person reads them: Vietnamese, no code, every particular kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.domain.entities import Finding
from kehoach.domain.importer import inspect_files, to_json
from kehoach.domain.importer.wording import TITLES, is_said, vietnamese

SAMPLES = Path(__file__).resolve().parents[3] / "src" / "kehoach" / "sample_data"
FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
ENGLISH = (" the ", " is ", " not ", " row", " table", " task ", " written", " read as", " kept ")


def warnings_of(paths):
    try:
        return inspect_files(paths).warnings
    except Exception:  # a fixture that is meant to fail: its warnings are not these tests' subject
        return []


def every_warning() -> list[Finding]:
    found = warnings_of([SAMPLES / "bao-cao-619-BC-TU-2024.txt", SAMPLES / "ke-hoach-86-KH-UBND-2025.txt"])
    for path in sorted(FIXTURES.glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        found += warnings_of([path])
    return found


def test_every_warning_the_seeds_fixtures_and_corpus_give_is_said_in_vietnamese():
    found = every_warning()

    assert len({w.code for w in found}) >= 10
    for finding in found:
        said = vietnamese(finding)
        assert is_said(finding), f"not said in Vietnamese: [{finding.code}] {finding.message}"
        assert finding.code not in said
        assert not any(word in f" {said} " for word in ENGLISH), said


@pytest.mark.parametrize(("finding", "said"), [
    (Finding("deadline-unknown", "task 3: deadline 'Theo lộ trình' is not understood; kept as text"),
     "nhiệm vụ 3: chưa hiểu được thời hạn “Theo lộ trình”; giữ nguyên như văn bản"),
    (Finding("scenario-sum", "Xuất khẩu: 2025-Q1 + 2025-Q2 = 10, but 2025-H1 is '12' (beyond rounding)"),
     "Xuất khẩu: Quý I/2025 + Quý II/2025 = 10, nhưng 6 tháng đầu năm 2025 là “12” (chênh lệch vượt mức làm tròn)"),
    (Finding("task-row-unknown", "row number 'a)' is neither a task number nor a group; row skipped"),
     "số thứ tự “a)” không phải số nhiệm vụ cũng không phải nhóm; dòng bị bỏ qua"),
])
def test_particulars_are_put_back_periods_said_as_periods(finding, said):
    assert vietnamese(finding) == said


def test_an_indicator_key_is_said_by_its_name():
    finding = Finding("target-changed", "budget_revenue 2025: 86/KH-UBND sets '129.519,3', 619-BC/TU set "
                      "'118.079,279'; the later target supersedes it (same basis)")

    said = vietnamese(finding, {"budget_revenue": "Thu ngân sách nhà nước"})

    assert said.startswith("Thu ngân sách nhà nước năm 2025: 86/KH-UBND đặt “129.519,3”")
    assert "budget_revenue" not in said


def test_a_message_whose_wording_changed_still_gets_its_codes_sentence():
    finding = Finding("lead-missing", "the lead agency of task 4 is missing")

    assert not is_said(finding)
    assert vietnamese(finding) == TITLES["lead-missing"]


def test_json_keeps_the_code_and_gives_the_vietnamese_beside_it():
    result = inspect_files([FIXTURES / "cells-as-written-plan.txt"])
    warnings = to_json(result)["warnings"]

    assert "agency-separator" in [w["code"] for w in warnings]
    for data, finding in zip(warnings, result.warnings, strict=True):
        assert (data["code"], data["message"], data["message_vi"]) == (finding.code, finding.message,
                                                                       vietnamese(finding))
