"""Text that a spreadsheet program would run as a formula (OWASP "CSV injection").

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
Excel and LibreOffice as a formula when a CSV is opened, and an openpyxl cell given such a string
(``=...``) is written as a formula. Every file kehoach writes for people (the lists' CSV and XLSX
downloads, the approval queue's lists, the report's appendices, the workspace's Excel template)
goes through here:

* ``csv_text(value)``: the text of a CSV cell, prefixed with an apostrophe when it would start a
  formula (OWASP's guidance; the CSV writer quotes what needs quoting);
* ``keep_as_text(worksheet)``: every text cell of an openpyxl worksheet written as a string cell
  (``t="inlineStr"``), never a formula, with its text unchanged.

Numbers and dates are not text: a negative number stays a number.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def runs_as_formula(value) -> bool:
    """True for text a spreadsheet would take as the start of a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value):
    """A CSV cell's value: text that would start a formula gets a leading apostrophe; anything else as is."""
    return "'" + value if runs_as_formula(value) else value


def keep_as_text(worksheet) -> None:
    """Make every text cell of an openpyxl worksheet a string cell (openpyxl writes ``=...`` as a formula)."""
    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"
