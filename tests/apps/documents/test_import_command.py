"""``kehoach import``: documents into the database, all or nothing."""

from __future__ import annotations

import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.apps.documents.models import Document, ImportWarning
from kehoach.apps.indicators.models import Target
from kehoach.apps.projects.models import Project
from kehoach.apps.tasks.models import Task
from kehoach.domain.importer import inspect_files
from tests.apps.cli import run_kehoach
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86, history_rows


def run_import(*paths: Path) -> str:
    out = StringIO()
    call_command("import", *map(str, paths), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_stores_the_documents_and_reports_counts_and_warnings():
    parsed = inspect_files([BAO_CAO_619, KE_HOACH_86])

    output = run_import(BAO_CAO_619, KE_HOACH_86)

    assert set(Document.objects.values_list("number", flat=True)) == {"619-BC/TU", "86/KH-UBND"}
    assert Task.objects.filter(document__number="86/KH-UBND").count() == len(parsed.tasks) > 0
    assert Project.objects.count() == len(parsed.projects)
    assert Target.objects.count() == len({(t.indicator, t.year, t.basis, t.scope, t.document) for t in parsed.targets})
    assert Document.objects.get(number="86/KH-UBND").file_name == KE_HOACH_86.name
    assert "Task" in output and "created" in output
    assert "warning(s)" in output
    for warning in parsed.warnings:
        if warning.location:
            assert f"{warning.location.file}:{warning.location.line}" in output
    placed = sum(1 for w in parsed.warnings if w.location)
    assert ImportWarning.objects.count() >= placed + 2 * (len(parsed.warnings) - placed)


@pytest.mark.django_db
def test_importing_the_same_files_again_changes_nothing():
    run_import(KE_HOACH_86, BAO_CAO_619)
    before = history_rows()
    counts = [m.objects.count() for m in (Document, Task, Target, Project, ImportWarning)]

    output = run_import(KE_HOACH_86, BAO_CAO_619)

    assert "Nothing changed" in output
    assert history_rows() == before
    assert [m.objects.count() for m in (Document, Task, Target, Project, ImportWarning)] == counts


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["png_file", "prose_file"])
def test_a_file_that_is_not_a_document_stops_with_status_2_and_stores_nothing(bad, request):
    path = request.getfixturevalue(bad)

    with pytest.raises(CommandError) as failure:
        run_import(KE_HOACH_86, path)

    assert failure.value.returncode == 2
    assert path.name in str(failure.value)
    assert Document.objects.count() == 0 and Task.objects.count() == 0
    assert history_rows() == 0


def test_the_exit_status_is_2_for_the_user_too(prose_file, tmp_path):
    database = tmp_path / "kehoach.sqlite3"

    done = run_kehoach("import", str(prose_file), env={"KEHOACH_DB": str(database)})

    assert done.returncode == 2
    assert prose_file.name in done.stderr
    assert not database.exists()  # the file was refused before anything was written


def test_import_creates_and_migrates_a_fresh_database(tmp_path):
    """On the engine under test: a new SQLite file, or a new PostgreSQL database on the same server."""
    current = settings.DATABASES["default"]
    if current["ENGINE"] == "django.db.backends.postgresql":
        name = f"kehoach_fresh_{uuid.uuid4().hex[:10]}"
        user = current.get("USER") or ""
        host = current.get("HOST") or "127.0.0.1"
        port = current.get("PORT") or 5432
        auth = f"{user}:{current['PASSWORD']}@" if current.get("PASSWORD") else (f"{user}@" if user else "")
        url = f"postgres://{auth}{host}:{port}/{name}"
        env = {"DATABASE_URL": url}
    else:
        name = None
        env = {"KEHOACH_DB": str(tmp_path / "fresh" / "kehoach.sqlite3")}
    try:
        first = run_kehoach("import", str(KE_HOACH_86), env=env)
        again = run_kehoach("import", str(KE_HOACH_86), env=env)
    finally:
        if name:
            _drop_postgresql_database(current, name)

    assert first.returncode == 0, first.stderr
    assert "86/KH-UBND" in first.stdout and "Task" in first.stdout
    assert again.returncode == 0, again.stderr
    assert "Nothing changed" in again.stdout


def _drop_postgresql_database(current: dict, name: str) -> None:
    import psycopg

    params = {
        "dbname": current["NAME"],
        "user": current.get("USER") or None,
        "host": current.get("HOST") or None,
        "port": current.get("PORT") or None,
        "password": current.get("PASSWORD") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_an_unreachable_database_is_a_one_line_error():
    done = run_kehoach("import", str(KE_HOACH_86), env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"})

    assert done.returncode == 1
    assert "cannot open the database" in done.stderr
    assert "Traceback" not in done.stderr
