"""``kehoach assess`` from August 2025 to January 2026: the merger, revised plans, the closed year.

The seeds (Kế hoạch 86/KH-UBND, Báo cáo 619-BC/TU), the published figures
(``haiphong-2025-figures.csv``) and the published plan changes (``haiphong-plan-changes.csv``), plus
LATER FIGURES WRITTEN FOR THESE TESTS (``H2_TEST_DATA`` below): they are test data shaped like what the
city publishes (merged scope, estimates published before the period ends, a revision), NOT published
facts.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.apps.conftest import SAMPLES
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db

PLAN_CHANGES = SAMPLES / "haiphong-plan-changes.csv"
MERGED = "Hải Phòng (từ 01/07/2025)"
OLD = "Hải Phòng (trước 01/07/2025)"

# TEST DATA, not published figures: the merged city's GRDP for 9 months (estimate published before the
# quarter ended, then revised), and the full-year estimate published early in January 2026.
H2_TEST_DATA = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Tổng sản phẩm trên địa bàn (GRDP),2025-9M,"11,6",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2025-09-28
Tổng sản phẩm trên địa bàn (GRDP),2025,"11,81",ước,%,tăng so với cùng kỳ năm trước,HP mới,test data,2026-01-05
"""
H2_REVISION = """indicator,period,value,qualifier,unit,comparison,scope,source,published
Tổng sản phẩm trên địa bàn (GRDP),2025-9M,"11,72",,%,tăng so với cùng kỳ năm trước,HP mới,test data (revised),2025-10-20
"""


def assess(as_of: str) -> dict[str, dict]:
    out = StringIO()
    call_command("assess", "--as-of", as_of, "--json", stdout=out)
    return {row["indicator"]: row for row in json.loads(out.getvalue())["indicators"]}


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def published(sample_documents):
    import_actuals(str(FIGURES_CSV))


@pytest.fixture
def the_year(published, tmp_path):
    call_command("targets", "import", str(PLAN_CHANGES), stdout=StringIO())
    import_actuals(write(tmp_path, "h2.csv", H2_TEST_DATA))


def test_on_6_august_budget_revenue_is_rated_on_the_comparable_old_city_figure(published):
    revenue = assess("2025-08-06")["budget_revenue"]

    # "hơn 77.319" for H1 (old city) against the H1 trajectory 71.693,1: the merged 7-month figure
    # published that day is shown beside it, not instead of it.
    assert revenue["comparable"] is True and revenue["rating"] != "khong_so_sanh"
    assert (revenue["ytd_period"], revenue["scope"]) == ("2025-H1", OLD)
    assert revenue["rating"] == "dat"
    assert any("lũy kế 7 tháng năm 2025 của " + MERGED in b for b in revenue["beside"])


def test_a_merged_city_grdp_figure_is_compared_with_12_35_percent(the_year):
    grdp = assess("2026-01-04")["grdp"]

    # The merged city's own target (its first: in force for the whole year), no scenario.
    assert (grdp["scope"], grdp["ytd_period"], grdp["ytd_actual"]) == (MERGED, "2025-9M", 11.6)
    assert grdp["annual_target"] == 12.35 and grdp["has_scenario"] is False
    assert "chỉ tiêu năm (12,35%)" in grdp["reason"] and "chưa có kịch bản của phạm vi" in grdp["reason"]
    assert grdp["rating"] == "cham"  # 0,75 points short of the year target


def test_the_merged_citys_first_target_judges_its_figures_before_the_source_that_reports_it(the_year):
    grdp = assess("2025-10-10")["grdp"]

    # 12,35 % is dated "2026-01" (the article that reports it), but it is the merged city's first and only
    # 2025 target, not a revision: it judges the merged 9 months in October (plans.targets_in_force).
    assert grdp["scope"] == MERGED and grdp["ytd_period"] == "2025-9M"
    assert grdp["annual_target"] == 12.35 and "chỉ tiêu năm (12,35%)" in grdp["reason"]


def test_a_revision_dated_by_month_is_not_in_force_before_the_month_ends(the_year, tmp_path):
    revision = write(tmp_path, "rev.csv", "indicator,year,value,unit,scope,basis,set_by,source,published\n"
                     'Tổng sản phẩm trên địa bàn (GRDP),2025,"12,2",% tăng so với cùng kỳ,HP mới,'
                     "kế hoạch của thành phố sau hợp nhất,thành phố Hải Phòng,https://example.gov.vn/dieu-chinh,2026-02\n")
    call_command("targets", "import", revision, stdout=StringIO())

    assert assess("2026-02-27")["grdp"]["annual_target"] == 12.35
    assert assess("2026-02-28")["grdp"]["annual_target"] == 12.2


