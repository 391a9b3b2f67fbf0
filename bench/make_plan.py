"""Build the N-times plan the scale benchmarks read, in a database of your choice.

1x is the seed plan as ``kehoach demo --no-serve`` loads it (the two sample documents, the published
2025 figures, the demo accounts and reporting obligations), completed so that every part of the
assessment has rows to read:

- an approved figure for every period of every trajectory up to 31/12/2025 that has none yet (the
  trajectory's value x 0,97, published on the period's last day);
- an approved progress update for every other task (in progress, 50 %, 01/06/2025);
- for every key project: a 2025 capital plan (a fifth of its value, or 1.000 million VND) with a
  quarterly schedule, a disbursement for every month of 2025, a groundbreaking and an inauguration
  milestone (the first planned 30/06/2025 and done, the second planned 30/11/2025, not done).

Nx clones the two documents N-1 times through the importer (``plan_import.importing.store``, so
history rows and every table are as an import makes them) under new keys: document numbers and
file names get ``-bN``, indicator keys ``__bN``; then the monitoring rows above are added for the
clones too.

Run: python bench/make_plan.py --factor 10 [--database URL]
     URL: postgres://postgres@127.0.0.1:5432/NAME (created if missing, must be empty or
     ``--replace`` to drop it first) or a SQLite file path. Without --database: DATABASE_URL, else
     $KEHOACH_DB, else a new SQLite file in the temporary folder. Prints what it built and how long.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-12-31"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=1, help="how many copies of the seed plan (default 1)")
    parser.add_argument("--database", default="", help="postgres://... URL or SQLite file path")
    parser.add_argument("--replace", action="store_true", help="drop and recreate the PostgreSQL database")
    return parser.parse_args(argv)


def choose_database(database: str, replace: bool) -> str:
    """Set DATABASE_URL / KEHOACH_DB for Django from --database; returns a description."""
    database = database or os.environ.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        parts = urlsplit(database)
        name = parts.path.lstrip("/")
        import psycopg

        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and replace:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = database
        return f"PostgreSQL {name}"
    os.environ.pop("DATABASE_URL", None)
    path = database or os.environ.get("KEHOACH_DB") or str(Path(tempfile.mkdtemp(prefix="kehoach-plan-")) / "plan.sqlite3")
    if replace and Path(path).exists():
        Path(path).unlink()
    os.environ["KEHOACH_DB"] = path
    return f"SQLite {path}"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def clone(result, contents: dict[str, bytes], copy: int):
    """The parse result of the two documents under new keys (copy >= 2)."""
    from kehoach.domain import entities as e

    suffix = f"-b{copy}"

    def doc_key(key: str) -> str:
        return key + suffix if key else key

    def ind(key: str | None) -> str | None:
        return f"{key}__b{copy}" if key else key

    documents = [dataclasses.replace(d, number=doc_key(d.number), file=doc_key(d.file)) for d in result.documents]
    new = e.ParseResult(
        documents=documents,
        indicators=[dataclasses.replace(i, key=ind(i.key), parent=ind(i.parent), aliases=set()) for i in result.indicators],
        targets=[dataclasses.replace(t, indicator=ind(t.indicator), document=doc_key(t.document)) for t in result.targets],
        scenarios=[dataclasses.replace(s, indicator=ind(s.indicator), document=doc_key(s.document))
                   for s in result.scenarios],
        figures=[dataclasses.replace(f, indicator=ind(f.indicator), document=doc_key(f.document)) for f in result.figures],
        tasks=[dataclasses.replace(t, document=doc_key(t.document)) for t in result.tasks],
        projects=[dataclasses.replace(p, document=doc_key(p.document)) for p in result.projects],
        agencies=result.agencies,
        leaders=result.leaders,
        warnings=[],
    )
    files = {doc_key(name): body + f"\n{suffix}".encode() for name, body in contents.items()}
    return new, files


def monitoring_rows() -> dict[str, int]:
    """Figures, progress, capital plans, disbursements and milestones for every row that has none."""
    from datetime import date
    from decimal import Decimal

    from django.db import transaction

    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.indicators.models import ScenarioValue
    from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
    from kehoach.apps.tasks.models import Task, TaskProgress
    from kehoach.domain.assessment.model import FigurePeriod

    as_of = date.fromisoformat(AS_OF)
    counts = {}
    with transaction.atomic():
        have = set(ActualFigure.objects.values_list("indicator_id", "period", "scope"))
        figures = []
        for indicator_id, period, scope, low in (
                ScenarioValue.objects.exclude(low=None).values_list("indicator_id", "period", "scope", "low")):
            end = FigurePeriod.parse(period).end
            if end > as_of or (indicator_id, period, scope) in have:
                continue
            have.add((indicator_id, period, scope))
            value = (low * Decimal("0.97")).quantize(Decimal("0.000001"))
            figures.append(ActualFigure(indicator_id=indicator_id, period=period, scope=scope, comparator="=",
                                        low=value, high=value, text=str(value), source="bench/make_plan.py",
                                        published=end, review_status="approved", version=1, is_current=True))
        ActualFigure.objects.bulk_create(figures, batch_size=2000)
        counts["figures"] = len(figures)

        with_progress = set(TaskProgress.objects.values_list("task_id", flat=True))
        tasks = list(Task.objects.order_by("document_id", "number").values_list("pk", flat=True))
        progress = [TaskProgress(task_id=pk, on=date(2025, 6, 1), status="in_progress", percent=50,
                                 note="bench/make_plan.py", review_status="approved")
                    for pk in tasks[::2] if pk not in with_progress]
        TaskProgress.objects.bulk_create(progress, batch_size=2000)
        counts["progress"] = len(progress)

        planned = set(CapitalPlan.objects.filter(year=2025).values_list("project_id", flat=True))
        plans, disbursements, milestones = [], [], []
        months = [f"2025-{m:02d}" for m in range(1, 13)]
        for pk, value in Project.objects.values_list("pk", "value_million_vnd"):
            if pk in planned:
                continue
            amount = (value / 5).quantize(Decimal("0.000001")) if value else Decimal(1000)
            plans.append(CapitalPlan(project_id=pk, year=2025, amount_million_vnd=amount, source="bench",
                                     schedule={"2025-Q1": "0.15", "2025-Q2": "0.4", "2025-Q3": "0.7", "2025": "1"}))
            share = (amount * Decimal("0.06")).quantize(Decimal("0.000001"))
            disbursements.extend(Disbursement(project_id=pk, period=code, on=FigurePeriod.parse(code).end, amount_million_vnd=share)
                                 for code in months)
            milestones.append(ProjectMilestone(project_id=pk, kind="khoi_cong", planned=date(2025, 6, 30),
                                               actual=date(2025, 7, 2)))
            milestones.append(ProjectMilestone(project_id=pk, kind="khanh_thanh", planned=date(2025, 11, 30)))
        CapitalPlan.objects.bulk_create(plans, batch_size=2000)
        Disbursement.objects.bulk_create(disbursements, batch_size=2000)
        ProjectMilestone.objects.bulk_create(milestones, batch_size=2000)
        counts.update(capital_plans=len(plans), disbursements=len(disbursements), milestones=len(milestones))
    return counts


def build(factor: int) -> dict[str, int]:
    from io import StringIO

    from django.core.management import call_command

    from kehoach.apps.assessment import freshness
    from kehoach.apps.demo.management.commands.demo import SAMPLE_DIR, SAMPLE_DOCUMENTS
    from kehoach.apps.plan_import.document_commands import parse_files
    from kehoach.apps.plan_import.importing import store

    call_command("migrate", verbosity=0)
    call_command("demo", "--no-serve", stdout=StringIO())
    result, contents = parse_files([str(SAMPLE_DIR / name) for name in SAMPLE_DOCUMENTS])
    for copy in range(2, factor + 1):
        store(*clone(result, contents, copy))
    counts = monitoring_rows()
    freshness.bump()  # bulk_create sends no signals: servers must not keep an assessment of before
    return counts


def sizes() -> dict[str, int]:
    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.indicators.models import Indicator, ScenarioValue
    from kehoach.apps.projects.models import Disbursement, Project
    from kehoach.apps.tasks.models import Task, TaskProgress

    return {"indicators": Indicator.objects.count(), "trajectory values": ScenarioValue.objects.count(),
            "figures": ActualFigure.objects.count(), "tasks": Task.objects.count(),
            "progress updates": TaskProgress.objects.count(), "projects": Project.objects.count(),
            "disbursements": Disbursement.objects.count()}


def main(argv=None) -> None:
    args = parse_args(argv)
    where = choose_database(args.database, args.replace)
    setup_django()
    start = time.perf_counter()
    build(args.factor)
    print(f"{args.factor}x plan in {where}, built in {time.perf_counter() - start:.1f} s: "
          + ", ".join(f"{n:,} {what}" for what, n in sizes().items()))


if __name__ == "__main__":
    main()
