"""``kehoach actuals import FILE``: published figures from CSV or XLSX, all or nothing."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from kehoach.apps.documents.models import Document
from kehoach.apps.figures.models import ActualFigure
from tests.apps.cli import run_kehoach
from tests.apps.conftest import history_rows
from tests.apps.figures.conftest import FIGURES_CSV, import_actuals, write_csv

pytestmark = pytest.mark.django_db

OLD = "Hải Phòng (trước 01/07/2025)"
NEW = "Hải Phòng (từ 01/07/2025)"


def figure(key: str, period: str, scope: str = OLD) -> ActualFigure:
    return ActualFigure.objects.get(indicator__key=key, period=period, scope=scope, is_current=True)


def test_the_shipped_figures_import_with_their_conversions(sample_documents):
    out, err = import_actuals(str(FIGURES_CSV))

    assert err == ""
    assert "33 figure(s) were loaded: 33 new, 0 revised (new version), 0 unchanged" in out
    assert ActualFigure.objects.count() == 33
    assert set(ActualFigure.objects.values_list("review_status", "version", "is_current")) == {("approved", 1, True)}
    # Units converted to the indicator's: nghìn tỷ đồng -> tỷ đồng, tỷ USD -> triệu USD, triệu lượt -> 1.000 lượt.
    investment = figure("investment", "2025-H1")
    assert (investment.low, investment.qualifier, investment.unit_text, investment.text) == (
        Decimal(108000), "gần", "nghìn tỷ đồng", "108",
    )
    fdi = figure("fdi", "2025-H1", NEW)
    assert (fdi.low, fdi.qualifier) == (Decimal(1300), "gần")
    assert figure("tourists", "2025-Q1").low == Decimal(1800)
    # IIP is an index: "15,16 % tăng so với cùng kỳ" is 115,16.
    iip = figure("iip", "2025-01")
    assert (iip.low, iip.high, iip.text, iip.comparison) == (
        Decimal("115.16"), Decimal("115.16"), "15,16", "tăng so với cùng kỳ năm trước",
    )
    # GRDP is a growth rate: kept as published; both H1 figures with their own scope.
    assert figure("grdp", "2025-H1", OLD).low == Decimal("11.04")
    assert figure("grdp", "2025-H1", NEW).low == Decimal("11.2")
    # "hơn"/"trên": more than the number.
    exports = figure("exports", "2025-Q1")
    assert (exports.comparator, exports.low, exports.high, exports.qualifier) == (">", Decimal("8.58"), None, "hơn")
    # Sub-indicators named "parent - sub"; periods kept as published.
    assert figure("budget_domestic", "2025-Q1").low == Decimal("28537.72")
    assert figure("budget_trade", "2025-Q1").low == Decimal("18742.67")
    assert figure("fdi", "2025-01-01/2025-04-26").low == Decimal("516.98")
    assert figure("iip", "2025-YTD-05").qualifier == "gần"
    # Provenance: the source and the publication date (a month only: its last day).
    assert figure("budget_revenue", "2025-YTD-07", NEW).source.startswith("https://thongkehaiphong.gov.vn/")
    assert figure("budget_revenue", "2025-YTD-07", NEW).published == date(2025, 8, 6)
    assert figure("exports", "2025-Q1").published == date(2025, 4, 30)


def test_importing_the_same_file_again_changes_nothing(sample_documents):
    import_actuals(str(FIGURES_CSV))
    rows = history_rows()

    out, _ = import_actuals(str(FIGURES_CSV))

    assert "0 new, 0 revised (new version), 33 unchanged" in out
    assert ActualFigure.objects.count() == 33 and history_rows() == rows


def bad_file(tmp_path):
    return write_csv(
        tmp_path / "bad.csv",
        "Tổng vốn đầu tư toàn xã hội,2025-Q1,\"45.390,7\",ước,tỷ đồng,,HP cũ,,2025-04-03",  # line 2: fine
        "Số xe máy điện,2025-Q1,12,,chiếc,,HP cũ,,",  # line 3: unknown indicator
        "Kim ngạch xuất khẩu,2025-Q1,\"8,58\",hơn,tỷ USD,,HP cũ,,",  # line 4: fine
        "Khách du lịch,2025-Q1,\"khoảng một triệu\",,triệu lượt,,HP cũ,,",  # line 5: unparseable value
        "Thu hút vốn đầu tư nước ngoài,2025-13,372,hơn,triệu USD,,HP cũ,,",  # line 6: bad period
    )


def test_a_bad_file_exits_with_status_2_names_lines_and_columns_and_stores_nothing(sample_documents, tmp_path):
    path = bad_file(tmp_path)
    err = StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("actuals", "import", str(path), stdout=StringIO(), stderr=err)

    assert failed.value.returncode == 2
    assert "nothing was stored" in str(failed.value)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith(f"{path}:3: column indicator: found 'Số xe máy điện', expected ")
    assert lines[1].startswith(f"{path}:5: column value: found 'khoảng một triệu', expected a Vietnamese number")
    assert lines[2].startswith(f"{path}:6: column period: found '2025-13', expected a period code")
    assert len(lines) == 3
    assert not ActualFigure.objects.exists()


def test_skip_invalid_stores_the_valid_rows_and_lists_the_skipped_ones(sample_documents, tmp_path):
    path = bad_file(tmp_path)

    out, err = import_actuals(str(path), "--skip-invalid")

    assert "Skipped 3 invalid row(s): line(s) 3, 5, 6" in out
    assert f"{path}:3: column indicator" in err
    assert "2 figure(s) were loaded: 2 new" in out
    assert set(ActualFigure.objects.values_list("indicator__key", flat=True)) == {"investment", "exports"}


def test_dry_run_checks_and_counts_but_stores_nothing(sample_documents):
    out, _ = import_actuals(str(FIGURES_CSV), "--dry-run")

    assert "33 figure(s) would be loaded: 33 new" in out and "Dry run: nothing was stored." in out
    assert not ActualFigure.objects.exists()


def test_status_draft_imports_drafts_to_be_submitted(sample_documents):
    import_actuals(str(FIGURES_CSV), "--status", "draft")

    assert set(ActualFigure.objects.values_list("review_status", flat=True)) == {"draft"}
    assert not ActualFigure.objects.filter(approved_at__isnull=False).exists()


def test_an_empty_scope_is_the_place_of_the_latest_document_on_the_periods_last_day(sample_documents, tmp_path):
    assert Document.objects.order_by("-date").first().place == "Hải Phòng"
    path = write_csv(
        tmp_path / "no-scope.csv",
        "Thu ngân sách nhà nước trên địa bàn,2025-Q1,\"47.873,44\",,tỷ đồng,,,,",
        "Thu ngân sách nhà nước trên địa bàn,2025-Q3,\"150.000\",,tỷ đồng,,,,",
    )

    import_actuals(str(path))

    assert figure("budget_revenue", "2025-Q1", OLD)
    assert figure("budget_revenue", "2025-Q3", NEW)


def test_place_gives_the_locality_of_rows_without_scope(sample_documents, tmp_path):
    path = write_csv(tmp_path / "hd.csv", "Thu ngân sách nhà nước trên địa bàn,2025-Q1,\"5.000\",,tỷ đồng,,,,")

    import_actuals(str(path), "--place", "Hải Dương")

    # Q1 2025 is before the merger: the old province's territory, labelled like the old city's
    assert figure("budget_revenue", "2025-Q1", "Hải Dương (trước 01/07/2025)")


def test_names_keys_aliases_and_values_with_their_qualifier_or_unit_are_read(sample_documents, tmp_path):
    path = write_csv(
        tmp_path / "names.csv",
        "iip,2025-02,\"15,16%\",,,tăng so với cùng kỳ,HP cũ,,",  # key; unit written with the number
        "Sản lượng hàng hóa thông qua cảng,2025-Q1,\"hơn 38,45\",,triệu tấn,,HP cũ,,",  # alias; qualifier in the value
        "THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN – Thu nội địa,2025-03,\"9.000\",,tỷ đồng,,HP mới,,",  # case, en dash
        "Tốc độ tăng trưởng kinh tế (GRDP),2025-Q3,\"8,5\",ước,%,tăng so với cùng kỳ,Hải Phòng (từ 01/07/2025),,",
    )

    out, err = import_actuals(str(path))

    assert err == "", err
    assert figure("iip", "2025-02").low == Decimal("115.16")
    cargo = figure("port_cargo", "2025-Q1")
    assert (cargo.qualifier, cargo.comparator, cargo.low) == ("hơn", ">", Decimal("38.45"))
    assert figure("budget_domestic", "2025-03", NEW).low == Decimal(9000)
    assert figure("grdp", "2025-Q3", NEW).qualifier == "ước"


def test_a_unit_of_another_quantity_and_a_bad_scope_and_date_are_reported(sample_documents, tmp_path):
    path = write_csv(
        tmp_path / "units.csv",
        "Tổng vốn đầu tư toàn xã hội,2025-Q1,12,,triệu tấn,,HP cũ,,",
        "Khách du lịch,2025-Q1,\"1,8\",tầm,triệu lượt,,Hà Nội mới,,hôm qua",
        "Kim ngạch xuất khẩu,2025-Q1,\"8,58\",,tỷ USD,,HP cũ,,",
        "Kim ngạch xuất khẩu,2025-Q1,\"8,6\",,tỷ USD,,HP cũ,,",
    )

    err = StringIO()
    with pytest.raises(CommandError):
        call_command("actuals", "import", str(path), stdout=StringIO(), stderr=err)

    text = err.getvalue()
    assert f"{path}:2: column unit: found 'triệu tấn', expected a unit of the same quantity" in text
    assert f"{path}:3: column qualifier: found 'tầm', expected one of ước, hơn, trên, gần, khoảng" in text
    assert f"{path}:3: column scope: found 'Hà Nội mới'" in text
    assert f"{path}:3: column published: found 'hôm qua', expected a date" in text
    assert f"{path}:5: column period: found '2025-Q1', expected one row per indicator, period and scope (line 4" in text
    assert not ActualFigure.objects.exists()


def test_a_file_without_the_columns_is_refused(sample_documents, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,amount\nGRDP,11\n", encoding="utf-8")

    with pytest.raises(CommandError) as failed:
        import_actuals(str(path))

    assert failed.value.returncode == 2
    assert f"{path}:1: column indicator: found the header name, amount, expected a header row" in str(failed.value)


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError) as failed:
        import_actuals(str(tmp_path / "none.csv"))

    assert failed.value.returncode == 2 and "no such file" in str(failed.value)


def xlsx_of_the_shipped_csv(path, numbers: bool = False):
    """The shipped CSV as a workbook; ``numbers``: values, periods and dates typed as Excel would store them."""
    workbook = Workbook()
    sheet = workbook.active
    with open(FIGURES_CSV, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if numbers and i:
                row[2] = float(row[2].replace(".", "").replace(",", "."))
                if len(row[8]) == 10:
                    row[8] = datetime.fromisoformat(row[8])
            sheet.append(row)
    workbook.create_sheet("Ghi chú").append(["not read"])
    workbook.save(path)
    return path


@pytest.mark.parametrize("numbers", [False, True], ids=["text-cells", "number-and-date-cells"])
def test_an_xlsx_file_imports_like_the_csv(sample_documents, tmp_path, numbers):
    import_actuals(str(FIGURES_CSV))
    csv_figures = {
        (f.indicator.key, f.period, f.scope): (f.comparator, f.low, f.high, f.qualifier, f.published)
        for f in ActualFigure.objects.select_related("indicator")
    }
    ActualFigure.objects.all().delete()
    path = xlsx_of_the_shipped_csv(tmp_path / "figures.xlsx", numbers)

    out, err = import_actuals(str(path))

    assert err == "", err
    assert "33 figure(s) were loaded: 33 new" in out
    xlsx_figures = {
        (f.indicator.key, f.period, f.scope): (f.comparator, f.low, f.high, f.qualifier, f.published)
        for f in ActualFigure.objects.select_related("indicator")
    }
    assert xlsx_figures == csv_figures


def test_an_xlsx_error_names_the_row(sample_documents, tmp_path):
    workbook = Workbook()
    workbook.active.append(["indicator", "period", "value", "unit", "scope"])
    workbook.active.append(["Kim ngạch xuất khẩu", "2025-Q1", "8,58", "tỷ USD", "HP cũ"])
    workbook.active.append(["Kim ngạch xuất khẩu", "Quý I", "8,58", "tỷ USD", "HP cũ"])
    workbook.save(tmp_path / "x.xlsx")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("actuals", "import", str(tmp_path / "x.xlsx"), stdout=StringIO(), stderr=err)

    assert err.getvalue().startswith(f"{tmp_path / 'x.xlsx'}:3: column period: found 'Quý I'")


def test_the_installed_command_exits_2_when_no_indicator_is_known(tmp_path):
    done = run_kehoach("actuals", "import", str(FIGURES_CSV), env={"KEHOACH_DB": str(tmp_path / "k.sqlite3")})

    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{FIGURES_CSV}:2: column indicator: found 'Chỉ số sản xuất công nghiệp (IIP)'" in done.stderr
    assert "import the plan documents first" in done.stderr
    assert "nothing was stored" in done.stderr
