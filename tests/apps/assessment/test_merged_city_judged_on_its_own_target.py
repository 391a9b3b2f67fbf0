"""The merged city's figures of the second half of 2025 are judged against the merged city's own target
(issue 12 points 2 and 4), with the seeds, the shared 2025 figures, ``haiphong-plan-changes.csv`` (whose
12,35 % row is dated only "2026-01") and merged-city figures written for the second half of the year."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.figures.importing import import_file
from tests.apps.conftest import SAMPLES

pytestmark = pytest.mark.django_db

MERGED = "Hải Phòng (từ 01/07/2025)"
HEADER = "indicator,period,value,qualifier,unit,comparison,scope,source,published"
SECOND_HALF = (
    'Tổng sản phẩm trên địa bàn (GRDP),2025-9M,"11,13",ước,%,tăng so với cùng kỳ năm trước,HP mới,'
    "https://thongke.haiphong.gov.vn/9-thang-2025,2025-10-06",
    'Tổng sản phẩm trên địa bàn (GRDP),2025,"11,81",ước,%,tăng so với cùng kỳ năm trước,HP mới,'
    "https://thongke.haiphong.gov.vn/nam-2025,2025-12-26",
)


@pytest.fixture
def merged_year(demo_plan, tmp_path):
    call_command("targets", "import", str(SAMPLES / "haiphong-plan-changes.csv"), stdout=StringIO())
    path = tmp_path / "hp-moi-2025.csv"
    path.write_text("\n".join([HEADER, *SECOND_HALF]) + "\n", encoding="utf-8")
    report = import_file(path)
    assert not report.problems


def grdp(as_of: date):
    return next(a for a in assess_all(as_of).indicators if a.indicator == "grdp")


def test_the_merged_citys_nine_months_are_compared_with_12_35(merged_year):
    a = grdp(date(2025, 10, 15))

    assert a.scope == MERGED and a.comparable
    assert [(t.scope, t.text) for t in a.targets][:1] == [(MERGED, "12,35")]
    assert "12,35%" in a.reason and "11,13%" in a.reason


def test_the_closed_year_misses_the_merged_citys_target(merged_year):
    a = grdp(date(2026, 1, 15))

    assert a.scope == MERGED and a.verdict_label.startswith("Không đạt kế hoạch năm")
    assert a.verdict_estimate and "12,35%" in a.reason
