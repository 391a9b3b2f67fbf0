"""Time to generate the month report (.docx) and its appendices (.xlsx) for the seed plan.

The seed plan as `kehoach demo` loads it (the two sample documents and the 2025 figures), in a
fresh database, as bench/bench_pages.py sets one up. Each file is generated RUNS times as of
06/08/2025 (assessment included); printed: the median and the slowest in ms. When LibreOffice
(soffice) is installed, also the time to convert the .docx to PDF (PDF_RUNS runs; not a target).
Run: python bench/bench_report.py   (target: .docx median under 2 s)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ["KEHOACH_DB"] = str(Path(tempfile.mkdtemp(prefix="kehoach-bench-")) / "bench.sqlite3")
os.environ.pop("DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "kehoach.site.settings"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

RUNS = 10
PDF_RUNS = 3
AS_OF = date(2025, 8, 6)


def main() -> None:
    from io import StringIO

    from kehoach.apps.reports import docx, xlsx
    from kehoach.apps.reports.build import build_report

    call_command("migrate", verbosity=0)
    call_command("demo", "--no-serve", stdout=StringIO())
    for name, renderer in (("docx", docx), ("xlsx", xlsx)):
        renderer.render(build_report(AS_OF, "month"))  # warm up
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            data = renderer.render(build_report(AS_OF, "month"))
            times.append((time.perf_counter() - start) * 1000)
        print(f"month report .{name}: median {statistics.median(times):7.1f} ms  max {max(times):7.1f} ms  "
              f"({len(data):,} bytes, {RUNS} runs)" + ("  (target < 2000 ms)" if name == "docx" else ""))
    from kehoach.apps.reports import pdf

    if not pdf.available():
        print(f"month report .pdf: skipped ({pdf.MISSING})")
        return
    document = docx.render(build_report(AS_OF, "month"))
    times = []
    for _ in range(PDF_RUNS):
        start = time.perf_counter()
        data = pdf.docx_to_pdf(document)
        times.append((time.perf_counter() - start) * 1000)
    print(f"month report .docx -> .pdf (LibreOffice): median {statistics.median(times):7.1f} ms  "
          f"max {max(times):7.1f} ms  ({len(data):,} bytes, {PDF_RUNS} runs, conversion only; not a target)")


if __name__ == "__main__":
    main()
