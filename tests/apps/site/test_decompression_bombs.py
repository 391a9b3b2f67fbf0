"""A decompression bomb is refused before it is inflated (issue 14): a ~150 KB .xlsx, .docx and backup,
each expanding to ~150 MB, through the readers kehoach uses for them -- the workspace's Excel
upload and the CSV/XLSX imports (``tabular.open_workbook``), the report's Word template
(``word_template.open_template``) and ``kehoach restore`` (``backup.archive.read_manifest``) -- in a
subprocess whose peak memory must grow by less than 100 MB. A web upload is parsed in a child
process with a memory limit (``kehoach.domain.sandbox``). No timings here (bench/ measures them).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kehoach.domain import sandbox
from tests.apps.site.bombs import backup_bomb, docx_bomb, xlsx_bomb

PROBE = r"""
import json, os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
django.setup()
from kehoach.domain import tabular
from kehoach.apps.backup.archive import BackupError, read_manifest
from kehoach.apps.reports.word_template import TemplateBroken, WordTemplate, open_template
kind, path = sys.argv[1], sys.argv[2]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
refusal = None
try:
    if kind == "xlsx":
        tabular.open_workbook(open(path, "rb").read(), "bom.xlsx")
    elif kind == "docx":
        open_template(WordTemplate("bom.docx", open(path, "rb").read()))
    else:
        read_manifest(path)
except (tabular.TableError, TemplateBroken, BackupError) as exc:
    refusal = str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"refusal": refusal, "grew_mb": (after - before) / 1024}))
"""

BOMBS = {"xlsx": xlsx_bomb, "docx": docx_bomb, "backup": backup_bomb}


@pytest.mark.parametrize("kind", BOMBS)
def test_a_bomb_is_refused_before_it_is_inflated(kind, tmp_path):
    bomb = BOMBS[kind](tmp_path / f"bom.{'zip' if kind == 'backup' else kind}")
    assert bomb.stat().st_size < 200 * 1024, bomb.stat().st_size

    done = subprocess.run([sys.executable, "-c", PROBE, kind, str(bomb)], capture_output=True, text=True,
                          timeout=300)

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["refusal"] and "decompression bomb" in result["refusal"], result
    assert result["grew_mb"] < 100, result


def test_the_workspace_upload_of_a_bomb_is_refused_with_a_message(people, login, tmp_path):
    from tests.apps.workspace.workspace_support import agency, url, written

    client = login(people["officer_a"])
    before = written()
    data = xlsx_bomb(tmp_path / "bao-cao.xlsx").read_bytes()
    response = client.post(url("workspace:upload", agency()), {"file": SimpleUploadedFile(
        "bao-cao.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
    assert response.status_code == 200
    assert "decompression bomb" in response.content.decode()
    assert written() == before


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_a_parser_that_needs_too_much_memory_ends_in_its_child_not_in_the_server():
    with pytest.raises(sandbox.LimitExceeded):
        sandbox.run_limited(_allocate, 1024, memory=256 * 1024 * 1024)
    assert sandbox.run_limited(_allocate, 1) == 1024 * 1024


def test_the_child_gives_back_the_parser_s_refusal():
    from kehoach.domain import tabular

    with pytest.raises(tabular.TableError, match="not an XLSX workbook"):
        sandbox.run_limited(tabular.open_workbook, b"PK\x03\x04 not really", "upload")
