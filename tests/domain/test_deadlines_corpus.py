"""Every deadline cell of the development corpus (tests/corpus/documents), read to its meaning.

The table lists each distinct text of a deadline column of the eight documents, as written (the
documents are all dated 2025, so 2025 is the default year), plus the phrasings of the same family
named in issue 13 that these eight do not happen to use. ``test_the_table_covers_every_deadline_cell``
keeps the table complete: a corpus document with a new phrasing fails it until the phrasing is here.
"""

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.deadlines import parse_deadline
from kehoach.domain.periods import roman

EXPECTED = Path(__file__).resolve().parents[1] / "corpus" / "expected"


def meaning(due=None, start=None, every=None, condition=None, note=None):
    return {
        "due": due,
        "start": start,
        "recurrence": None if every is None else {"every": list(every), "until": None},
        "condition": condition,
        "milestones": [],
        "note": note,
        "understood": True,
    }


def day(text):
    d, m, y = (int(x) for x in text.split("/"))
    return date(y, m, d).isoformat()


_DATES = [
    "01/01/2026", "01/03/2026", "01/10/2025", "01/11/2025", "10/10/2025", "15/09/2025", "15/10/2025",
    "15/12/2025", "18/10/2025", "20/06/2025", "20/09/2025", "20/10/2025", "25/11/2025", "30/05/2025",
    "30/06/2025", "30/09/2025", "30/11/2025", "31/03/2025", "31/05/2025", "31/07/2025", "31/08/2025",
    "31/10/2025", "31/12/2025", "31/12/2026",
]

CORPUS = {
    **{text: meaning(due=day(text)) for text in _DATES},
    # Văn phòng Chính phủ 624, Phụ lục II: standing tasks
    "Nhiệm vụ thường xuyên": meaning(note="Nhiệm vụ thường xuyên"),
    # Bộ VHTTDL 6225
    "Tháng 11/2025": meaning(due="2025-11-30"),
    "Tháng 12/2025": meaning(due="2025-12-31"),
    "Theo lộ trình được giao tại Kế hoạch số 02-KH/BCĐTW": meaning(
        condition="Theo lộ trình được giao tại Kế hoạch số 02-KH/BCĐTW"),
    # Bộ Nội vụ 1383 (publication months)
    "Tháng 3/2025": meaning(due="2025-03-31"),
    "Tháng 4/2025": meaning(due="2025-04-30"),
    "Tháng 5/2025": meaning(due="2025-05-31"),
    "Tháng 6/2025": meaning(due="2025-06-30"),
    "Tháng 3/2026": meaning(due="2026-03-31"),
    "Tháng 6/2026": meaning(due="2026-06-30"),
    # Hà Nội 310
    "Quý III Năm 2026": meaning(due="2026-09-30"),
    "Quý IV/2025- Quý II/2026": meaning(due="2026-06-30", start="2025-10-01"),
    "Thường xuyên": meaning(note="Thường xuyên"),
    "Hàng năm": meaning(due="2025-12-31", every=["year"]),
    # TP.HCM 2820
    "Quý IV/2025": meaning(due="2025-12-31"),
    "Quý II/2027": meaning(due="2027-06-30"),
    "Quý IV/2026": meaning(due="2026-12-31"),
    "Quý I/2030": meaning(due="2030-03-31"),
    "Quý II/2030": meaning(due="2030-06-30"),
    "Năm 2025 - 2026": meaning(due="2026-12-31", start="2025-01-01"),
    "Năm 2025-2030": meaning(due="2030-12-31", start="2025-01-01"),
    "Năm 2026": meaning(due="2026-12-31"),
    "Hằng năm.": meaning(due="2025-12-31", every=["year"]),
    "Khi có phát sinh.": meaning(condition="Khi có phát sinh"),
    "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính": meaning(
        due="2025-12-31", every=["quarter"], note="Thường xuyên; báo cáo về Sở Tài chính"),
    # Đồng Nai 179
    "2026 - 2030": meaning(due="2030-12-31", start="2026-01-01"),
    "2026-2030": meaning(due="2030-12-31", start="2026-01-01"),
    "2025": meaning(due="2025-12-31"),
    "2026": meaning(due="2026-12-31"),
}

# The same family, named in issue 13, not in these eight documents.
FAMILY = {
    "Quí IV-2025": meaning(due="2025-12-31"),
    "Quí I/2026": meaning(due="2026-03-31"),
    "Tháng 06/2026": meaning(due="2026-06-30"),
    "Bắt đầu triển khai từ năm 2026": meaning(start="2026-01-01", note="Bắt đầu triển khai từ năm 2026"),
    "Từ Quý I/2026": meaning(start="2026-01-01", note="Từ Quý I/2026"),
    "2025 - 2035": meaning(due="2035-12-31", start="2025-01-01"),
    "Thường xuyên, hằng năm": meaning(due="2025-12-31", every=["year"], note="Thường xuyên"),
    "Trước ngày 15/11 hằng năm": meaning(due="2025-11-14", every=["year"]),  # 144's report deadline
    "trước **ngày 30 tháng 11 hàng năm **": meaning(due="2025-11-29", every=["year"]),  # 310's, bold as written
}


def read(text):
    deadline = parse_deadline(text, default_year=2025)
    assert deadline.text == text, "the text is kept exactly as written"
    found = deadline.to_dict()
    del found["text"]
    return found


@pytest.mark.parametrize(("text", "expected"), sorted({**CORPUS, **FAMILY}.items()))
def test_every_deadline_phrasing_of_the_family_is_understood(text, expected):
    assert read(text) == expected


def _corpus_deadline_cells():
    cells = set()
    for path in sorted(EXPECTED.glob("*.json")):
        for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]:
            cells.add(task.get("deadline_text", ""))
    return cells


def test_the_table_covers_every_deadline_cell_of_the_corpus():
    cells = _corpus_deadline_cells()
    assert cells, "the corpus truth lists deadline cells"
    assert sorted(c for c in cells if c and c not in CORPUS) == []


def test_an_empty_deadline_cell_is_not_understood_and_says_so():
    deadline = parse_deadline("", default_year=2025)
    assert not deadline.understood and deadline.due is None


years = st.integers(1990, 2100)
quarters = st.integers(1, 4)


@given(years, quarters, st.sampled_from(["Quí", "Quý", "QUÍ", "quí", "Qui"]), st.sampled_from(["/", "-", " năm "]))
def test_qui_is_read_as_quy(year, quarter, spelling, sep):
    assert read(f"{spelling} {roman(quarter)}{sep}{year}") == read(f"Quý {roman(quarter)}/{year}")


@given(years, st.sampled_from(["", ".", ";", " ."]))
def test_a_trailing_dot_changes_nothing(year, dot):
    assert read(f"Năm {year}{dot}") == read(f"Năm {year}")
    assert read(f"Hằng năm{dot}") == read("Hằng năm")


@given(years, st.sampled_from(["Bắt đầu triển khai từ năm", "Triển khai từ năm", "Từ năm", "Thực hiện từ năm"]))
def test_work_that_starts_in_a_year_has_a_start_and_no_due(year, words):
    found = read(f"{words} {year}")
    assert found["start"] == f"{year}-01-01" and found["due"] is None and found["understood"]


@given(years, st.integers(0, 30))
def test_a_range_of_years_however_spaced(a, length):
    b = a + length + 1
    for text in (f"{a} - {b}", f"{a}-{b}", f"Năm {a} - {b}", f"Giai đoạn {a}-{b}"):
        found = read(text)
        assert (found["start"], found["due"]) == (f"{a}-01-01", f"{b}-12-31")
