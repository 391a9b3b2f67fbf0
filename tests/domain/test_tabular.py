"""Reading CSV/XLSX tables (kehoach.domain.tabular): positions, column matching, clean errors."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kehoach.domain import tabular

NAMES = {"task": ("mã nhiệm vụ",), "agency": ("Đơn vị",), "note": ("Kết quả",)}


def test_columns_are_matched_by_name_in_any_order_case_and_diacritics_ignored(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("KET QUA,Ghi chú khác,don vi,Mã nhiệm vụ\nxong,x,Sở A,12\n,,,\n\"hai\ndòng\",,Sở B,13\n",
                    encoding="utf-8-sig")

    table = tabular.read_table(path, NAMES, ["task"])

    assert table.columns == {"note": 0, "agency": 2, "task": 3}
    assert table.ignored == ["Ghi chú khác"]
    assert [(r.line, r.cells) for r in table.rows] == [
        (2, {"task": "12", "agency": "Sở A", "note": "xong"}),
        (4, {"task": "13", "agency": "Sở B", "note": "hai\ndòng"}),  # the line where the record starts
    ]


def test_a_missing_required_column_names_the_header_and_what_was_expected(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Đơn vị,Kết quả\n", encoding="utf-8")

    with pytest.raises(tabular.MissingColumns) as raised:
        tabular.read_table(path, NAMES, [("task", "agency"), "note", "task"])

    assert raised.value.missing == ["task"]
    assert str(raised.value).startswith(f"{path}:1: column task: found the header Đơn vị, Kết quả, expected")


def test_xlsx_cells_read_as_a_csv_would_hold_them(tmp_path):
    book = Workbook()
    book.active.append(["task", "agency", "note"])
    book.active.append([12, datetime(2025, 8, 1, 10, 0), 1234.5])
    path = tmp_path / "t.xlsx"
    book.save(path)

    table = tabular.read_table(path, NAMES, number_columns=["note"])

    (row,) = table.rows
    assert (row.line, row.cells) == (2, {"task": "12", "agency": "2025-08-01", "note": "1.234,5"})
    assert row.raw["agency"] == datetime(2025, 8, 1, 10, 0)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    ("tên\n".encode("utf-16"), "not UTF-8 text"),
    (b"a,b\x00c\n", "a NUL byte"),
])
def test_a_file_that_is_not_a_table_is_a_clean_error(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_bytes(content)

    with pytest.raises(tabular.TableError, match=message):
        tabular.read_table(path, NAMES)


def test_dates_and_percents_as_people_write_them():
    assert tabular.parse_day("01/08/2025") == tabular.parse_day("2025-08-01") == date(2025, 8, 1)
    assert tabular.parse_day(datetime(2025, 8, 1, 9)) == date(2025, 8, 1)
    assert tabular.parse_day("31/02/2025") is None and tabular.parse_day("2025-8-1") is None
    assert [tabular.parse_percent(v) for v in ("50", "50%", " 100 ", 0.5, 40, "12,5", "150", True)] == [
        50, 50, 100, 50, 40, None, None, None]


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_give_a_table_or_a_table_error(tmp_path_factory, content, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"t{suffix}"
    path.write_bytes(content)
    try:
        table = tabular.read_table(path, NAMES, ["task"])
    except tabular.TableError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert all(set(row.cells) == set(NAMES) for row in table.rows)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.lists(st.text(max_size=10).filter(lambda t: "\x00" not in t), min_size=3, max_size=3),
                     max_size=6))
def test_csv_positions_are_the_lines_where_records_start(tmp_path_factory, rows):
    out = io.StringIO(newline="")
    csv.writer(out).writerows([["task", "agency", "note"], *rows])
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))

    table = tabular.read_table(path, NAMES)

    lines = io.StringIO(out.getvalue(), newline="").readlines()  # a line ends at \n, \r or \r\n
    for row in table.rows:
        record = next(csv.reader(io.StringIO("".join(lines[row.line - 1:]), newline="")))
        assert [c.strip() for c in record] == [row.cells["task"], row.cells["agency"], row.cells["note"]]
