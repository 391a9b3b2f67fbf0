"""Hypothesis strategies for the CSV/XLSX import fuzz tests (figures and task progress): files made
of arbitrary cells, missing, extra, duplicated and reordered columns, other encodings, empty files,
garbage bytes and random workbook content."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from hypothesis import strategies as st
from openpyxl import Workbook

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:/%-–()\"'\n\t\r"
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1")

any_text = st.text(alphabet=ALPHABET, max_size=24) | st.text(max_size=8)


def cell_texts(plausible: list[str]):
    """A cell: often something the importer could take, else anything."""
    return st.sampled_from(plausible) | any_text


def headers(columns: list[str]):
    """Header rows: the known columns in any order, some missing or twice, unknown ones, in either case."""
    names = st.sampled_from([*columns, "extra", "", "Ghi chú khác"])
    cased = names.flatmap(lambda n: st.sampled_from([n, n.upper(), f" {n} "]))
    return st.lists(cased, min_size=0, max_size=len(columns) + 3)


def tables(columns: list[str], plausible: list[str]):
    """(header, rows) with rows of any length."""
    return st.tuples(headers(columns), st.lists(st.lists(cell_texts(plausible), max_size=len(columns) + 2),
                                                 max_size=5))


def csv_bytes(header, rows, encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


xlsx_cells = (st.none() | any_text | st.integers(-10**15, 10**15) | st.floats(allow_nan=True, allow_infinity=True)
              | st.booleans() | st.dates(date(1900, 1, 1), date(2100, 1, 1))
              | st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)))
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def xlsx_bytes(header, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append([_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def files(columns: list[str], plausible: list[str]):
    """(suffix, content) of a file to import: CSV in some encoding, XLSX, or garbage under either name."""
    csv_files = st.builds(lambda t, enc: (".csv", csv_bytes(t[0], t[1], enc)), tables(columns, plausible),
                          st.sampled_from(ENCODINGS))
    xlsx_files = st.builds(
        lambda h, rows: (".xlsx", xlsx_bytes(h, rows)), headers(columns),
        st.lists(st.lists(cell_texts(plausible) | xlsx_cells, max_size=len(columns) + 2), max_size=4),
    )
    garbage = st.tuples(st.sampled_from([".csv", ".xlsx", ".txt"]), st.binary(max_size=200))
    truncated = xlsx_files.flatmap(lambda f: st.integers(0, len(f[1])).map(lambda n: (".xlsx", f[1][:n])))
    return st.one_of(csv_files, csv_files, xlsx_files, garbage, truncated)


def problem_pattern(path, columns: list[str]) -> re.Pattern:
    """``FILE:LINE: column NAME: found ..., expected ...`` of a file."""
    names = "|".join(re.escape(c) for c in columns)
    return re.compile(rf"{re.escape(str(path))}:\d+: column ({names}): found .+, expected .+", re.S)
