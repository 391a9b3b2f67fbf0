"""Backing up the whole database and restoring it: every table comes back row by row, across
SQLite and PostgreSQL, and a file that is not a complete backup changes nothing.

The commands run as a user runs them (the ``kehoach`` command in a subprocess), each against a
database of its own (``tests.apps.databases.new_database``).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.apps.cli import run_kehoach
from tests.apps.databases import ENGINE, kill_in_the_middle, new_database, run_module, tables


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A database with the demo plan and history of every kind, its rows, and its backup."""
    folder = tmp_path_factory.mktemp("backup")
    with new_database(folder, "source") as env:
        run_module("demo", env)
        backup = folder / "kehoach.zip"
        done = run_kehoach("backup", str(backup), env=env)
        assert done.returncode == 0, done.stderr
        yield env, tables(env), backup


def differences(expected: dict[str, list], actual: dict[str, list]) -> list[str]:
    """Where two databases differ: the tables, and the first differing row of each."""
    found = []
    for label in sorted(set(expected) | set(actual)):
        want, got = expected.get(label), actual.get(label)
        if want == got:
            continue
        if want is None or got is None:
            found.append(f"{label}: only in {'the copy' if want is None else 'the original'}")
            continue
        first = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))
        found.append(f"{label}: {len(want)} vs {len(got)} rows; first difference at row {first}: "
                     f"{want[first] if first < len(want) else None} != {got[first] if first < len(got) else None}")
    return found


def test_a_restore_into_an_empty_database_gives_every_table_back_row_by_row(source, tmp_path):
    _env, original, backup = source
    with new_database(tmp_path, "copy") as env:
        done = run_kehoach("restore", str(backup), env=env)

        assert done.returncode == 0, done.stderr
        assert "restored" in done.stdout
        assert differences(original, tables(env)) == []
    filled = {label for label, rows in original.items() if rows}
    for label in ("figures.historicalactualfigure", "tasks.historicaltaskprogress", "auth.user_groups",
                  "auth.group_permissions", "contenttypes.contenttype", "documents.stagedupload",
                  "indicators.historicalindicator_monitoring_agencies", "uploaded files"):
        assert label in filled, label  # the comparison covered rows of each kind


def test_the_backup_has_a_manifest_with_the_migrations_and_the_count_of_every_table(source):
    _env, original, backup = source
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))

    assert manifest["format"] == "kehoach-backup"
    assert manifest["kehoach_version"]
    assert manifest["created_at"].endswith("Z")
    assert "0001_initial" in manifest["migrations"]["figures"]
    assert {label: table["rows"] for label, table in manifest["tables"].items()} == {
        label: len(rows) for label, rows in original.items() if label != "uploaded files"
    }
    assert sorted(manifest["files"]) == [name for name, _sha256 in original["uploaded files"]]
    assert manifest["missing_files"] == []


def test_new_rows_after_a_restore_get_fresh_ids(source, tmp_path):
    _env, original, backup = source
    with new_database(tmp_path, "fresh_ids") as env:
        assert run_kehoach("restore", str(backup), env=env).returncode == 0
        done = run_kehoach("createsuperuser", "--noinput", "--username", "after_restore", "--email", "a@b.vn", env=env)

        assert done.returncode == 0, done.stderr
        users = tables(env)["auth.user"]
    assert len(users) == len(original["auth.user"]) + 1
    assert users[-1][0] > max(row[0] for row in original["auth.user"])


def test_a_database_that_holds_data_is_refused_unless_forced(source):
    env, original, backup = source
    run_kehoach("createsuperuser", "--noinput", "--username", "since_backup", "--email", "a@b.vn", env=env)
    changed = tables(env)

    refused = run_kehoach("restore", str(backup), env=env)

    assert refused.returncode == 2
    assert "not empty" in refused.stderr and "--force" in refused.stderr
    assert tables(env) == changed

    forced = run_kehoach("restore", "--force", str(backup), env=env)

    assert forced.returncode == 0, forced.stderr
    assert differences(original, tables(env)) == []


