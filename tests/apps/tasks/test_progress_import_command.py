"""``kehoach progress import FILE``: task progress from CSV or XLSX, through the tasks' rules, all or nothing."""

from __future__ import annotations

import csv
from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from kehoach.apps.tasks.importing import import_file
from kehoach.apps.tasks.models import Task, TaskProgress

CONG_THUONG = "Sở Công Thương"
VAN_HOA = "Sở Văn hóa, Thể thao và Du lịch"
HEADER = ["STT", "Đơn vị", "Ngày", "Trạng thái", "Tỷ lệ", "Kết quả", "Nguyên nhân", "Khó khăn", "Đề xuất",
          "Minh chứng"]


def write_csv(path, rows, header=HEADER):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def progress_import(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("progress", "import", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def updates(number: int) -> list[TaskProgress]:
    return list(TaskProgress.objects.filter(task__number=number).order_by("entered_at", "pk"))


# Task 11 (Sở Công Thương) is due 31/12/2025; task 16 (Sở Công Thương) was due 30/06/2025;
# task 14 is Sở Văn hóa, Thể thao và Du lịch's.
ROWS = [
    ["11", CONG_THUONG, "01/08/2025", "Đang thực hiện", "40", "Đã trình dự thảo", "", "", "", "123/BC-SCT"],
    ["14", VAN_HOA, "2025-08-01", "Hoàn thành", "", "Đã ban hành", "", "", "", ""],
]


def test_a_file_of_updates_is_recorded_and_submitted(demo_plan, tmp_path):
    out, err = progress_import(write_csv(tmp_path / "tiendo.csv", ROWS))

    assert err == ""
    assert "2 progress update(s) were loaded: 2 new, 0 revised, 0 unchanged" in out
    (first,) = updates(11)
    assert (first.on, first.status, first.percent, first.note, first.evidence_reference, first.review_status) == (
        date(2025, 8, 1), "in_progress", 40, "Đã trình dự thảo", "123/BC-SCT", "submitted",
    )
    (done,) = updates(14)
    assert (done.status, done.percent, done.review_status) == ("completed", 100, "submitted")


def test_the_same_file_twice_changes_nothing(demo_plan, tmp_path):
    path = write_csv(tmp_path / "tiendo.csv", ROWS)
    progress_import(path)
    before = list(TaskProgress.objects.values())
    history = TaskProgress.history.count()

    out, _err = progress_import(path)

    assert "2 progress update(s) were loaded: 0 new, 0 revised, 2 unchanged" in out
    assert list(TaskProgress.objects.values()) == before
    assert TaskProgress.history.count() == history


def test_a_changed_row_revises_a_submitted_update_with_a_new_one(demo_plan, tmp_path):
    progress_import(write_csv(tmp_path / "a.csv", ROWS[:1]))
    changed = [[*ROWS[0][:4], "60", "Đã trình UBND", *ROWS[0][6:]]]

    out, _err = progress_import(write_csv(tmp_path / "b.csv", changed))

    assert "0 new, 1 revised, 0 unchanged" in out
    old, new = updates(11)
    assert (old.percent, old.review_status) == (40, "submitted")  # kept as it was
    assert (new.percent, new.note, new.review_status) == (60, "Đã trình UBND", "submitted")
    assert "0 new, 0 revised, 1 unchanged" in progress_import(tmp_path / "b.csv")[0]


def test_a_draft_is_revised_in_place_and_submitted_later(demo_plan, tmp_path):
    path = write_csv(tmp_path / "a.csv", ROWS[:1])
    progress_import(path, "--status", "draft")
    (draft,) = updates(11)
    assert draft.review_status == "draft"

    out, _err = progress_import(path)

    assert "0 new, 1 revised, 0 unchanged" in out
    (same,) = updates(11)
    assert (same.pk, same.review_status) == (draft.pk, "submitted")
    # A draft import never takes a submitted update back.
    assert "1 unchanged" in progress_import(path, "--status", "draft")[0]
    assert updates(11)[0].review_status == "submitted"


def test_an_agency_reports_only_on_the_tasks_it_leads(demo_plan, tmp_path):
    path = write_csv(tmp_path / "sai.csv", [["14", CONG_THUONG, "01/08/2025", "Đang thực hiện", "", "", "", "", "", ""]])

    err = _stderr_of(path)

    assert f"{path}:2: column agency: found 'Sở Công Thương', expected a lead agency of task 14" in err
    assert TaskProgress.objects.count() == 0


def _stderr_of(path, *args) -> str:
    """What a refused import prints; it exits with status 2."""
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("progress", "import", str(path), *args, stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    return err.getvalue()


def test_an_overdue_task_needs_its_explanation_when_submitted(demo_plan, tmp_path):
    late = ["16", CONG_THUONG, "10/07/2025", "Đang thực hiện", "70", "Đang hoàn thiện", "", "", "", ""]
    path = write_csv(tmp_path / "late.csv", [ROWS[0], late])

    err = _stderr_of(path)

    assert f"{path}:3: column cause: found an empty cell, expected the causes, difficulties and proposals of a task " \
           "“Quá hạn chưa hoàn thành” on 2025-07-10" in err
    assert TaskProgress.objects.count() == 0  # the valid row is not stored either
    # As a draft it is recorded: the explanation is asked when it is submitted.
    out, _err = progress_import(path, "--status", "draft")
    assert "2 new" in out
    explained = [*late[:6], "Chậm phê duyệt", "Thiếu vốn", "Bố trí vốn bổ sung", ""]
    out, _err = progress_import(write_csv(tmp_path / "explained.csv", [explained]))
    assert "1 revised" in out
    assert updates(16)[-1].review_status == "submitted"


def test_skip_invalid_stores_the_valid_rows_and_lists_the_others(demo_plan, tmp_path):
    bad = ["999", CONG_THUONG, "31/02/2025", "xong rồi", "150", "", "", "", "", ""]
    path = write_csv(tmp_path / "mixed.csv", [ROWS[0], bad])

    err = _stderr_of(path)
    assert f"{path}:3: column number: found '999', expected the number of a stored task" in err
    assert f"{path}:3: column on: found '31/02/2025', expected a date" in err
    assert f"{path}:3: column status: found 'xong rồi', expected one of not_started (Chưa triển khai)" in err
    assert f"{path}:3: column percent: found '150', expected a whole number from 0 to 100" in err
    assert TaskProgress.objects.count() == 0

    out, err = progress_import(path, "--skip-invalid")
    assert "Skipped 1 invalid row(s): line(s) 3" in out
    assert "1 progress update(s) were loaded: 1 new" in out
    assert [u.task.number for u in TaskProgress.objects.all()] == [11]


def test_a_row_is_found_by_task_id_and_columns_in_any_order_in_xlsx(demo_plan, tmp_path):
    task = Task.objects.get(number=11)
    book = Workbook()
    sheet = book.active
    sheet.append(["status", "percent", "on", "agency", "task", "unknown column"])
    sheet.append(["in_progress", 0.5, datetime(2025, 8, 1), "sở công thương", task.pk, "ignored"])
    path = tmp_path / "tiendo.xlsx"
    book.save(path)

    out, _err = progress_import(path)

    assert "1 new" in out
    assert (updates(11)[0].percent, updates(11)[0].on) == (50, date(2025, 8, 1))


def test_the_header_must_name_the_required_columns(demo_plan, tmp_path):
    path = write_csv(tmp_path / "thieu.csv", [["11", "01/08/2025"]], header=["STT", "Ngày"])

    with pytest.raises(CommandError) as raised:
        progress_import(path)

    assert raised.value.returncode == 2
    assert f"{path}:1: column agency: found the header STT, Ngày, expected a header row" in str(raised.value)


def test_a_date_in_the_future_or_two_rows_for_one_day_are_refused(demo_plan, tmp_path):
    path = write_csv(tmp_path / "dup.csv", [ROWS[0], ROWS[0], [*ROWS[0][:2], "01/08/2099", *ROWS[0][3:]]])

    report = import_file(path, today=date(2025, 9, 1))

    assert [(p.line, p.column) for p in report.problems] == [(3, "on"), (4, "on")]
    assert "one row per task and date (line 2 gives task 11 (86/KH-UBND) on 2025-08-01 already)" in str(
        report.problems[0])
    assert "a date no later than today (2025-09-01)" in str(report.problems[1])
    assert not report.stored and TaskProgress.objects.count() == 0
