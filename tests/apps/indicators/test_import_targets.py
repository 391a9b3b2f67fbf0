"""``kehoach targets import FILE``: targets and scenario values revised from a table, all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.apps.indicators.models import ScenarioValue, Target
from tests.apps.conftest import SAMPLES

pytestmark = pytest.mark.django_db

PLAN_CHANGES = SAMPLES / "haiphong-plan-changes.csv"
MERGED = "Hải Phòng (từ 01/07/2025)"
OLD = "Hải Phòng (trước 01/07/2025)"
HEADER = "indicator,period,value,unit,scope,basis,document,source,issued"


def targets_import(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("targets", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_published_plan_changes_are_read_as_they_are(sample_documents):
    out, _ = targets_import(str(PLAN_CHANGES))

    assert "6 target(s) and scenario value(s) were loaded" in out
    merged = Target.objects.get(indicator__key="grdp", year=2025, scope=MERGED)
    assert (merged.text, merged.low, merged.document.date) == ("12,35", D("12.35"), date(2026, 1, 31))
    assert merged.document.kind == "Nguồn công bố" and "vietnamplus" in merged.document.file_name
    assert "kế hoạch của thành phố sau hợp nhất" in merged.note
    hai_duong = Target.objects.get(indicator__key="investment", scope="Hải Dương (trước 01/07/2025)")
    assert hai_duong.low == D(80850)
    next_year = Target.objects.get(indicator__key="grdp", year=2026)
    assert (next_year.comparator, next_year.low, next_year.high, next_year.basis) == (
        "range", D(13), D("13.5"), "trung_uong_giao")


def test_a_revision_keeps_the_value_it_revises_with_its_source(sample_documents, tmp_path):
    before = Target.objects.get(indicator__key="budget_revenue", year=2025, scope=OLD, superseded_by__isnull=True,
                                basis="phan_dau")
    path = write(tmp_path / "t.csv",
                 "Thu ngân sách nhà nước trên địa bàn,2025,131.000,tỷ đồng,HP cũ,chỉ tiêu phấn đấu,"
                 "Quyết định 999/QĐ-UBND,,15/09/2025")

    out, _ = targets_import(str(path), "--dry-run")
    assert f"revised: value '{before.text} = " in out and "'131.000 = 131.000 tỷ đồng (999/QĐ-UBND)'" in out
    assert Target.objects.filter(indicator__key="budget_revenue", low=131000).count() == 0

    targets_import(str(path))
    before.refresh_from_db()
    now = Target.objects.get(indicator__key="budget_revenue", low=131000)
    assert before.superseded_by == now and now.superseded_by is None
    assert (now.document.number, now.document.date) == ("999/QĐ-UBND", date(2025, 9, 15))
    assert now.history.first().history_change_reason.startswith("kehoach targets import")
    # Again: nothing changes.
    out, _ = targets_import(str(path))
    assert "0 new, 0 revised (the previous value kept), 1 unchanged" in out


def test_a_scenario_value_by_quarter_and_the_printed_forms(sample_documents, tmp_path):
    path = write(tmp_path / "t.csv",
                 "GRDP,2025-Q3,\"12,1\",%,HP mới,kịch bản của thành phố,,https://example.gov.vn/kb,2025-08",
                 "Thu hút vốn đầu tư nước ngoài,2025-Q3,1.741-1.765,triệu USD,HP mới,kịch bản,,"
                 "https://example.gov.vn/kb,2025-08",
                 "Khách du lịch,2025,≥ 10,triệu lượt,HP mới,chỉ tiêu HĐND giao,,https://example.gov.vn/kb,2025-08")

    targets_import(str(path))

    q3 = ScenarioValue.objects.get(indicator__key="grdp", period="2025-Q3", scope=MERGED)
    assert (q3.text, q3.low) == ("12,1", D("12.1"))
    fdi = ScenarioValue.objects.get(indicator__key="fdi", period="2025-Q3", scope=MERGED)
    assert (fdi.comparator, fdi.low, fdi.high) == ("range", D(1741), D(1765))
    tourists = Target.objects.get(indicator__key="tourists", year=2025, scope=MERGED)
    assert (tourists.comparator, tourists.low, tourists.basis) == (">=", D(10000), "hdnd_giao")


def test_a_bad_row_is_named_and_nothing_is_stored(sample_documents, tmp_path):
    path = write(tmp_path / "t.csv",
                 "GRDP,2025,\"12,35\",%,HP mới,chỉ tiêu phấn đấu,,https://example.gov.vn/a,2025-07",
                 "GRDP,2025-W3,abc,%,Sao Hỏa,ai đó,,https://example.gov.vn/a,hôm qua")
    count = Target.objects.count()

    with pytest.raises(CommandError, match="nothing was stored"):
        targets_import(str(path))

    assert Target.objects.count() == count
    with pytest.raises(CommandError) as raised:
        targets_import(str(path))
    assert raised.value.returncode == 2


def test_problems_name_the_line_and_column(sample_documents, tmp_path):
    from kehoach.apps.indicators.revisions import import_file

    path = write(tmp_path / "t.csv", "GRDP,2025-W3,abc,%,Sao Hỏa,,,https://example.gov.vn/a,hôm qua",
                 "GRDP,2025,\"12,35\",%,HP mới,ai đó,,https://example.gov.vn/a,2025-07")
    report = import_file(path)

    assert {(p.line, p.column) for p in report.problems} == {
        (2, "period"), (2, "value"), (2, "scope"), (2, "issued"), (3, "basis")}
    assert all(str(p).startswith(f"{path}:{p.line}: column {p.column}: found ") for p in report.problems)
    assert not report.stored


def test_territories_are_data_with_their_days_and_composition(sample_documents, tmp_path):
    from kehoach.apps.indicators.models import Territory
    from kehoach.apps.indicators.revisions import import_file

    merged = Territory.objects.get(name=MERGED)
    assert merged.valid_from == date(2025, 7, 1) and merged.valid_to is None
    assert sorted(m.name for m in merged.members.all()) == ["Hải Dương (trước 01/07/2025)", OLD]
    assert Territory.objects.get(name=OLD).valid_to == date(2025, 6, 30)

    # A scenario value of the old city for the fourth quarter: that territory no longer existed.
    path = write(tmp_path / "t.csv", "GRDP,2025-Q4,\"12,6\",%,HP cũ,,,https://example.gov.vn/kb,2025-08")
    [problem] = import_file(path).problems
    assert problem.column == "scope" and "existed to 30/06/2025" in str(problem)
    # An administrator extends it (say, for a statistics series kept on the old boundary): accepted.
    Territory.objects.filter(name=OLD).update(valid_to=None)
    assert not import_file(path, dry_run=True).problems
