"""Upgrading to the one review workflow keeps every figure and progress update, and every history row.

The old database is built from ``old/kehoach-e43ee11.zip``, a ``kehoach backup`` made by kehoach at
commit e43ee11 (how: ``old/make_e43ee11_backup.py``), when figures stored their review state in
``status`` and progress updates in ``workflow``. It is restored as that version would restore it
(``old/restore_old.py``: migrated to the backup's own migration names, every row inserted through
the models of that state), then upgraded with ``kehoach migrate``. Every row of the figures and
progress updates, and of their history, must come back with the same values: the old state in
``review_status``, nobody having returned anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

from tests.apps.cli import run_kehoach
from tests.apps.databases import ROOT, new_database

BACKUP = Path(__file__).parent / "old" / "kehoach-e43ee11.zip"
RENAMED = {"figures": ("status", "review_status"), "tasks": ("workflow", "review_status")}
ADDED = {"returned_by_id": None, "returned_at": None, "return_reason": ""}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB", "DJANGO_SETTINGS_MODULE")}
    environ.update(env, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])))
    done = subprocess.run([sys.executable, "-m", "tests.apps.backup.old.restore_old", *args], env=environ, cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def expected_rows() -> dict[str, list[dict]]:
    """The backup's rows of the reviewed entries, as the upgraded database must hold them."""
    out = {}
    with zipfile.ZipFile(BACKUP) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        for label in ("figures.actualfigure", "figures.historicalactualfigure", "tasks.taskprogress",
                      "tasks.historicaltaskprogress"):
            old, new = RENAMED[label.split(".")[0]]
            rows = []
            for line in archive.read(manifest["tables"][label]["member"]).decode("utf-8").splitlines():
                record = json.loads(line)
                fields = {(new if name == old else name): value for name, value in record["fields"].items()}
                rows.append({"pk": record["pk"], **fields})
            out[label] = rows
    return out


def same(expected: dict, stored: dict) -> list[str]:
    """The fields whose stored value differs from the backup's (foreign keys by their ``_id``; the
    primary key of a history table is ``history_id``)."""
    differences = []
    for name, value in expected.items():
        key = ("history_id" if "history_id" in stored else "id") if name == "pk" else \
            name if name in stored else f"{name}_id"
        got = stored[key]
        if isinstance(value, str) and value.endswith("Z"):
            value = value[:-1] + "+00:00"
        if key in ("low", "high") and value is not None:
            value = format(Decimal(value).normalize(), "f")
        if got != value:
            differences.append(f"{key}: {value!r} != {got!r}")
    return differences


def test_a_backup_made_before_the_review_workflow_restores_and_migrates_with_every_entry_kept(tmp_path):
    expected = expected_rows()
    assert {row["review_status"] for row in expected["figures.actualfigure"]} == {"draft", "submitted", "approved"}
    assert {row["review_status"] for row in expected["tasks.taskprogress"]} == {"draft", "submitted", "approved"}
    with new_database(tmp_path, "upgraded") as env:
        run(env, str(BACKUP))
        migrated = run_kehoach("migrate", env=env)
        assert migrated.returncode == 0, migrated.stderr
        stored = json.loads(run(env, "--reviewed").stdout)

    for label, rows in expected.items():
        assert len(stored[label]) == len(rows), label  # every row, every history row
        for want, got in zip(rows, stored[label], strict=True):
            assert same(want, got) == [], f"{label} #{want['pk']}"
            assert {name: got[name] for name in ADDED} == ADDED, f"{label} #{want['pk']}"
    imported = [row for row in stored["tasks.taskprogress"] if row["review_status"] == "submitted"
                and row["submitted_by_id"] is None]
    assert imported, "the update submitted by kehoach progress import (no submitting user) is kept"
