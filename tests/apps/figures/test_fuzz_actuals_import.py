"""Fuzzing ``kehoach actuals import``: whatever the file, the import ends in a result or a clean error
naming the file (and the line and column of each problem), never a traceback; a refused file stores
nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from kehoach.apps.figures.importing import COLUMNS, ActualsFileError, import_file
from kehoach.apps.figures.models import ActualFigure
from tests.apps.import_fuzz import files, problem_pattern

PLAUSIBLE = [
    "Thu ngân sách nhà nước trên địa bàn", "Kim ngạch xuất khẩu", "iip", "grdp", "2025-Q1", "2025-13",
    "2025-YTD-04", "2025", "47.873,44", "hơn 8,58", "1,3 tỷ USD", "ước", "hơn", "tỷ đồng", "%", "triệu USD",
    "tăng so với cùng kỳ năm trước", "HP cũ", "HP mới", "Hải Phòng", "2025-04-10", "10/04/2025", "2025-04", "",
]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def state() -> tuple:
    return (ActualFigure.objects.count(), ActualFigure.history.count(),
            sorted(ActualFigure.objects.values_list("pk", "is_current")))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@FUZZ
@given(file=files(list(COLUMNS), PLAUSIBLE))
def test_any_file_ends_in_a_result_or_a_clean_error(demo_plan, folder, file):
    suffix, content = file
    path = folder / f"figures{suffix}"
    path.write_bytes(content)
    before = state()
    with transaction.atomic():
        try:
            report = import_file(path)
        except ActualsFileError as exc:
            assert str(exc).startswith(str(path))
            assert state() == before
        else:
            pattern = problem_pattern(path, list(COLUMNS))
            assert all(pattern.fullmatch(str(p)) for p in report.problems), report.problems
            if report.problems:
                assert not report.stored and state() == before
            else:
                assert report.stored and report.loaded == len(report.outcomes)
        transaction.set_rollback(True)


@FUZZ
@given(file=files(list(COLUMNS), PLAUSIBLE))
def test_a_dry_run_of_any_file_stores_nothing(demo_plan, folder, file):
    suffix, content = file
    path = folder / f"dry{suffix}"
    path.write_bytes(content)
    before = state()
    try:
        report = import_file(path, dry_run=True, skip_invalid=True)
    except ActualsFileError:
        pass
    else:
        assert not report.stored
    assert state() == before
