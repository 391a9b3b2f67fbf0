"""`kehoach actuals import` killed in the middle (SIGKILL once the new figures are written, before their
history rows) leaves
the database exactly as it was, every row of every table, on SQLite and on PostgreSQL."""

from __future__ import annotations

from tests.apps.cli import run_kehoach
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86
from tests.apps.databases import kill_in_the_middle, new_database, tables
from tests.apps.figures.conftest import FIGURES_CSV


def test_a_figures_import_killed_while_it_writes_changes_nothing(tmp_path):
    with new_database(tmp_path, "killed_actuals") as env:
        assert run_kehoach("import", str(BAO_CAO_619), str(KE_HOACH_86), env=env).returncode == 0
        before = tables(env)

        seen = kill_in_the_middle(
            ["actuals", "import", str(FIGURES_CSV)], "kehoach.apps.figures.bulk_write:_insert", 1, env, tmp_path
        )

        assert seen["in_transaction"]
        assert seen["rows"] > sum(len(rows) for rows in before.values())  # the 33 figures
        assert tables(env) == before

        again = run_kehoach("actuals", "import", str(FIGURES_CSV), env=env)
        assert again.returncode == 0, again.stderr
