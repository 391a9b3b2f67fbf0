"""ensure_database: the database is there and migrated before a command uses it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kehoach.apps.database import ensure_database


@pytest.mark.django_db
def test_a_migrated_database_is_left_as_it_is():
    assert ensure_database() is False
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
