"""Restore a backup made by an older kehoach at its own migrations, as that version would.

``kehoach restore`` accepts only a backup made at this database's migrations ("restore it with the
kehoach version that made it, then upgrade"). This module plays the older version for the test of
an upgrade: run as ``python -m tests.apps.backup.old.restore_old BACKUP`` against a new, empty
database, it migrates every app to the migrations the backup's manifest names (no further), then
inserts every row of every table through the models *of that migration state* (the historical
models: the old field names, such as a figure's ``status``). ``kehoach migrate`` then upgrades the
database as an operator would.

``python -m tests.apps.backup.old.restore_old --reviewed`` prints the figures and progress updates
(and their history rows) field by field as JSON, values as ``tests.apps.databases.comparable`` gives
them.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile

REVIEWED = ("figures.actualfigure", "figures.historicalactualfigure", "tasks.taskprogress",
            "tasks.historicaltaskprogress")


def restore_at_backup_migrations(path: str) -> None:
    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        executor = MigrationExecutor(connection)
        graph = executor.loader.graph
        targets = [(app, name) for app, names in manifest["migrations"].items() for name in names
                   if not any(child[0] == app and child[1] in names for child in graph.node_map[(app, name)].children)]
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        apps = executor.loader.project_state(targets).apps
        with transaction.atomic():
            for label, table in manifest["tables"].items():
                model = apps.get_model(label)
                rows = []
                for line in archive.read(table["member"]).decode("utf-8").splitlines():
                    record = json.loads(line)
                    values = {}
                    for field in model._meta.local_concrete_fields:
                        if field.primary_key:
                            continue
                        value = record["fields"][field.name]
                        values[field.attname] = None if value is None else field.to_python(value)
                    rows.append(model(pk=field_pk(model, record["pk"]), **values))
                model._base_manager.bulk_create(rows)
            connection.check_constraints()
        with connection.cursor() as cursor:
            from django.core.management.color import no_style

            for statement in connection.ops.sequence_reset_sql(no_style(), list(apps.get_models())):
                cursor.execute(statement)


def field_pk(model, value):
    return model._meta.pk.to_python(value)


def reviewed() -> dict[str, list[dict]]:
    from django.apps import apps

    from tests.apps.databases import comparable

    out = {}
    for label in REVIEWED:
        model = apps.get_model(label)
        names = [field.attname for field in model._meta.local_concrete_fields]
        out[label] = [dict(zip(names, map(comparable, row), strict=True))
                      for row in model._base_manager.order_by("pk").values_list(*names)]
    return out


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    import django

    django.setup()
    if sys.argv[1] == "--reviewed":
        json.dump(reviewed(), sys.stdout, ensure_ascii=False)
    else:
        restore_at_backup_migrations(sys.argv[1])


if __name__ == "__main__":
    main()
