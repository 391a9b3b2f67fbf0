"""Making sure the database exists and is migrated before a command uses it."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor


def ensure_database(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Create the database when it does not exist, then apply missing migrations.

    Returns True when migrations were applied. Every command that uses the database calls it
    first, so ``kehoach import`` and ``kehoach demo`` work on a fresh machine.
    """
    connection = connections[alias]
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name and name != ":memory:" and not name.startswith("file:"):
            Path(name).parent.mkdir(parents=True, exist_ok=True)
    elif connection.vendor == "postgresql":
        _create_postgresql_database(connection)
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", database=alias, interactive=False, verbosity=0)
    return True


def _create_postgresql_database(connection) -> None:
    try:
        connection.ensure_connection()
        return
    except OperationalError:
        name = connection.settings_dict["NAME"]
        # The maintenance database ("postgres") tells whether ours is missing or unreachable.
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                raise
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    connection.ensure_connection()