def damaged_copies(backup: Path, folder: Path) -> dict[str, Path]:
    truncated = folder / "truncated.zip"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    foreign = folder / "photo.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("photo.txt", "not a backup")
    text = folder / "notes.txt"
    text.write_text("Kế hoạch 86/KH-UBND\n", encoding="utf-8")
    miscounted = folder / "miscounted.zip"
    with zipfile.ZipFile(backup) as original, zipfile.ZipFile(miscounted, "w") as archive:
        manifest = json.loads(original.read("manifest.json"))
        manifest["tables"]["auth.user"]["rows"] += 1
        del manifest["signature"]  # restored with --allow-unsigned: the count is checked still
        for name in original.namelist():
            data = json.dumps(manifest).encode() if name == "manifest.json" else original.read(name)
            archive.writestr(name, data)
    other_migrations = folder / "other-migrations.zip"
    with zipfile.ZipFile(backup) as original, zipfile.ZipFile(other_migrations, "w") as archive:
        manifest = json.loads(original.read("manifest.json"))
        manifest["migrations"]["figures"].append("0099_from_the_future")
        del manifest["signature"]
        for name in original.namelist():
            data = json.dumps(manifest).encode() if name == "manifest.json" else original.read(name)
            archive.writestr(name, data)
    return {"truncated": truncated, "foreign": foreign, "text": text, "miscounted": miscounted,
            "other_migrations": other_migrations}


@pytest.mark.parametrize(
    ("kind", "message"),
    [("truncated", "not a complete kehoach backup"), ("foreign", "not a kehoach backup (no manifest.json"),
     ("text", "not a complete kehoach backup"), ("miscounted", "the manifest says"),
     ("other_migrations", "only in the backup: figures.0099_from_the_future")],
)
def test_a_file_that_is_not_a_complete_backup_changes_nothing(source, tmp_path, kind, message):
    env, _original, backup = source
    before = tables(env)
    damaged = damaged_copies(backup, tmp_path)[kind]

    done = run_kehoach("restore", "--force", "--allow-unsigned", str(damaged), env=env)

    assert done.returncode == 2
    assert message in done.stderr and str(damaged) in done.stderr
    assert "Traceback" not in done.stderr
    assert tables(env) == before


def test_a_backup_replaces_its_file_only_once_complete(source, tmp_path):
    env, _original, _backup = source
    target = tmp_path / "kehoach.zip"
    target.write_bytes(b"yesterday's backup")

    refused = run_kehoach("backup", str(tmp_path / "no-such-folder" / "kehoach.zip"), env=env)
    done = run_kehoach("backup", str(target), env=env)

    assert refused.returncode == 2 and "does not exist" in refused.stderr
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["kehoach.zip"]  # no temporary file left


def test_a_backup_killed_while_it_writes_leaves_the_previous_file_as_it_was(source, tmp_path):
    env, _original, _backup = source
    target = tmp_path / "kehoach.zip"
    target.write_bytes(b"yesterday's backup")

    seen = kill_in_the_middle(["backup", str(target)], "kehoach.apps.backup.archive:stored_files", 1, env, tmp_path)

    assert seen["in_transaction"]  # every table was written, the uploaded files were next
    assert target.read_bytes() == b"yesterday's backup"
    partial = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert len(partial) == 1 and partial[0].name.startswith(".kehoach.zip.")  # what the killed process left


# -- signed backups: a backup changed after it was written is refused, naming what changed ---------------


def rewritten(backup: Path, target: Path, change) -> Path:
    """A copy of ``backup`` whose members go through ``change(name, data) -> data | None`` (None: left out)."""
    with zipfile.ZipFile(backup) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in original.namelist():
            data = change(name, original.read(name))
            if data is not None:
                archive.writestr(name, data)
    return target


def _rows(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines() if line]


