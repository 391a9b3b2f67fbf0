"""CSV and XLSX downloads of the list pages: ``?export=csv`` or ``?export=xlsx`` on any list.

One way for every list: a view mixes in ``ExportMixin`` and says which django-tables2 table holds
its whole (filtered, unpaginated) list (``export_table``); ``ObjectListView`` does it for its own
table, the pages that are not ObjectListViews (history, approval queue, public figures) give a
table of what they show. The download is a read of the page: the view's own access rule (its
``dispatch``) has run before ``get`` is called.

The file holds the columns as the table shows them, under their (translated) headers: HTML
stripped, numbers from a table's ``value_<column>`` methods as numbers (Excel cells, not text),
dates as dates. CSV is UTF-8 with a byte-order mark, so that Excel opens Vietnamese correctly; the
file name is ASCII with the day (``nhiem-vu-2025-08-06.xlsx``).
"""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst, slugify
from django_tables2 import RequestConfig
from tablib import Dataset
from tablib.formats._xlsx import XLSXFormat

from kehoach.domain.formulas import csv_text, keep_as_text
from kehoach.domain.text import fold

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BOM = "\ufeff"


def cell(value):
    """A table's value as a file's cell: text without HTML, numbers and dates kept as such."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    if isinstance(value, int | float | date | datetime):
        return timezone.localtime(value).replace(tzinfo=None) if isinstance(value, datetime) and \
            timezone.is_aware(value) else value
    text = html.unescape(strip_tags(str(value)))
    return " ".join(text.split())


def file_name(name: str, fmt: str, day: date | None = None) -> str:
    """ASCII file name: the folded name and the day, ``chi-tieu-2025-08-06.csv``."""
    stem = slugify(fold(str(name))) or "export"
    return f"{stem}-{(day or timezone.localdate()).isoformat()}.{fmt}"


def dataset(headers, rows, title: str = "") -> Dataset:
    data = Dataset(title=(fold(str(title))[:31] or "data") if title else "data")
    data.headers = [capfirst(cell(h)) for h in headers]
    for row in rows:
        data.append([cell(v) for v in row])
    return data


class TextXLSX(XLSXFormat):
    """tablib's XLSX writer, every text cell written as text (never a formula: ``kehoach.domain.formulas``)."""

    @classmethod
    def dset_sheet(cls, dataset, ws, freeze_panes=True, escape=False):
        super().dset_sheet(dataset, ws, freeze_panes=freeze_panes, escape=False)
        keep_as_text(ws)


def content_of(data: Dataset, fmt: str) -> bytes:
    """A dataset as a file's bytes. CSV: text that would start a formula gets a leading apostrophe
    (OWASP); XLSX: text cells are string cells, their text unchanged."""
    if fmt == "csv":
        safe = Dataset(*[[csv_text(v) for v in row] for row in data], headers=[csv_text(h) for h in data.headers])
        return (BOM + safe.export("csv")).encode("utf-8")
    return TextXLSX.export_set(data)


def response(headers, rows, name: str, fmt: str) -> HttpResponse:
    """The download of a list: ``headers`` and ``rows`` (values) as CSV or XLSX."""
    content = content_of(dataset(headers, rows, name), fmt)
    result = HttpResponse(content, content_type=FORMATS[fmt])
    result["Content-Disposition"] = f'attachment; filename="{file_name(name, fmt)}"'
    return result


def table_response(table, name: str, fmt: str) -> HttpResponse:
    """The download of a django-tables2 table: every row (no pagination), its visible columns."""
    values = table.as_values(exclude_columns=[c.name for c in table.columns.iterall() if not c.visible])
    headers = next(values)
    return response(headers, list(values), name, fmt)


def requested(request) -> str | None:
    """The format asked for with ``?export=`` (None: the page itself)."""
    return request.GET.get("export") or None


class ExportMixin:
    """``?export=csv|xlsx`` on a list view: the view's ``export_table()`` (a django-tables2 table of the
    whole list, which every view using the mixin defines) as a file named ``export_name``."""

    export_name = ""

    def get_export_name(self) -> str:
        return self.export_name or str(getattr(self, "title", "") or "export")

    def get(self, request, *args, **kwargs):
        fmt = requested(request)
        if fmt is None:
            return super().get(request, *args, **kwargs)
        if fmt not in FORMATS:
            return HttpResponseBadRequest(f"export={fmt!r}: expected one of {', '.join(FORMATS)}")
        table = self.export_table()
        RequestConfig(request, paginate=False).configure(table)
        return table_response(table, self.get_export_name(), fmt)
