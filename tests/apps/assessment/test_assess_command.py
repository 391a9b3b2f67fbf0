"""``kehoach assess``: the sample plan judged against the published 2025 figures, as of a date.

Expected values are computed by hand from Phụ lục II of Kế hoạch 86/KH-UBND and the figures CSV.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.apps.assessment.models import AssessmentSettings
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_figures(sample_documents):
    import_actuals(str(FIGURES_CSV))


def assess(*args: str) -> dict:
    out = StringIO()
    call_command("assess", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def by_key(result: dict) -> dict[str, dict]:
    return {row["indicator"]: row for row in result["indicators"]}


def test_grdp_six_months_is_behind_by_the_gap_to_the_trajectory(plan_with_figures):
    grdp = by_key(assess("--as-of", "2025-08-06"))["grdp"]

    # 6 tháng: ước 11,04% against the trajectory's 12,13%: 1,09 points short, inside (-1,5; -0,5].
    assert (grdp["period"], grdp["actual"], grdp["scenario"]) == ("2025-H1", 11.04, 12.13)
    assert grdp["gap"] == -1.09
    assert grdp["rating"] == "cham"
    # Equal-weight months: (12,5 - 0,5 x 11,04) / 0,5 = 13,96; the trajectory planned (12,5 - 0,5 x 12,13) / 0,5.
    assert grdp["required_rest"] == 13.96
    assert grdp["planned_rest"] == 12.87
    assert "11,04%" in grdp["reason"] and "12,13%" in grdp["reason"]


def test_exports_year_to_date_against_the_cumulative_trajectory(plan_with_figures):
    exports = by_key(assess("--as-of", "2025-08-06"))["exports"]

    assert (exports["ytd_period"], exports["ytd_actual"], exports["ytd_scenario"]) == ("2025-H1", 17.6, 17.4)
    assert exports["rating"] == "dat"
    assert exports["required_rest"] == pytest.approx(37 - 17.6)
    assert exports["pct_of_year_target"] == pytest.approx(17.6 / 37 * 100, abs=1e-4)


def test_a_merged_city_figure_is_not_rated_against_the_old_city_trajectory(plan_with_figures):
    revenue = by_key(assess("--as-of", "2025-08-06"))["budget_revenue"]

    # The old city's H1 figure rates; the merged city's 7 months is shown beside it, never compared.
    assert revenue["scope"] == "Hải Phòng (trước 01/07/2025)" and revenue["ytd_period"] == "2025-H1"
    assert "thuộc phạm vi" not in revenue["reason"]
    assert "mới hơn: lũy kế 7 tháng năm 2025 của Hải Phòng (từ 01/07/2025): 112.748 tỷ đồng (không so sánh được" \
        " với kế hoạch vì chưa có kế hoạch của phạm vi" in revenue["reason"]


def test_nothing_published_after_the_date_counts(plan_with_figures):
    early = by_key(assess("--as-of", "2025-01-15"))

    assert all(row["actual"] is None for row in early.values())
    assert {row["rating"] for row in early.values()} == {"chua_co_so_lieu"}


def test_the_same_data_and_date_give_the_same_result(plan_with_figures):
    assert assess("--as-of", "2025-08-06") == assess("--as-of", "2025-08-06")


def test_tasks_carry_status_due_date_lead_and_leader(plan_with_figures):
    tasks = assess("--as-of", "2025-08-06")["tasks"]

    assert len(tasks) == 88
    first = next(t for t in tasks if t["number"] == 1)
    assert (first["status"], first["due"], first["leader"]) == ("chua_den_han", "2025-12-31", "Nguyễn Văn Tùng")
    assert first["lead"] == ["Các Sở, ngành, đơn vị, địa phương"]
    late = [t for t in tasks if t["status"] == "qua_han_chua_bao_cao"]  # no progress reported in the seeds
    assert late and all(t["due"] < "2025-08-06" and t["days_late"] > 0 for t in late)


def test_a_changed_threshold_changes_the_rating(plan_with_figures):
    AssessmentSettings.objects.create(thresholds={"growth_gap": ["0", "-1.1", "-1.5"]})

    assert by_key(assess("--as-of", "2025-08-06"))["grdp"]["rating"] == "cham_nhe"


def test_the_summary_names_each_rating_and_the_task_counts(plan_with_figures):
    out = StringIO()
    call_command("assess", "--as-of", "2025-08-06", stdout=out)

    text = out.getvalue()
    assert text.startswith("Đánh giá đến ngày 06/08/2025")
    assert "[Chậm] Tổng sản phẩm trên địa bàn (GRDP)" in text
    assert "Nhiệm vụ:" in text and "Dự án trọng điểm chậm: 0/24" in text


def test_a_bad_date_is_refused_with_what_was_expected(db):
    with pytest.raises(CommandError, match="expected a date as YYYY-MM-DD"):
        call_command("assess", "--as-of", "06/08/2025", stdout=StringIO())
