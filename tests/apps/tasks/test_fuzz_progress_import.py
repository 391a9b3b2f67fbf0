"""Fuzzing ``kehoach progress import``: whatever the file, the import ends in a result or a clean error
naming the file (and the line and column of each problem), never a traceback; a refused file stores
nothing."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from kehoach.apps.tasks.importing import COLUMNS, ProgressFileError, import_file
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.import_fuzz import files, problem_pattern

PLAUSIBLE = [
    "11", "14", "16", "999", "0", "11.0", "86/KH-UBND", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
    "01/08/2025", "2025-08-01", "31/02/2025", "Đang thực hiện", "Hoàn thành", "completed", "not_started", "40",
    "100", "150", "50%", "Đã trình dự thảo", "Chậm", "Thiếu vốn", "Bổ sung", "",
]
NAMES = ["task", "number", "document", "agency", "on", "status", "percent", "note", "evidence", "cause",
         "difficulties", "proposals", "completed_on", "STT", "Đơn vị", "Ngày", "Trạng thái"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def state() -> tuple:
    return (TaskProgress.history.count(), sorted(TaskProgress.objects.values_list("pk", "review_status", "percent")))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@FUZZ
@given(file=files(NAMES, PLAUSIBLE))
def test_any_file_ends_in_a_result_or_a_clean_error(demo_plan, folder, file):
    suffix, content = file
    path = folder / f"progress{suffix}"
    path.write_bytes(content)
    before = state()
    with transaction.atomic():
        try:
            report = import_file(path, today=date(2025, 9, 1))
        except ProgressFileError as exc:
            assert str(exc).startswith(str(path))
            assert state() == before
        else:
            pattern = problem_pattern(path, list(COLUMNS))
            assert all(pattern.fullmatch(str(p)) for p in report.problems), report.problems
            if report.problems:
                assert not report.stored and report.outcomes == [] and state() == before
            else:
                assert report.stored and len(report.outcomes) == len(report.rows)
        transaction.set_rollback(True)


@FUZZ
@given(file=files(NAMES, PLAUSIBLE))
def test_a_dry_run_of_any_file_stores_nothing(demo_plan, folder, file):
    suffix, content = file
    path = folder / f"dry{suffix}"
    path.write_bytes(content)
    before = state()
    try:
        report = import_file(path, dry_run=True, skip_invalid=True, today=date(2025, 9, 1))
    except ProgressFileError:
        pass
    else:
        assert not report.stored
    assert state() == before
