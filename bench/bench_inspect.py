"""How long `kehoach inspect` takes on the two sample documents.

Prints the median and best of repeated in-process runs of the importer on both documents, and
their ratio to a baseline measured in the same process: reading the same files and splitting
them into tab cells (the least any importer must do). Run: python bench/bench_inspect.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from kehoach.domain.importer import inspect_files

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "kehoach" / "sample_data"
FILES = [SAMPLES / "bao-cao-619-BC-TU-2024.txt", SAMPLES / "ke-hoach-86-KH-UBND-2025.txt"]


def baseline() -> None:
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            line.split("\t")


def importer() -> None:
    inspect_files(FILES)


def measure(fn, repeat: int) -> list[float]:
    fn()  # warm-up: imports, compiled regexes
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    base = measure(baseline, 200)
    runs = measure(importer, 30)
    result = inspect_files(FILES)
    print(f"documents: {len(FILES)} ({sum(p.stat().st_size for p in FILES) / 1024:.0f} KiB), "
          f"tasks {len(result.tasks)}, scenario values {len(result.scenarios)}, targets {len(result.targets)}, "
          f"projects {len(result.projects)}, warnings {len(result.warnings)}")
    print(f"inspect both documents: median {statistics.median(runs) * 1000:.1f} ms, "
          f"best {min(runs) * 1000:.1f} ms over {len(runs)} runs (target: well under 1000 ms)")
    print(f"baseline (read + split into cells): median {statistics.median(base) * 1000:.2f} ms")
    print(f"ratio importer / baseline: {statistics.median(runs) / statistics.median(base):.0f}x")


if __name__ == "__main__":
    main()
