"""How long `kehoach inspect` takes on the two sample documents, and on a 100-page Word plan.

Prints the median and best of repeated in-process runs of the importer on both documents, and
their ratio to a baseline measured in the same process: reading the same files and splitting
them into tab cells (the least any importer must do). Then a Word plan of about 100 pages (prose,
then a task table of 10 groups of 100 tasks with merged group rows) is generated with python-docx
and inspected (target: under 2 s). Run: python bench/bench_inspect.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import docx

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


def word_plan(path: Path, groups: int = 10, tasks: int = 100, prose: int = 300) -> None:
    """About 100 pages: 300 paragraphs of prose, then 1,000 task rows of 7 columns under 10 groups."""
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "Số: 86/KH-UBND", "Quảng Ninh, ngày 31 tháng 3 năm 2025",
                 "KẾ HOẠCH", "Thực hiện nhiệm vụ chuyển đổi số năm 2025"):
        document.add_paragraph(line)
    sentence = "Tiếp tục đẩy mạnh chuyển đổi số, phát triển kinh tế số, xã hội số trên địa bàn tỉnh; "
    for k in range(prose):
        document.add_paragraph(f"{k + 1}. " + sentence * 4)
    header = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả",
              "Nguồn kinh phí"]
    table = document.add_table(rows=1 + groups * (tasks + 1), cols=len(header))
    rows = table.rows
    for c, text in enumerate(header):
        rows[0].cells[c].text = text
    r = 1
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for g in range(groups):
        cells = rows[r].cells
        cells[0].text = roman[g]
        cells[1].merge(cells[-1]).text = f"Nhóm nhiệm vụ {g + 1}"
        r += 1
        for t in range(tasks):
            cells = rows[r].cells
            for c, text in enumerate([str(t + 1), sentence + f"nhiệm vụ {t + 1}", "Sở Tài chính",
                                      "Các sở, ngành, địa phương", f"Quý {roman[t % 4]}/2025", "Báo cáo",
                                      "Ngân sách tỉnh"]):
                cells[c].text = text
            r += 1
    document.save(path)


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
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "ke-hoach-100-trang.docx"
        word_plan(plan)
        word = measure(lambda: inspect_files([plan]), 5)
        cpu = []
        for _ in range(5):
            start = time.process_time()
            result = inspect_files([plan])
            cpu.append(time.process_time() - start)
        print(f"100-page Word plan ({plan.stat().st_size / 1024:.0f} KiB, {len(result.tasks)} tasks): "
              f"median {statistics.median(word) * 1000:.0f} ms, best {min(word) * 1000:.0f} ms over {len(word)} runs; "
              f"CPU time median {statistics.median(cpu) * 1000:.0f} ms (target: under 2000 ms; on a shared machine the "
              f"CPU time is the cost of the run itself)")


if __name__ == "__main__":
    main()
