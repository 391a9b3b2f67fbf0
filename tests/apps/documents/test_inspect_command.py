"""``kehoach inspect``: what the importer reads, without any database (with one, it reads only the reading
profiles it applies; ``--no-profile`` reads none: see test_reading_profile_applied)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.domain.importer import inspect_files, to_json
from tests.apps.cli import run_kehoach
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86

UNREACHABLE = "postgres://nobody@127.0.0.1:1/none"


def test_inspect_json_runs_with_an_unreachable_database():
    done = run_kehoach("inspect", "--json", str(KE_HOACH_86), env={"DATABASE_URL": UNREACHABLE})

    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [d["number"] for d in data["documents"]] == ["86/KH-UBND"]
    assert data["tasks"] and data["documents"][0]["file"] == KE_HOACH_86.name
    assert "Hải Phòng" in done.stdout  # Vietnamese as is, not \u escapes


def test_inspect_json_is_the_importers_object():
    out = StringIO()
    call_command("inspect", str(BAO_CAO_619), "--json", "--no-profile", stdout=out)  # no db fixture: a query fails

    assert json.loads(out.getvalue()) == json.loads(json.dumps(to_json(inspect_files([BAO_CAO_619]))))


def test_inspect_without_json_prints_a_summary():
    out = StringIO()
    call_command("inspect", str(BAO_CAO_619), str(KE_HOACH_86), "--no-profile", stdout=out)

    text = out.getvalue()
    assert f"{KE_HOACH_86.name}: " in text and "86/KH-UBND" in text and "619-BC/TU" in text
    assert " tasks" in text and "warning(s)" in text


def test_inspect_a_png_fails_with_status_2(png_file):
    with pytest.raises(CommandError) as failure:
        call_command("inspect", str(png_file), "--no-profile")
    assert failure.value.returncode == 2
    assert png_file.name in str(failure.value)

    done = run_kehoach("inspect", str(png_file), env={"DATABASE_URL": UNREACHABLE})
    assert done.returncode == 2
    assert png_file.name in done.stderr


def test_inspect_a_missing_file_fails_with_status_2(tmp_path):
    with pytest.raises(CommandError) as failure:
        call_command("inspect", str(tmp_path / "missing.txt"))
    assert failure.value.returncode == 2


def test_inspect_exits_2_listing_the_rows_of_tables_none_understood(tmp_path):
    path = tmp_path / "thu-tuc.txt"
    path.write_text("Số: 12/KH-UBND\n\nHải Phòng, ngày 02 tháng 4 năm 2025\n\n## KẾ HOẠCH\n\nThử\n\n"
                    "Mã\tTên thủ tục\tLệ phí\nTT01\tCấp giấy phép xây dựng\t75.000\n", encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("inspect", str(path), "--no-profile")
    assert failure.value.returncode == 2
    assert "none understood" in str(failure.value) and "line 10: TT01 · Cấp giấy phép xây dựng" in str(failure.value)
