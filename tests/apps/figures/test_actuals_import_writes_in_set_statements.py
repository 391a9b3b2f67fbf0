"""`kehoach actuals import` writes a file in a fixed number of statements (``figures.bulk_write``):
a file of 33 figures takes the statements of a file of 3 (and at most a few look-ups of what the
other rows name, such as another scope's place), whether the figures are new or new versions;
row by row it would take two or more per figure. What is stored is what recording them one by one
stores."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kehoach.apps.figures import importing
from kehoach.apps.figures.models import ActualFigure
from tests.apps.conftest import history_rows
from tests.apps.figures.conftest import FIGURES_CSV

pytestmark = pytest.mark.django_db
LOOKUPS = 3  # the 30 more rows may name things the first 3 did not (a scope's place): one query each kind

with FIGURES_CSV.open(encoding="utf-8", newline="") as shipped:
    ROWS = list(csv.DictReader(shipped))


def first(tmp_path, n: int, source: str | None = None):
    """The shipped file's first ``n`` figures (with another source: each a new version)."""
    path = tmp_path / f"first-{n}-{len(list(tmp_path.iterdir()))}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows({**row, "source": source or row["source"]} for row in ROWS[:n])
    return path


def statements(path) -> tuple[int, importing.ActualsImport]:
    with CaptureQueriesContext(connection) as queries:
        report = importing.import_file(path)
    assert not report.problems, report.problems
    return len(queries), report


def test_new_figures_take_as_many_statements_for_33_rows_as_for_3(sample_documents, tmp_path):
    few, report = statements(first(tmp_path, 3))
    assert (report.created, report.unchanged) == (3, 0)

    many, report = statements(first(tmp_path, 33))

    assert (report.created, report.unchanged) == (30, 3)
    assert many <= few + LOOKUPS
    assert ActualFigure.objects.filter(is_current=True).count() == 33


def test_new_versions_take_as_many_statements_for_33_rows_as_for_3(sample_documents, tmp_path):
    importing.import_file(first(tmp_path, 33))
    history = history_rows()
    few, report = statements(first(tmp_path, 3, source="https://example.vn/a"))
    assert report.revised == 3

    many, report = statements(first(tmp_path, 33, source="https://example.vn/b"))

    assert (report.revised, report.unchanged) == (33, 0)
    assert many <= few + LOOKUPS
    # Each new version: the old one kept, not current ("~" history row), the new one ("+" row).
    assert history_rows() == history + 2 * 3 + 2 * 33
    assert ActualFigure.objects.count() == 33 + 3 + 33
    current = ActualFigure.objects.filter(is_current=True)
    assert set(current.values_list("source", flat=True)) == {"https://example.vn/b"}
    assert Counter(current.values_list("version", flat=True)) == {3: 3, 2: 30}
