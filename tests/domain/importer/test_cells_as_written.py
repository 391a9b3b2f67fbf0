"""Agency, leader and deadline cells are kept exactly as written next to what they were read as.

Canonicalisation (domain/names.py) chooses one name per agency across documents; it never rewrites
what a document says: "Bộ, ngành" stays "Bộ, ngành", "liên quan" stays, "UBND các phường, xã"
stays, a duplicated ", đơn vị" stays. Two agencies written without a separator are read as two, with
a warning, and the cell stays as written.
"""

from datetime import date
from pathlib import Path

from kehoach.domain.importer import inspect_files, to_json
from kehoach.domain.names import agency_key

PLAN = Path(__file__).parent / "fixtures" / "cells-as-written-plan.txt"


def tasks():
    return {t.code: t for t in inspect_files([PLAN]).tasks}


def test_each_agency_cell_is_kept_as_written_next_to_its_agencies():
    found = tasks()
    assert found["1"].support_text == "Sở Tài chính Sở Công Thương; UBND các phường, xã"
    assert found["2"].lead_text == "Bộ, ngành"
    assert found["2"].support_text == "Các sở, ban, ngành, đơn vị, đơn vị liên quan"
    assert found["3"].support_text == "Sở Sở Công thương; liên quan"
    assert found["1"].lead_text == "Sở Khoa học và Công nghệ"
    assert found["3"].lead_text == "Sở Khoa học và Công nghệ Sở Tài chính"
    assert found["3"].lead == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]


def test_two_agencies_without_a_separator_are_two_agencies_and_a_warning():
    result = inspect_files([PLAN])
    task = next(t for t in result.tasks if t.code == "1")
    assert task.support == ["Sở Tài chính", "Sở Công Thương", "UBND các phường, xã"]
    (warning,) = [w for w in result.warnings if w.code == "agency-separator" and "task 1:" in w.message]
    assert "Sở Tài chính Sở Công Thương" in warning.message and "task 1" in warning.message
    assert (warning.location.line, warning.location.column) == (11, 4)  # the row of task 1, the support column


def test_a_head_word_written_twice_is_read_once_and_warned():
    result = inspect_files([PLAN])
    task = next(t for t in result.tasks if t.code == "3")
    assert task.support[0] in ("Sở Sở Công thương", "Sở Công Thương")  # one agency with task 1's
    assert len([a for a in result.agencies if agency_key(a.name) == agency_key("Sở Công Thương")]) == 1
    assert any(w.code == "agency-typo" and "Sở Sở Công thương" in w.message for w in result.warnings)


def test_deadlines_are_kept_as_written_and_read():
    found = tasks()
    assert (found["1"].deadline.text, found["1"].deadline.due) == ("Quí IV-2025", date(2025, 12, 31))
    assert (found["2"].deadline.text, found["2"].deadline.due) == ("Tháng 06/2026", date(2026, 6, 30))
    assert (found["3"].deadline.start, found["3"].deadline.due) == (date(2026, 1, 1), None)
    assert found["4"].deadline.recurrence.every == ["quarter"]
    assert not [w for w in inspect_files([PLAN]).warnings if w.code.startswith("deadline")]


def test_inspect_json_carries_the_cells_as_written_and_the_canonical_names():
    data = to_json(inspect_files([PLAN]))
    task = next(t for t in data["tasks"] if t["code"] == "2")
    assert task["lead_text"] == "Bộ, ngành" and task["lead"]
    assert task["support_text"] == "Các sở, ban, ngành, đơn vị, đơn vị liên quan"
    assert task["deadline"]["text"] == "Tháng 06/2026"
    assert task["leader_text"] == "" and task["attributes"] == {}
