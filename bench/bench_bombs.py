"""How long and how much memory refusing a decompression bomb takes (issue 14).

Builds a ~150 KB .xlsx, .docx and backup that each inflate to 150 MB (tests/apps/site/bombs.py) and
runs the reader kehoach uses for each in a fresh subprocess, printing the refusal's wall time and
the growth of the process's peak memory.

    .venv/bin/python bench/bench_bombs.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.apps.site.bombs import backup_bomb, docx_bomb, xlsx_bomb  # noqa: E402
from tests.apps.site.test_decompression_bombs import PROBE  # noqa: E402

TIMED = PROBE.replace("before = resource", "import time; started = time.perf_counter()\nbefore = resource").replace(
    '"grew_mb": (after - before) / 1024}', '"grew_mb": (after - before) / 1024, "seconds": time.perf_counter() - started}')


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for kind, make in (("xlsx", xlsx_bomb), ("docx", docx_bomb), ("backup", backup_bomb)):
            bomb = make(Path(folder) / f"bom.{kind}")
            done = subprocess.run([sys.executable, "-c", TIMED, kind, str(bomb)], capture_output=True, text=True,
                                  check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{kind:6} {bomb.stat().st_size / 1024:6.0f} KB: refused in {result['seconds']:.3f} s, "
                  f"peak memory +{result['grew_mb']:.1f} MB: {result['refusal'][:90]}")


if __name__ == "__main__":
    main()