def test_the_latest_version_of_a_revised_estimate_counts(the_year, tmp_path):
    import_actuals(write(tmp_path, "rev.csv", H2_REVISION))

    grdp = assess("2026-01-04")["grdp"]

    assert grdp["ytd_actual"] == 11.72 and grdp["qualifier"] is None


def test_with_the_full_year_figure_grdp_missed_the_year_plan(the_year):
    grdp = assess("2026-01-15")["grdp"]

    assert grdp["year"] == 2025
    assert grdp["verdict"] == "khong_dat_ke_hoach_nam"
    assert grdp["verdict_label"] == "Không đạt kế hoạch năm (ước)"
    assert grdp["reason"].startswith("Năm 2025: Không đạt kế hoạch năm (ước) (thấp hơn 0,54 điểm % so với")
    [target] = grdp["targets"]
    assert (target["scope"], target["value"], target["gap"], target["met"]) == (MERGED, 12.35, -0.54, False)
    assert target["basis_label"] == "chỉ tiêu phấn đấu" and "vietnamplus" in target["document"]


def test_an_estimate_published_before_its_period_ends_is_an_estimate(published, tmp_path):
    import_actuals(write(tmp_path, "early.csv",
                         "indicator,period,value,qualifier,unit,comparison,scope,source,published\n"
                         "Thu ngân sách nhà nước trên địa bàn,2025,187.000,,tỷ đồng,,HP mới,test data,2025-12-09\n"))

    revenue = assess("2025-12-20")["budget_revenue"]

    assert "ước 187.000 tỷ đồng" in " ".join(revenue["beside"])


def test_a_cumulative_series_that_goes_down_is_flagged_on_import_and_in_the_assessment(published, tmp_path):
    # TEST DATA shaped like issue 12's case (exports 9 months 36 → 10 months 33,37 tỷ USD).
    out, _ = import_actuals(write(tmp_path, "exports.csv",
                                  "indicator,period,value,qualifier,unit,comparison,scope,source,published\n"
                                  "Kim ngạch xuất khẩu,2025-9M,36,,tỷ USD,,HP mới,test data,2025-10-06\n"
                                  "Kim ngạch xuất khẩu,2025-YTD-10,\"33,37\",,tỷ USD,,HP mới,test data,2025-11-06\n"))

    assert ("cảnh báo: Kim ngạch xuất khẩu (Hải Phòng (từ 01/07/2025)): số liệu lũy kế 10 tháng năm 2025 (33,37) "
            "thấp hơn 9 tháng năm 2025 (36)") in out
    exports = assess("2025-11-10")["exports"]
    assert any("thấp hơn 9 tháng năm 2025" in w for w in exports["warnings"])


def test_the_year_report_fills_the_year_plan_and_gives_the_verdict(the_year):
    from datetime import date

    from kehoach.apps.reports.build import build_report

    report = build_report(date(2026, 1, 15), "year").content

    grdp = next(r for r in report.indicator_rows if r.key == "grdp")
    assert grdp.target_text == "12,35" and grdp.rating.startswith("Không đạt kế hoạch năm (ước)")
    text = " ".join(p for s in report.sections for p in s.paragraphs)
    assert "Năm 2025: Không đạt kế hoạch năm (ước)" in text


def test_the_report_gives_each_basis_side_by_side(published):
    from datetime import date

    from kehoach.apps.reports.build import build_report

    report = build_report(date(2025, 8, 6), "month").content
    text = " ".join(p for s in report.sections for p in s.paragraphs)
    revenue = next(p for s in report.sections for p in s.paragraphs if "Thu ngân sách" in p and "căn cứ" in p)

    assert "So với từng căn cứ: bằng" in revenue
    assert "chỉ tiêu phấn đấu và kịch bản cả năm (129.519,3 tỷ đồng)" in revenue  # one value, said once
    assert "dự toán/chỉ tiêu HĐND giao (118.079,279 tỷ đồng)" in revenue
    assert text.count("So với từng căn cứ") >= 1
