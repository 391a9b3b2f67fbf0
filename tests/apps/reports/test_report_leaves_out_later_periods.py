"""A report is about its own period: figures of later periods are left out, even when published before
the report is made (issue 12: the November report printed the year's estimate published on 09/12)."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.reports.build import build_report, report_assessment
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db

# TEST DATA, not published figures: the merged city's 10-month revenue, and the full-year estimate
# published on 09/12/2025 (before the year ended).
LATER = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Thu ngân sách nhà nước trên địa bàn,2025-YTD-10,155.000,,tỷ đồng,,HP mới,test data,2025-11-06
Thu ngân sách nhà nước trên địa bàn,2025,187.000,ước,tỷ đồng,,HP mới,test data,2025-12-09
"""


def test_the_november_report_does_not_use_the_years_estimate(sample_documents, tmp_path):
    import_actuals(str(FIGURES_CSV))
    path = tmp_path / "later.csv"
    path.write_text(LATER, encoding="utf-8")
    import_actuals(str(path))

    revenue = next(a for a in report_assessment(date(2025, 12, 20), "month").indicators
                   if a.indicator == "budget_revenue")

    assert "187.000" not in revenue.reason
    # The pages of that day do show it (beside the rated figure, as an estimate).
    page = next(a for a in current_assessment(date(2025, 12, 20)).indicators if a.indicator == "budget_revenue")
    assert "ước 187.000 tỷ đồng" in page.reason
    assert "155.000" in revenue.reason  # the 10-month figure (to 31/10, before November ended) stays
    report = build_report(date(2025, 12, 20), "month")
    assert "187.000" not in repr(report.content)
