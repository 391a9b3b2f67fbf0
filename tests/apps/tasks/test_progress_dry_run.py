"""``kehoach progress import FILE --dry-run``: what each row would do, exactly what the import then does."""

from __future__ import annotations

from datetime import date

from kehoach.apps.tasks.importing import import_file
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.tasks.test_progress_import_command import CONG_THUONG, ROWS, progress_import, write_csv

LATE = ["16", CONG_THUONG, "10/07/2025", "Đang thực hiện", "70", "Đang hoàn thiện", "Chậm", "Thiếu vốn", "Bổ sung", ""]


def second_file(tmp_path):
    """ROWS[0] with a new percent, ROWS[1] as before, a new row of task 16."""
    return write_csv(tmp_path / "b.csv", [[*ROWS[0][:4], "60", *ROWS[0][5:]], ROWS[1], LATE])


def test_the_dry_run_prints_each_row_and_stores_nothing(demo_plan, tmp_path):
    progress_import(write_csv(tmp_path / "a.csv", ROWS))
    before = list(TaskProgress.objects.order_by("pk").values())
    path = second_file(tmp_path)

    out, err = progress_import(path, "--dry-run")

    assert err == ""
    assert f"{path}: line 2: task 11 (86/KH-UBND) on 2025-08-01: revised: percent '40' → '60'" in out
    assert f"{path}: line 3: task 14 (86/KH-UBND) on 2025-08-01: unchanged" in out
    assert f"{path}: line 4: task 16 (86/KH-UBND) on 2025-07-10: created" in out
    assert "3 progress update(s) would be loaded: 1 new, 1 revised, 1 unchanged" in out
    assert list(TaskProgress.objects.order_by("pk").values()) == before


def test_the_dry_run_reports_exactly_what_the_import_then_does(demo_plan, tmp_path):
    import_file(write_csv(tmp_path / "a.csv", ROWS), status="draft")
    path = second_file(tmp_path)

    dry = import_file(path, dry_run=True)
    real = import_file(path)

    assert dry.outcomes == real.outcomes
    assert [o.changes for o in real.outcomes] == [
        (("percent", "40", "60"), ("workflow", "draft", "submitted")), (("workflow", "draft", "submitted"),), (),
    ]
    assert not dry.stored and real.stored
    assert TaskProgress.objects.get(task__number=16).on == date(2025, 7, 10)


def test_a_dry_run_with_a_refused_row_reports_the_problem_and_nothing_else(demo_plan, tmp_path):
    path = write_csv(tmp_path / "late.csv", [ROWS[0], [*LATE[:6], "", "", "", ""]])

    dry = import_file(path, dry_run=True)

    assert [(p.line, p.column) for p in dry.problems] == [(3, "cause")]
    assert dry.outcomes == [] and not dry.stored
    assert import_file(path).problems == dry.problems
    assert not TaskProgress.objects.exists()
