"""How long a full assessment takes: the seed plan, and a synthetic plan 50 times larger.

Pure domain code (no database): the seed plan is what the importer reads from the two sample
documents; its figures are the trajectory's own values scaled by 0,93 (every month and quarter
published up to the as-of date). The synthetic plan repeats every indicator, trajectory value,
target, figure, task and progress update 50 times under new keys. Printed: median and best of
repeated runs, and the ratio of the large to the seed plan (linear would be 50x).
Run: python bench/bench_assess.py   (target: the larger plan under 1 s)
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from kehoach.domain.assessment import (
    ActualFigure,
    FigurePeriod,
    ProgressStatus,
    ProgressUpdate,
    agency_scorecards,
    assess_indicator,
    assess_tasks,
    leader_scorecards,
)
from kehoach.domain.entities import Value
from kehoach.domain.importer import inspect_files

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "kehoach" / "sample_data"
AS_OF = date(2025, 9, 20)


def seed_plan():
    result = inspect_files([SAMPLES / "bao-cao-619-BC-TU-2024.txt", SAMPLES / "ke-hoach-86-KH-UBND-2025.txt"])
    figures = []
    for s in result.scenarios:
        period = FigurePeriod.parse(s.period)
        if period.end > AS_OF or s.value.low is None:
            continue
        scaled = s.value.low * Decimal("0.93")
        figures.append(ActualFigure(indicator=s.indicator, period=period, scope=s.scope, published=period.end,
                              value=Value(text=str(scaled), low=scaled, high=scaled)))
    updates = [ProgressUpdate(task=t.number, on=date(2025, 6, 1), status=ProgressStatus.IN_PROGRESS, percent=50)
               for t in result.tasks[::2]]
    return result.indicators, result.scenarios, result.targets, figures, result.tasks, updates


def scaled(plan, times: int):
    indicators, scenarios, targets, figures, tasks, updates = plan
    out = ([], [], [], [], [], [])
    for k in range(times):
        def key(name, k=k):
            return f"{name}#{k}"
        out[0].extend(dataclasses.replace(i, key=key(i.key), parent=key(i.parent) if i.parent else None)
                      for i in indicators)
        out[1].extend(dataclasses.replace(s, indicator=key(s.indicator)) for s in scenarios)
        out[2].extend(dataclasses.replace(t, indicator=key(t.indicator)) for t in targets)
        out[3].extend(dataclasses.replace(f, indicator=key(f.indicator)) for f in figures)
        offset = k * 1000
        out[4].extend(dataclasses.replace(t, number=t.number + offset) for t in tasks)
        out[5].extend(dataclasses.replace(u, task=u.task + offset) for u in updates)
    return out


def assess(plan) -> int:
    indicators, scenarios, targets, figures, tasks, updates = plan
    by_indicator: dict[str, tuple[list, list, list]] = {}
    for bucket, items in ((0, scenarios), (1, targets), (2, figures)):
        for item in items:
            by_indicator.setdefault(item.indicator, ([], [], []))[bucket].append(item)
    assessed = [assess_indicator(i, *by_indicator.get(i.key, ([], [], [])), AS_OF) for i in indicators]
    statuses = assess_tasks(tasks, updates, AS_OF)
    agency_scorecards(tasks, statuses, indicators, assessed)
    leader_scorecards(tasks, statuses, assessed)
    return len(assessed) + len(statuses)


def measure(plan, repeat: int) -> list[float]:
    assess(plan)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        assess(plan)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    seed = seed_plan()
    large = scaled(seed, 50)
    small_times = measure(seed, 20)
    large_times = measure(large, 5)
    for name, plan, times in (("seed plan", seed, small_times), ("50x plan", large, large_times)):
        print(f"{name}: {len(plan[0])} indicators, {len(plan[3])} figures, {len(plan[4])} tasks: "
              f"median {statistics.median(times) * 1000:.1f} ms, best {min(times) * 1000:.1f} ms over {len(times)} runs")
    print(f"ratio 50x / seed: {statistics.median(large_times) / statistics.median(small_times):.1f}x "
          f"(target: the 50x plan under 1000 ms)")


if __name__ == "__main__":
    main()