def _lines(rows: list[dict]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()


def approved_figure_changed(name, data):
    """An approved figure's value changed; its history still shows the old one."""
    if name != "data/figures.actualfigure.jsonl":
        return data
    rows = _rows(data)
    row = next(r for r in rows if r["fields"]["review_status"] == "approved")
    row["fields"]["text"], row["fields"]["low"], row["fields"]["high"] = "999", "999", "999"
    return _lines(rows)


def officer_made_superuser(name, data):
    if name != "data/auth.user.jsonl":
        return data
    rows = _rows(data)
    for row in rows:
        if row["fields"]["username"] == "congthuong":
            row["fields"]["is_superuser"] = row["fields"]["is_staff"] = True
    return _lines(rows)


def manifest_edited(name, data):
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["created_at"] = "2020-01-01T00:00:00Z"
    return json.dumps(manifest).encode()


def unsigned(name, data):
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    del manifest["signature"]
    return json.dumps(manifest).encode()


TAMPERINGS = {
    "an approved figure changed": (approved_figure_changed, "data/figures.actualfigure.jsonl was changed"),
    "an officer made superuser": (officer_made_superuser, "data/auth.user.jsonl was changed"),
    "the manifest edited": (manifest_edited, "manifest.json was changed after the backup was signed"),
    "a table left out": (lambda n, d: None if n == "data/figures.actualfigure.jsonl" else d,
                         "is missing from the archive"),
    "an unsigned backup": (unsigned, "the backup is not signed (restore it anyway with --allow-unsigned)"),
}


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_backup_changed_after_it_was_signed_is_refused(source, tmp_path, tampering):
    env, _original, backup = source
    before = tables(env)
    change, message = TAMPERINGS[tampering]
    damaged = rewritten(backup, tmp_path / "sua-tay.zip", change)

    done = run_kehoach("restore", "--force", str(damaged), env=env)

    assert done.returncode == 2, done.stdout
    assert message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert tables(env) == before


def test_a_file_added_to_the_backup_is_refused(source, tmp_path):
    env, _original, backup = source
    damaged = rewritten(backup, tmp_path / "them.zip", lambda n, d: d)
    with zipfile.ZipFile(damaged, "a") as archive:
        archive.writestr("files/evidence/ma-doc.pdf", b"%PDF-1.4")

    done = run_kehoach("restore", "--force", str(damaged), env=env)

    assert done.returncode == 2 and "files/evidence/ma-doc.pdf was added after the backup was signed" in done.stderr


def test_a_backup_signed_with_another_key_is_refused(source, tmp_path):
    env, original, backup = source
    done = run_kehoach("restore", "--force", str(backup), env={**env, "KEHOACH_BACKUP_KEY": "khoa-khac"})
    assert done.returncode == 2 and "signed with another key" in done.stderr


def test_an_unsigned_backup_restores_when_allowed(source, tmp_path):
    env, original, backup = source
    damaged = rewritten(backup, tmp_path / "cu.zip", unsigned)
    done = run_kehoach("restore", "--force", "--allow-unsigned", str(damaged), env=env)
    assert done.returncode == 0, done.stderr
    assert differences(original, tables(env)) == []


@pytest.mark.skipif(ENGINE != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
def test_sqlite_to_postgresql_and_back_keeps_every_row(tmp_path):
    with new_database(tmp_path, "lite", engine="sqlite") as lite, \
            new_database(tmp_path, "pg", engine="postgresql") as pg, \
            new_database(tmp_path, "lite_again", engine="sqlite") as lite_again:
        run_module("demo", lite)
        original = tables(lite)
        there, back = tmp_path / "from-sqlite.zip", tmp_path / "from-postgresql.zip"

        for command in (("backup", str(there), lite), ("restore", str(there), pg),
                        ("backup", str(back), pg), ("restore", str(back), lite_again)):
            done = run_kehoach(*command[:2], env=command[2])
            assert done.returncode == 0, f"{command[:2]}: {done.stderr}"

        assert differences(original, tables(pg)) == []
        assert differences(original, tables(lite_again)) == []
