"""A person's corrections applied by the importer: column meanings, row marks and cell edits, before the
rows are parsed, so the result is read again from what the person said."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.importer import ImportFailure, inspect_files
from kehoach.domain.importer.corrections import (
    COLUMN_ROLES,
    ROW_MARKS,
    CorrectionError,
    Profile,
    TableCorrections,
    corrections_from_dict,
    corrections_to_dict,
    for_profile,
    profile_issuer,
)

PLAN = Path(__file__).parent / "fixtures" / "quang-ninh-style-plan.txt"  # rows at lines 10-18


def read(corrections=None, profiles=None):
    return inspect_files([PLAN], corrections, profiles)


def key() -> str:
    return read().readings[0].key


def test_each_table_says_what_each_column_and_row_was_read_as():
    reading = read().readings[0]

    assert reading.kind == "tasks" and reading.line == 8
    assert [c.meaning for c in reading.columns] == ["key", "content", "lead", "support", "deadline"]
    assert [(r.line, r.kind) for r in reading.rows] == [
        (10, "group"), (11, "group"), (12, "group"), (13, "task"), (14, "task"), (15, "task"), (16, "group"),
        (17, "group"), (18, "task")]


def test_a_column_meaning_changed_is_read_so():
    result = read({key(): TableCorrections(columns={3: "result"})})

    assert [t.result for t in result.tasks][:2] == ["Các sở, ban, ngành", ""]
    assert all(not t.support for t in result.tasks)
    assert result.readings[0].columns[3].corrected


def test_a_column_given_a_meaning_another_holds_takes_it_from_that_column():
    result = read({key(): TableCorrections(columns={3: "lead"})})

    assert [c.meaning for c in result.readings[0].columns][2:4] == ["attribute", "lead"]
    assert result.tasks[0].lead_text == "Các sở, ban, ngành"
    assert result.tasks[0].attributes == {"Cơ quan chủ trì": "Sở Tư pháp"}


def test_an_ignored_column_is_neither_read_nor_kept_as_an_attribute():
    result = read({key(): TableCorrections(columns={3: "ignored"})})

    assert result.tasks[0].attributes == {} and result.tasks[0].support == []
    assert result.readings[0].columns[3].meaning == "ignored"


def test_rows_marked_skip_group_and_task():
    result = read({key(): TableCorrections(rows={18: "skip", 13: "group", 12: "task"})})

    assert [(t.code, t.group.code) for t in result.tasks] == [("1", "A.I"), ("1.2", "A.I.1.1"), ("-", "A.I.1.1")]
    rows = {r.line: r for r in result.readings[0].rows}
    assert (rows[18].kind, rows[18].mark, rows[18].why) == ("skipped", "skip", "Người dùng đánh dấu bỏ qua")
    assert "18" not in " ".join(w.message for w in result.warnings if w.code == "rows-not-read")


def test_a_corrected_cell_is_parsed_again():
    result = read({key(): TableCorrections(cells={(13, 4): "Quý IV/2025"})})

    assert result.tasks[0].deadline.text == "Quý IV/2025"
    assert str(result.tasks[0].deadline.due) == "2025-12-31"
    assert result.readings[0].rows[3].edited == [4]


def test_a_correction_outside_the_table_names_it():
    with pytest.raises(ImportFailure, match="no column 8"):
        read({key(): TableCorrections(cells={(13, 7): "x"})})


def test_an_unknown_meaning_is_refused_with_the_choices():
    with pytest.raises(CorrectionError, match="expected one of key, leader"):
        TableCorrections.from_dict({"columns": {"1": "budget"}})


def test_a_profile_applies_to_its_issuers_layout_only():
    issuer = profile_issuer(read().documents[0].issuer)
    profile = Profile(issuer, key(), TableCorrections(columns={3: "ignored"}), label="Quảng Ninh, 12/05/2025")

    applied = read(profiles={(issuer, key()): profile})
    other = read(profiles={("uy ban nhan dan tinh thai binh", key()): profile})

    assert applied.readings[0].profile == "Quảng Ninh, 12/05/2025"
    assert all(not t.support for t in applied.tasks)
    assert other.readings[0].profile == "" and other.tasks[0].support


def test_a_persons_corrections_win_over_the_profile():
    issuer = profile_issuer(read().documents[0].issuer)
    profile = Profile(issuer, key(), TableCorrections(columns={3: "ignored"}, row_texts={}), label="p")

    result = read({key(): TableCorrections(columns={3: "support"})}, {(issuer, key()): profile})

    assert result.tasks[0].support


def test_a_profile_keeps_meanings_and_marks_by_row_text_never_cells():
    reading = read().readings[0]
    fixes = TableCorrections(columns={3: "ignored"}, rows={18: "skip"}, cells={(13, 4): "x"})

    kept = for_profile(fixes, reading.rows)

    assert kept.columns == {3: "ignored"} and kept.cells == {}
    assert kept.row_texts == {"2 | khoi cong du an | so giao thong van tai | ubnd cac huyen | truoc ngay 30/6/2025": "skip"}


def test_a_profile_row_mark_finds_its_row_in_the_next_document():
    reading = read().readings[0]
    issuer = profile_issuer(read().documents[0].issuer)
    kept = for_profile(TableCorrections(rows={18: "skip"}), reading.rows)

    result = read(profiles={(issuer, reading.key): Profile(issuer, reading.key, kept, "p")})

    assert [t.code for t in result.tasks] == ["1.1", "1.2", "-"]


@given(st.dictionaries(st.integers(0, 30), st.sampled_from(COLUMN_ROLES), max_size=4),
       st.dictionaries(st.integers(1, 5000), st.sampled_from(ROW_MARKS), max_size=4),
       st.dictionaries(st.tuples(st.integers(1, 5000), st.integers(0, 30)), st.text(max_size=20), max_size=4))
def test_corrections_survive_their_json(columns, rows, cells):
    corrections = {"abc": TableCorrections(columns=columns, rows=rows, cells=cells)}

    again = corrections_from_dict(corrections_to_dict(corrections))

    assert again == {k: v for k, v in corrections.items() if v}
