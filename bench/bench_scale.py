"""The N-times plan measured in one run: assessment against reading its rows, pages, report, import.

The database is built by ``bench/make_plan.py`` (here, when it holds no task yet). Everything below
runs in this one process (the report and the import as whole commands in subprocesses), so the
ratios compare numbers taken on the same machine under the same load; absolute times on a shared
machine vary, the ratios much less.

1. Assessment: ``assess_all(31/12/2025)`` (thresholds, snapshot, rules, scorecards: what a page
   computes when nothing is kept), median of 3, next to the time to merely SELECT every row of
   every table it reads (plain cursor, ``fetchall``), median of 3; and their ratio.
2. Pages, as Sở Tài chính through Django's test client with debug off: cold (the first request
   after a change: the data version raised, nothing kept in the process) 3 times each, and warm
   (20 requests): median, p95, queries per request.
3. The month report ``.docx``, whole command (``kehoach report``, start-up included), 2 runs.
4. ``kehoach actuals import --dry-run`` (every row checked and written, then rolled back: the
   database stays as it was) of up to ``--import-rows`` new figures (2024 periods of every
   indicator, by key), whole command, next to loading the same rows with PostgreSQL ``COPY``
   into a temporary copy of the figures table (on SQLite: one ``executemany`` INSERT).

Run: python bench/bench_scale.py --factor N [--database URL] [--import-rows 2000]
     (URL as for make_plan.py; default PostgreSQL kehoach_perf_bench_<N>x on 127.0.0.1)
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_plan  # noqa: E402

AS_OF = date(2025, 12, 31)
PAGES = {"Tổng quan": "/", "Chỉ tiêu": "/indicators/", "Chỉ tiêu GRDP": "/indicators/grdp/", "Nhiệm vụ": "/tasks/",
         "Dự án": "/projects/"}
WARM = 20
COLD = 3


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--database", default="")
    parser.add_argument("--import-rows", type=int, default=2000, help="rows of the import measured (default 2000)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: assess,pages,report,import")
    return parser.parse_args(argv)


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


# 1. Assessment ----------------------------------------------------------------------------------

def assessed_tables() -> list[str]:
    """Every table the assessment reads (the snapshot, the reporting records, the settings)."""
    from django.apps import apps

    from kehoach.apps.assessment.freshness import ASSESSED_APPS

    tables = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in ASSESSED_APPS and not model.__name__.startswith("Historical") and not meta.proxy:
            tables.append(meta.db_table)
    return sorted(set(tables))


def select_all(tables: list[str]) -> int:
    from django.db import connection

    rows = 0
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            rows += len(cursor.fetchall())
    return rows


def bench_assessment() -> None:
    from kehoach.apps.assessment.evaluate import assess_all

    tables = assessed_tables()
    rows = select_all(tables)
    assess_all(AS_OF)  # warm the imports
    assess = statistics.median(timed(lambda: assess_all(AS_OF), 3))
    select = statistics.median(timed(lambda: select_all(tables), 3))
    print(f"assessment: assess_all {ms(assess)}   SELECT of the same {rows:,} rows ({len(tables)} tables) "
          f"{ms(select)}   ratio {assess / select:5.1f}x  (target <= 2x)")


# 2. Pages ---------------------------------------------------------------------------------------

def bench_pages() -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from kehoach.apps.assessment import freshness

    setup_test_environment(debug=False)
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    client.force_login(get_user_model().objects.get(username="stc"))

    def get(url):
        response = client.get(url + f"?as_of={AS_OF.isoformat()}")
        assert response.status_code == 200, (url, response.status_code)

    def forget():
        freshness.bump()
        forget_kept = getattr(freshness, "forget_all", None) or freshness.kept.clear
        forget_kept()

    for url in PAGES.values():
        get(url)
    for name, url in PAGES.items():
        cold = []
        for _ in range(COLD):
            forget()
            cold.extend(timed(lambda url=url: get(url), 1))
        warm = sorted(timed(lambda url=url: get(url), WARM))
        with CaptureQueriesContext(connection) as queries:
            get(url)
        print(f"page {name:<14} cold median {ms(statistics.median(cold))} max {ms(max(cold))}   warm median "
              f"{ms(statistics.median(warm))} p95 {ms(warm[int(len(warm) * 0.95) - 1])}   queries {len(queries):3d}")


# 3. Report --------------------------------------------------------------------------------------

def kehoach(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("kehoach")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=os.environ.copy())


def bench_report() -> None:
    out = Path(tempfile.mkdtemp(prefix="kehoach-bench-")) / "bao-cao.docx"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        done = kehoach("report", "--as-of", AS_OF.isoformat(), "--kind", "month", "--out", str(out))
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"kehoach report failed:\n{done.stderr}")
    start = time.perf_counter()
    kehoach("--help")
    startup = time.perf_counter() - start
    print(f"report: kehoach report (month, .docx), whole command: {ms(min(times))} best, {ms(max(times))} worst   "
          f"(kehoach --help alone {ms(startup)})")


# 4. Import --------------------------------------------------------------------------------------

PERIODS = [f"2024-{m:02d}" for m in range(1, 13)] + ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1",
                                                       "2024-H2", "2024-9M", "2024"]


def import_rows(limit: int) -> list[dict]:
    from kehoach.apps.indicators.models import Indicator

    rows = []
    for key, unit in Indicator.objects.order_by("pk").values_list("key", "unit"):
        for n, period in enumerate(PERIODS):
            rows.append({"indicator": key, "period": period, "value": f"{100 + n},5", "unit": unit,
                         "scope": "HP cũ", "source": "bench", "published": "2025-01-31"})
            if len(rows) == limit:
                return rows
    return rows


def copy_rows(rows: list[dict]) -> float:
    """Seconds to load the rows into a temporary copy of the figures table with COPY (executemany on SQLite)."""
    from decimal import Decimal

    from django.db import connection, transaction

    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.indicators.models import Indicator

    ids = dict(Indicator.objects.values_list("key", "pk"))
    table = ActualFigure._meta.db_table
    columns = ("indicator_id", "period", "scope", "comparator", "low", "high", "text", "qualifier", "unit_text",
               "comparison", "source", "published", "review_status", "version", "is_current", "public", "row_version",
               "entered_at", "cause", "difficulties", "proposals")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'CREATE TEMP TABLE bench_copy ON COMMIT DROP AS SELECT * FROM "{table}" WITH NO DATA')
        else:
            cursor.execute(f'CREATE TEMP TABLE bench_copy AS SELECT * FROM "{table}" WHERE 0')
        start = time.perf_counter()
        values = []
        for r in rows:
            number = Decimal(r["value"].replace(",", "."))
            values.append((ids[r["indicator"]], r["period"], r["scope"], "=", number, number, r["value"], "",
                           r["unit"], "", r["source"], r["published"], "approved", 1, True, False, 1,
                           "2025-01-31T00:00:00+00:00", "", "", ""))
        if connection.vendor == "postgresql":
            names = ", ".join(columns)
            with cursor.cursor.copy(f"COPY bench_copy ({names}) FROM STDIN") as copy:
                for v in values:
                    copy.write_row(v)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO bench_copy ({', '.join(columns)}) VALUES ({marks})".replace("?", "%s"),
                               values)
        seconds = time.perf_counter() - start
        cursor.execute("DROP TABLE bench_copy")
    return seconds


def bench_import(limit: int) -> None:
    from django.db import connection

    rows = import_rows(limit)
    path = Path(tempfile.mkdtemp(prefix="kehoach-bench-")) / "figures.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["indicator", "period", "value", "unit", "scope", "source", "published"])
        writer.writeheader()
        writer.writerows(rows)
    start = time.perf_counter()
    done = kehoach("actuals", "import", str(path), "--dry-run")
    command = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"kehoach actuals import failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    from kehoach.apps.figures import bulk, importing  # bulk.record_all: the loop that writes the rows

    spent = []
    real = bulk.record_all

    def write_step(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    bulk.record_all = write_step
    try:
        start = time.perf_counter()
        report = importing.import_file(path, dry_run=True)
        in_process = time.perf_counter() - start
    finally:
        bulk.record_all = real
    assert not report.problems, report.problems[:3]
    copy = copy_rows(rows)
    how = "COPY" if connection.vendor == "postgresql" else "executemany INSERT"
    print(f"import in process (import_file, dry run): {in_process:6.2f} s = {len(rows) / in_process:9,.0f} rows/s, "
          f"of which the write step {spent[0]:6.3f} s = {len(rows) / spent[0]:9,.0f} rows/s = "
          f"{100 * copy / spent[0]:5.1f} % of {how}")
    print(f"import: kehoach actuals import --dry-run of {len(rows):,} rows, whole command {command:6.2f} s = "
          f"{len(rows) / command:9,.0f} rows/s   {how} of the same rows {copy:6.3f} s = {len(rows) / copy:9,.0f} rows/s"
          f"   {100 * copy / command:5.1f} % of {how}  (target >= 25 %)")


def main(argv=None) -> None:
    args = parse_args(argv)
    database = args.database or f"postgres://postgres@127.0.0.1:5432/kehoach_perf_bench_{args.factor}x"
    where = make_plan.choose_database(database, replace=False)
    os.environ["KEHOACH_DEBUG"] = "0"  # as in production: no query log kept
    make_plan.setup_django()
    from django.core.management import call_command

    from kehoach.apps.tasks.models import Task

    call_command("migrate", verbosity=0)

    if not Task.objects.exists():
        start = time.perf_counter()
        make_plan.build(args.factor)
        print(f"built the {args.factor}x plan in {time.perf_counter() - start:.1f} s")
    print(f"{args.factor}x plan in {where}: " + ", ".join(f"{n:,} {what}" for what, n in make_plan.sizes().items()))
    skip = set(filter(None, args.skip.split(",")))
    if "assess" not in skip:
        bench_assessment()
    if "pages" not in skip:
        bench_pages()
    if "report" not in skip:
        bench_report()
    if "import" not in skip:
        bench_import(args.import_rows)


if __name__ == "__main__":
    main()
