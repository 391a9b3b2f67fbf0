"""The appendices say "chưa có số liệu" or "—" where there is no data, never 0 (issue 12: "Giải ngân 0"
for all 24 projects where there was simply no disbursement reported)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kehoach.apps.reports import xlsx
from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.tables import indicator_cells, project_rows

pytestmark = pytest.mark.django_db


def test_projects_without_disbursement_say_so(sample_documents):
    report = build_report(date(2025, 8, 6), "month")

    rows = list(project_rows(report.content))
    assert rows and all(disbursed == "chưa có số liệu" and rate == "—" for _, _, _, disbursed, rate, _ in rows)
    sheet = load_workbook(BytesIO(xlsx.render(report)))["Dự án"]
    assert sheet.cell(row=2, column=4).value == "chưa có số liệu"


def test_indicators_without_figures_show_a_dash(sample_documents):
    report = build_report(date(2025, 8, 6), "month")

    cells = [indicator_cells(r) for r in report.content.indicator_rows]
    assert cells and all(c[6] == "chưa có số liệu" and c[7] == "—" for c in cells)
    assert not any(c[6] == "0" or c[7] == "0" for c in cells)
