"""How long the whole assessment takes, loading included: ``assess_all`` on the 1x and an N-times plan.

The plans are built by ``bench/make_plan.py`` (the seed plan with figures for every trajectory
period, progress for half the tasks, capital plans, disbursements and milestones; Nx cloned with
new keys), each in a SQLite file of its own, or on PostgreSQL with ``--database-prefix``. Printed
per plan: ``assess_all(31/12/2025)`` as pages compute it (median of 5), and its two parts: reading
the database into domain inputs (``snapshot.load``) and the rules with the scorecards
(``assess_all`` given the snapshot); then the growth from 1x to Nx (linear would be N).

Run: python bench/bench_assess.py [--factor 10] [--database-prefix postgres://postgres@127.0.0.1:5432/kehoach_assess]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2025-12-31"


def measure() -> None:
    """In a process of its own (one database per process): print 'total load rules' in seconds."""
    sys.path.insert(0, str(HERE))
    import make_plan

    make_plan.setup_django()
    from datetime import date

    from django.core.management import call_command

    from kehoach.apps.assessment.evaluate import assess_all
    from kehoach.apps.assessment.snapshot import load
    from kehoach.apps.tasks.models import Task

    call_command("migrate", verbosity=0)
    if not Task.objects.exists():
        make_plan.build(int(os.environ["BENCH_FACTOR"]))
    as_of = date.fromisoformat(AS_OF)
    assess_all(as_of)

    def timed(fn):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    snapshot = load(as_of.year)
    print(timed(lambda: assess_all(as_of)), timed(lambda: load(as_of.year)),
          timed(lambda: assess_all(as_of, snapshot=snapshot)))


def run(factor: int, prefix: str) -> tuple[float, float, float]:
    env = dict(os.environ, BENCH_FACTOR=str(factor), KEHOACH_DEBUG="0")
    if prefix:
        database = f"{prefix}_{factor}x"
        sys.path.insert(0, str(HERE))
        import make_plan

        make_plan.choose_database(database, replace=False)
        env["DATABASE_URL"] = database
    else:
        env.pop("DATABASE_URL", None)
        env["KEHOACH_DB"] = str(Path(tempfile.gettempdir()) / f"kehoach-bench-assess-{factor}x.sqlite3")
    done = subprocess.run([sys.executable, __file__, "--measure"], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    total, load, rules = map(float, done.stdout.split()[-3:])
    return total, load, rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--database-prefix", default="", help="PostgreSQL URL prefix; default: SQLite files")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure()
        return
    results = {}
    for factor in (1, args.factor):
        total, load, rules = results[factor] = run(factor, args.database_prefix)
        print(f"{factor:>3}x plan: assess_all {total * 1000:8.1f} ms  (reading {load * 1000:7.1f} ms, "
              f"rules and scorecards {rules * 1000:7.1f} ms)")
    growth = results[args.factor][0] / results[1][0]
    print(f"growth 1x -> {args.factor}x: {growth:.1f}x (linear: {args.factor}x)")


if __name__ == "__main__":
    main()
