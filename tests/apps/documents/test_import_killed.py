"""An import killed in the middle (SIGKILL while it writes, not an exception) leaves the database
exactly as it was: every row of every table, on SQLite and on PostgreSQL; the next import then
runs as if nothing had happened."""

from __future__ import annotations

from tests.apps.cli import run_kehoach
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86
from tests.apps.databases import kill_in_the_middle, new_database, tables


def test_a_document_import_killed_while_it_writes_changes_nothing(tmp_path):
    with new_database(tmp_path, "killed_import") as env:
        assert run_kehoach("import", str(BAO_CAO_619), env=env).returncode == 0
        before = tables(env)

        seen = kill_in_the_middle(
            ["import", str(KE_HOACH_86)], "kehoach.apps.plan_import.importing:_Store.store_tasks", 1, env, tmp_path
        )

        assert seen["in_transaction"]
        assert seen["rows"] > sum(len(rows) for rows in before.values())  # it had written rows
        assert tables(env) == before

        again = run_kehoach("import", str(KE_HOACH_86), env=env)
        assert again.returncode == 0, again.stderr
        assert "86/KH-UBND" in again.stdout
