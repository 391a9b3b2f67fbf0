"""Databases of their own for commands run in subprocesses, and every table read back through one.

``new_database(tmp_path, name)`` gives the environment of a new, empty database of the engine the
tests run on: a SQLite file (``KEHOACH_DB``), or a new PostgreSQL database on the server of
``DATABASE_URL`` (created empty, dropped at the end).

Run as a module in such an environment (``python -m tests.apps.databases ACTION``):

- ``tables``: print every row of every table (all columns) as JSON, values in a form that is the
  same on SQLite and PostgreSQL (``table_rows``);
- ``demo``: load the demo plan (``tests.apps.conftest.load_demo_plan``) and make the changes that
  give the history rows of every kind: a figure entered, submitted, approved, then revised; a task
  progress update submitted and approved, with an evidence file; a directive; an upload waiting
  for its confirmation (a binary field).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

ROOT = Path(__file__).resolve().parents[2]
ENGINE = "postgresql" if os.environ.get("DATABASE_URL", "").strip() else "sqlite"


def _server_url(dbname: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{dbname}"))


def _on_postgresql(*statements: str) -> None:
    """Run statements on the server of DATABASE_URL (connected to its database, or else to "postgres")."""
    import psycopg

    base = urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")
    for maintenance in (base, "postgres"):
        try:
            connection = psycopg.connect(_server_url(maintenance), autocommit=True)
        except psycopg.OperationalError:
            continue
        with connection:
            for statement in statements:
                connection.execute(statement)
        return
    raise RuntimeError(f"cannot connect to the PostgreSQL server of {os.environ['DATABASE_URL']}")


@contextmanager
def new_database(tmp_path: Path, name: str, engine: str | None = None) -> Iterator[dict[str, str]]:
    """The environment variables that select a new database (see the module doc) and a folder of its own
    for uploaded files."""
    engine = engine or ENGINE
    media = {"KEHOACH_MEDIA_ROOT": str(tmp_path / f"{name}-uploads")}
    if engine == "sqlite":
        yield {"KEHOACH_DB": str(tmp_path / f"{name}.sqlite3"), **media}
        return
    dbname = f"kehoach_t_{name}_{os.getpid()}"
    _on_postgresql(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)', f'CREATE DATABASE "{dbname}"')
    try:
        yield {"DATABASE_URL": _server_url(dbname), **media}
    finally:
        _on_postgresql(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def run_module(action: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """``python -m tests.apps.databases ACTION`` against the database of ``env``."""
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB", "DJANGO_SETTINGS_MODULE")}
    environ.update(env)
    environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environ.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, "-m", "tests.apps.databases", action], env=environ, cwd=ROOT,
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done


def tables(env: dict[str, str]) -> dict[str, list[list]]:
    """Every row of every table of the database of ``env`` (``table_rows`` in a subprocess)."""
    return json.loads(run_module("tables", env).stdout)


# -- inside the subprocess -------------------------------------------------------------------------


def comparable(value):
    """A value as JSON that is the same whichever engine stored it."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def table_rows() -> dict[str, list[list]]:
    """{"app_label.model_name": every row, ordered by primary key, every column} of the database, and
    {"uploaded files": [[name, SHA-256 of the content], ...]} of the default storage."""
    import hashlib

    from django.core.files.storage import default_storage

    from kehoach.apps.backup.archive import all_models, model_label, stored_files

    result = {"uploaded files": []}
    for name in stored_files():
        content = default_storage.open(name, "rb").read() if default_storage.exists(name) else b""
        result["uploaded files"].append([name, hashlib.sha256(content).hexdigest()])
    for model in all_models():
        columns = [field.attname for field in model._meta.local_concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        result[model_label(model)] = [[comparable(value) for value in row] for row in rows]
    return result


def load_demo_plan_with_history() -> None:
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.db import transaction

    from kehoach.apps.documents.models import StagedUpload
    from kehoach.apps.figures import services as figures
    from kehoach.apps.indicators.models import Indicator
    from kehoach.apps.organisations.models import Membership
    from kehoach.apps.steering.models import Comment
    from kehoach.apps.tasks import services as tasks
    from kehoach.apps.tasks.models import Task
    from tests.apps.conftest import PNG, load_demo_plan

    load_demo_plan()
    users = get_user_model().objects.in_bulk(field_name="username")
    officer, finance, leader = users["congthuong"], users["stc"], users["lanhdao"]
    with transaction.atomic():
        agency = Membership.objects.get(user=officer).agency
        indicator = Indicator.objects.filter(monitoring_agencies=agency).order_by("pk").first()
        figure = figures.record_figure(
            indicator, "2025-07", "Hải Phòng", low=Decimal("101.5"), high=Decimal("101.5"), text="101,5",
            source="Báo cáo tháng 7 của Sở Công Thương", entered_by=officer,
        ).figure
        figures.submit(figure, officer, rating="dat")
        figures.approve(figure, finance)
        figures.record_figure(  # a revision: a second version of the approved figure
            indicator, "2025-07", "Hải Phòng", low=Decimal("102.25"), high=Decimal("102.25"), text="102,25",
            source="Báo cáo tháng 7 (điều chỉnh)", entered_by=officer,
        )
        task = Task.objects.filter(lead=agency).order_by("pk").first()
        progress = tasks.record_progress(
            task, on=date(2025, 3, 10), status="in_progress", percent=40, note="Đã trình dự thảo", user=officer,
            cause="Chờ ý kiến thẩm định", difficulties="Hồ sơ bổ sung", proposals="Gia hạn đến 30/6/2025",
            evidence_file=ContentFile(PNG, name="to-trinh.png"),
        )
        tasks.submit_progress(progress, officer, as_of=date(2025, 3, 10))
        tasks.approve_progress(progress, finance)
        Comment.objects.create(task=task, author=leader, kind=Comment.DIRECTIVE, text="Khẩn trương hoàn thành")
        StagedUpload.objects.create(user=finance, file_name="scan.png", content=PNG, sha256="0" * 64)


def main(action: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    import django

    django.setup()
    from kehoach.apps.database import ensure_database

    ensure_database()
    if action == "tables":
        json.dump(table_rows(), sys.stdout, ensure_ascii=False)
    elif action == "demo":
        load_demo_plan_with_history()
    else:
        raise SystemExit(f"unknown action {action!r}: expected tables or demo")


if __name__ == "__main__":
    main(sys.argv[1])


# -- a command killed in the middle of its transaction ---------------------------------------------

STALL = r"""
import json, os, sys, time
from importlib import import_module

ready, where, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
import django
django.setup()
from django.db import connection
from kehoach.apps.backup.archive import all_models

module, _, path = where.partition(":")
*owner_path, name = path.split(".")
owner = import_module(module)
for part in owner_path:
    owner = getattr(owner, part)
original = getattr(owner, name)
calls = [0]

def stalled(*args, **kwargs):
    result = original(*args, **kwargs)
    calls[0] += 1
    if calls[0] == after:
        rows = sum(model._base_manager.count() for model in all_models())
        with open(ready + ".part", "w") as out:
            json.dump({"in_transaction": connection.in_atomic_block, "rows": rows}, out)
        os.replace(ready + ".part", ready)
        time.sleep(600)
    return result

setattr(owner, name, stalled)
from kehoach.cli import main
main(["kehoach", *sys.argv[4:]])
"""


def kill_in_the_middle(args: list[str], where: str, after: int, env: dict[str, str], folder: Path) -> dict:
    """Run ``kehoach ARGS`` in a subprocess whose function ``where`` ("module:Class.method"), called
    inside the command's transaction, stops after its ``after``-th call; SIGKILL the process there.
    Returns what the process saw at that moment: {"in_transaction": bool, "rows": rows of every table}."""
    import signal
    import time as clock

    ready = folder / "stalled.json"
    ready.unlink(missing_ok=True)
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB", "DJANGO_SETTINGS_MODULE")}
    environ.update(env)
    process = subprocess.Popen(
        [sys.executable, "-c", STALL, str(ready), where, str(after), *args], env=environ, cwd=folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = clock.monotonic() + 300
        while not ready.exists():
            if process.poll() is not None:
                raise AssertionError(f"the command ended before it was stopped: {process.stderr.read().decode()}")
            if clock.monotonic() > deadline:
                raise AssertionError(f"{where} was not called {after} time(s) within 300 s")
            clock.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    return json.loads(ready.read_text())
