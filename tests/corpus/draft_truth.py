"""How the expected results in tests/corpus/expected/ were drafted (a one-off, kept as documentation).

    .venv/bin/python tests/corpus/draft_truth.py            # writes tests/corpus/expected/<slug>.json

The cells come mechanically from the Word tables of tests/corpus/documents/<slug>.docx (python-docx;
a cell merged over several columns or rows gives its text to every column and row it covers). What a
column means and what the document is were decided by reading each document, and are written below
as data (``DOCUMENTS``, ``TABLES``); where the Word file or the document itself needs judgement
(rows the crawl packed together, a source slip, targets written inside a sentence) the correction
is a named function below, with its reason. Every file was then read against the .txt and the
.docx, cell by cell. The script never runs the importer: the truth does not come from the parser.

Re-running it must give the committed files byte for byte (``test_corpus.py`` checks that the
committed truth is what this script drafts, so a hand edit of a JSON file is caught: correct the
script instead).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import docx
from docx.table import Table

HERE = Path(__file__).resolve().parent
DOCUMENTS_DIR = HERE / "documents"
EXPECTED_DIR = HERE / "expected"


def text_of(value: str) -> str:
    """A cell as written: NFC, runs of white space (wrapped lines, paragraph breaks) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()


# --------------------------------------------------------------------------------------------------
# The documents (read from their letterhead, title block and appendix captions)

DOCUMENTS = {
    "vpcp_tb624_kethopbcd_khcn": {
        "issuer": "Văn phòng Chính phủ", "number": "624/TB-VPCP", "kind": "Thông báo", "date": "2025-11-16",
        "title": "KẾT LUẬN PHIÊN HỌP LẦN THỨ NĂM CỦA BAN CHỈ ĐẠO CỦA CHÍNH PHỦ VỀ PHÁT TRIỂN KHOA HỌC, "
                 "CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06",
        "parent": None,
    },
    "bovhttdl_cv6225_nhiemvutrongtam": {
        # No letterhead in the crawl: number and date from the appendix caption ("Kèm theo Công văn số
        # 6225/BVHTTDL-VP ngày 18/11/2025 của Bộ Văn hóa, Thể thao và Du lịch"); a Công văn's subject
        # line (V/v) is missing too, so there is no title to expect.
        "issuer": "Bộ Văn hóa, Thể thao và Du lịch", "number": "6225/BVHTTDL-VP", "kind": "Công văn",
        "date": "2025-11-18", "title": None, "parent": None,
    },
    "bonoivu_qd1383_lichphobienthongke": {
        "issuer": "Bộ Nội vụ", "number": "1383/QĐ-BNV", "kind": "Quyết định", "date": "2025-11-26",
        "title": "VỀ VIỆC BAN HÀNH LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026 CỦA BỘ NỘI VỤ", "parent": None,
    },
    "hanoi_kh310_hatang5g": {
        "issuer": "Ủy ban nhân dân thành phố Hà Nội", "number": "310/KH-UBND", "kind": "Kế hoạch",
        "date": "2025-11-24",
        "title": "PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO, KHU CÔNG NGHIỆP, CỤM CÔNG NGHIỆP "
                 "TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030",
        "parent": None,
    },
    "hcm_qd2820_csdlquyhoach": {
        "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh", "number": "2820/QĐ-UBND", "kind": "Quyết định",
        "date": "2025-11-19",
        "title": "BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG "
                 "CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ 3103/QĐ-BTC NGÀY 05 THÁNG 9 NĂM 2025 CỦA BỘ TÀI CHÍNH",
        "parent": None,
    },
    "dongnai_kh179_kinhteso": {
        "issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "179/KH-UBND", "kind": "Kế hoạch", "date": "2025-11-18",
        "title": "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI GIAI ĐOẠN 2026 - 2030",
        "parent": None,
    },
    "camau_kh0204_taichinhngansach": {
        "issuer": "Ủy ban nhân dân tỉnh Cà Mau", "number": "0204/KH-UBND", "kind": "Kế hoạch", "date": "2025-11-24",
        "title": "TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028 TỈNH CÀ MAU", "parent": None,
    },
    "bacninh_kh144_kinhteso": {
        "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh", "number": "144/KH-UBND", "kind": "Kế hoạch", "date": "2025-11-24",
        "title": "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030", "parent": None,
    },
}

# The edge cases, decided (see tests/corpus/README.md).
DECISIONS = {
    "bonoivu_qd1383_lichphobienthongke": (
        "A statistics publication calendar, read as a task table: each row obliges the named unit to publish "
        "one piece of statistical information by a month, which is what kehoach monitors (who, what, by when). "
        "Content = 'Tên thông tin thống kê', lead = 'Đơn vị chịu trách nhiệm phổ biến', deadline = 'Thời gian "
        "phổ biến'; 'Mức độ hoàn chỉnh của thông tin' and 'Hình thức phổ biến' are kept as extra columns. The "
        "column-letter row (A, B, 1..4) is part of the header. Rows merged over several rows (rowspans) give "
        "their text to each row they cover: 29 tasks, numbered 1-29 as written."
    ),
    "camau_kh0204_taichinhngansach": (
        "A three-year budget plan, not a task plan: no tasks. Mẫu biểu 01 (forecast of socio-economic "
        "indicators) gives indicators with their unit, the 2025 plan and the 2026-2028 figures as targets and "
        "the 2025 estimate ('Ước thực hiện') as a reported figure; a row without any figure heads the rows "
        "under it (a group, not an indicator). Mẫu biểu 02-05 (budget revenue, revenue by tax, expenditure, "
        "borrowing and debt) are accounting lines of the budget, not plan indicators: they are not imported, "
        "and each must be named in a warning with its rows (never dropped silently)."
    ),
}

# --------------------------------------------------------------------------------------------------
# What each table's columns mean (decided by reading the headers). Fields: stt, content, lead_text,
# support_text, deadline_text, result_text, leader_text; "extra" keeps the cell under its header.
# For indicators: stt, name, unit, lead_text, and per-column values.

TASK = "tasks"
INDICATORS = "indicators"
NOT_IMPORTED = "not-imported"

TABLES = {
    "vpcp_tb624_kethopbcd_khcn": [
        # Phụ lục I is three tables, each under a numbered heading written as a paragraph above it
        # ("1. Các nhiệm vụ về …"); numbering restarts in each: the heading is the tasks' group.
        {"index": i, "kind": TASK, "header_rows": 1, "part": part, "group": group,
         "columns": {0: "stt", 1: "content", 2: "extra", 3: "lead_text", 4: "deadline_text"}}
        for i, part, group in (
            (2, "Phụ lục I.1", {"code": "1", "title": "Các nhiệm vụ về khoa học, công nghệ, đổi mới sáng tạo và "
                                                    "chuyển đổi số quá hạn chưa hoàn thành"}),
            (3, "Phụ lục I.2", {"code": "2", "title": "Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành"}),
            (4, "Phụ lục I.3", {"code": "3", "title": "Các nhiệm vụ về khoa học công nghệ, đổi mới sáng tạo quá "
                                                    "hạn chưa hoàn thành"}),
        )
    ] + [
        {"index": 5, "kind": TASK, "header_rows": 1, "part": "Phụ lục II",
         "columns": {0: "stt", 1: "content", 2: "lead_text", 3: "deadline_text", 4: "result_text", 5: "extra"}},
    ],
    "bovhttdl_cv6225_nhiemvutrongtam": [
        {"index": 2, "kind": TASK, "header_rows": 1, "part": "Phụ lục",
         "columns": {0: "stt", 1: "content", 2: "leader_text", 3: "lead_text", 4: "support_text",
                     5: "result_text", 6: "deadline_text"}},
    ],
    "bonoivu_qd1383_lichphobienthongke": [
        {"index": 2, "kind": TASK, "header_rows": 2, "part": "Lịch phổ biến",
         "columns": {0: "stt", 1: "content", 2: "extra", 3: "deadline_text", 4: "extra", 5: "lead_text"}},
    ],
    "hanoi_kh310_hatang5g": [
        {"index": 2, "kind": TASK, "header_rows": 1, "part": "Phụ lục",
         "columns": {0: "stt", 1: "content", 2: "lead_text", 3: "support_text", 4: "deadline_text"}},
    ],
    "hcm_qd2820_csdlquyhoach": [
        {"index": 2, "kind": TASK, "header_rows": 1, "part": "Phụ lục",
         "columns": {0: "stt", 1: "content", 2: "lead_text", 3: "support_text", 4: "deadline_text",
                     5: "result_text", 6: "extra"}},
    ],
    # One logical table in three Word tables (A, B, C); B and C have no header row of their own, only a
    # section sub-header ("Nội dung · Đơn vị thực hiện · ...") after each group title. B has 7 grid
    # columns: the number spans the first two, except in the "5.1"/"5.2" rows.
    "dongnai_kh179_kinhteso": [
        {"index": 2, "kind": TASK, "header_rows": 1, "part": "Phụ lục A",
         "columns": {0: "stt", 1: "content", 2: "lead_text", 3: "support_text", 4: "deadline_text", 5: "result_text"}},
        {"index": 3, "kind": TASK, "header_rows": 0, "part": "Phụ lục B", "continues": True,
         "columns": {0: "stt", 2: "content", 3: "lead_text", 4: "support_text", 5: "deadline_text", 6: "result_text"}},
        {"index": 4, "kind": TASK, "header_rows": 0, "part": "Phụ lục C", "continues": True,
         "columns": {0: "stt", 1: "content", 2: "lead_text", 3: "support_text", 4: "deadline_text", 5: "result_text"}},
    ],
    "camau_kh0204_taichinhngansach": [
        {"index": 2, "kind": INDICATORS, "header_rows": 3, "part": "Mẫu biểu số 01",
         "columns": {0: "stt", 1: "name", 2: "unit", 3: ("target", 2025), 4: ("figure", 2025),
                     5: ("target", 2026), 6: ("target", 2027), 7: ("target", 2028)}},
        *({"index": i, "kind": NOT_IMPORTED, "header_rows": 3, "part": f"Mẫu biểu số 0{i}"} for i in (3, 4, 5, 6)),
    ],
    "bacninh_kh144_kinhteso": [
        {"index": 2, "kind": INDICATORS, "header_rows": 1, "part": "Phụ lục",
         "columns": {0: "stt", 1: "name", 2: "lead_text"}},
    ],
}

TASK_FIELDS = ("content", "lead_text", "support_text", "deadline_text", "result_text", "leader_text")

_ROMAN = re.compile(r"^(?=[IVXL])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_LETTER = re.compile(r"^[A-HĐ]$")
_NUMBER = re.compile(r"^\d+(\.\d+)*\.?$")
_LABEL_IN_TITLE = re.compile(r"^(?P<code>[IVXL]+|[A-HĐ])\.\s+(?P<title>.+)$")


# --------------------------------------------------------------------------------------------------
# Reading a Word table into a grid


def grid(table: Table) -> list[list[tuple[str, object, bool]]]:
    """Per row, per grid column: (text, the cell's XML element, merged from the row above).

    python-docx gives a cell merged over several columns or rows once per grid column and row it
    covers; the element (kept, so that its identity stays valid) tells the merges apart.
    """
    rows = []
    above: dict[int, object] = {}
    for row in table.rows:
        out = []
        for c, cell in enumerate(row.cells):
            element = cell._tc
            out.append((text_of(cell.text), element, above.get(c) is element))
        rows.append(out)
        above = {c: element for c, (_, element, _) in enumerate(out)}
    return rows


def header_label(rows: list, column: int, depth: int) -> str:
    """A column's header texts top down, without repeats (merged cells) and without the column-number
    row ("A", "B", "1", "4=3/2") some tables put under their header."""
    texts = [rows[r][column][0] for r in range(depth)]
    kept = [t for r, t in enumerate(texts) if t and not (r > 0 and re.fullmatch(r"[A-Z0-9=/]{1,5}", t))]
    return " / ".join(dict.fromkeys(kept))


def level_of(code: str, letter_seen: bool) -> str | None:
    bare = code.rstrip(".")
    if _LETTER.match(bare) and (bare in ("A", "B") or letter_seen):
        return "letter"
    if _ROMAN.match(bare):
        return "roman"
    return None


# --------------------------------------------------------------------------------------------------
# Tasks


def draft_tasks(slug: str, spec: dict, rows: list, state: dict) -> list[dict]:
    """The task rows of a table; ``state`` carries the group path across the blocks of one table."""
    columns = spec["columns"]
    header_labels = {text_of(c[0]) for r in rows[: max(spec["header_rows"], 1)] for c in r}
    tasks = []
    stt_col = next(c for c, f in columns.items() if f == "stt")
    for r, row in enumerate(rows[spec["header_rows"]:], start=spec["header_rows"]):
        texts = [t for t, _, _ in row]
        distinct = {id(element) for _, element, _ in row}
        stt = texts[stt_col]
        others = [t for c, t in enumerate(texts) if c != stt_col and row[c][1] is not row[stt_col][1]]
        if spec.get("continues") and {t for t in texts if t} <= {"Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp",
                                                                "Thời gian thực hiện", "Sản phẩm đầu ra"}:
            continue  # the section sub-header repeated under each group title of blocks B and C
        if spec["header_rows"] and r > 0 and set(texts) <= header_labels and any(texts):
            continue  # a repeated header
        # A group row: one cell merged across every column but the number ("I | Hoàn thiện thể chế"),
        # or a single text with no agency ("' ' | Nhiệm vụ giao Bộ trưởng …", "5.1 | | Thương mại");
        # never a row whose number is merged from the row above (a continuation row).
        filled = [t for t in others if t]
        one_merged_cell = len(distinct - {id(row[stt_col][1])}) == 1 and bool(filled)
        single_text = len(set(filled)) == 1 and not texts[_col(columns, "lead_text")]
        continuation = row[stt_col][2] and stt != ""
        if (one_merged_cell or single_text) and not continuation:
            title = filled[0] if filled else ""
            code = stt.strip().rstrip(".")
            m = _LABEL_IN_TITLE.match(title)
            if not code and m:
                code, title = m["code"], m["title"]
            level = level_of(code, "letter" in state["path_levels"]) or ("heading" if code else "untitled")
            order = ("letter", "roman", "heading", "untitled")
            keep = [(lv, g) for lv, g in zip(state["path_levels"], state["path"], strict=True)
                    if order.index(lv) < order.index(level)]
            state["path_levels"] = [lv for lv, _ in keep] + [level]
            state["path"] = [g for _, g in keep] + [{"code": code, "title": title}]
            continue
        task = {"part": spec["part"], "stt": stt, "group": [dict(g) for g in state["path"]]}
        for field in TASK_FIELDS:
            c = _col(columns, field)
            task[field] = texts[c] if c is not None else None
        task["extra"] = {state["labels"][c]: texts[c] for c, f in columns.items() if f == "extra"}
        merged = [columns[c] if columns[c] != "extra" else f"extra:{state['labels'][c]}"
                  for c in sorted(columns) if row[c][2]]
        if merged:
            task["merged_from_above"] = merged
        tasks.append(task)
    return tasks


def _col(columns: dict, field: str) -> int | None:
    return next((c for c, f in columns.items() if f == field), None)


# --------------------------------------------------------------------------------------------------
# Indicators


def draft_indicators(slug: str, spec: dict, rows: list, state: dict) -> list[dict]:
    """Indicator rows. A group row (a Roman label inside the title, or a numbered row without any
    figure) heads the rows under it. In a figure table, a "- " row belongs to the group above it, a
    "+ " row (after "Trong đó:") to the "- " row above it, and a row with neither number nor bullet
    ("Tỷ lệ so với GRDP", "Tốc độ tăng trưởng") to the numbered indicator above it."""
    columns = spec["columns"]
    figure_table = any(isinstance(f, tuple) for f in columns.values())
    out = []
    numbered = dash = None  # the last numbered indicator, the last "- " row
    for row in rows[spec["header_rows"]:]:
        texts = [t for t, _, _ in row]
        stt = texts[0]
        name = texts[_col(columns, "name")]
        values = {c: texts[c] for c, f in columns.items() if isinstance(f, tuple) and texts[c]}
        bullet = re.match(r"^([-+])\s*", name)
        mark = bullet.group(1) if bullet else ""
        bare = name[bullet.end():] if bullet else name
        if not figure_table and not stt:
            m = _LABEL_IN_TITLE.match(name)
            state["path"] = [{"code": m["code"], "title": m["title"]}] if m else [{"code": "", "title": name}]
            continue
        if figure_table and not values:
            if stt:
                state["path"] = [{"code": stt, "title": name}]
                numbered = dash = None
            elif mark == "-":
                dash = bare
            # "Trong đó:" only announces the "+ " rows under the "- " row above
            continue
        indicator = {"part": spec["part"], "stt": stt, "group": [dict(g) for g in state["path"]], "name": bare}
        if figure_table:
            if stt:
                state["path"], indicator["group"] = [], []
                numbered, dash = bare, None
            elif mark == "+" and dash:
                indicator["parent"] = dash
            elif mark == "-":
                dash = bare
            elif not mark and numbered:
                indicator["parent"] = numbered
        if "unit" in columns.values():
            indicator["unit"] = texts[_col(columns, "unit")]
        if "lead_text" in columns.values():
            indicator["lead_text"] = texts[_col(columns, "lead_text")]
        indicator["targets"] = [{"year": f[1], "text": texts[c]} for c, f in columns.items()
                                if isinstance(f, tuple) and f[0] == "target" and texts[c]]
        indicator["figures"] = [{"year": f[1], "text": texts[c]} for c, f in columns.items()
                                if isinstance(f, tuple) and f[0] == "figure" and texts[c]]
        out.append(indicator)
    return out


# Bắc Ninh 144: the target is written inside the indicator's sentence; the horizon is the appendix
# title's "đến năm 2030". Read by hand: (stt in its group) -> [(comparator, low, high, text)].
TARGETS_144 = {
    ("I", "1"): [("=", 45, 45, "45% GRDP")],
    # "mỗi năm ... từ 05 bộ dữ liệu", "tối thiểu 05 kịch bản", "Đến năm 2030 ... ít nhất 20 tập dữ liệu":
    # three figures in one sentence; the 2030 one is the target of the row.
    ("I", "2"): [(">=", 20, None, "ít nhất 20 tập dữ liệu mở")],
    ("I", "3"): [("=", 60, 60, "đạt 60%")],
    ("I", "4"): [(">=", 40, None, "tối thiểu 40%")],
    ("I", "5"): [(">=", 2, None, "tối thiểu 2%")],
    ("I", "6"): [(">=", 30, None, "tối thiểu 30%")],
    ("II", "1"): [("=", 100, 100, "đạt 100%")],
    ("II", "2"): [("=", 100, 100, "đạt 100%")],
    ("II", "3"): [("=", 80, 80, "đạt 80%")],
    ("II", "4"): [("=", 80, 80, "đạt 80%")],
    ("II", "5"): [("=", 95, 95, "đạt 95%")],
    ("II", "6"): [("=", 80, 80, "đạt 80%")],
    ("II", "7"): [("=", 70, 70, "đạt 70%")],
    ("II", "8"): [("=", 80, 80, "đạt 80%")],
    ("II", "9"): [("=", 90, 90, "đạt 90%")],
    ("II", "10"): [("=", 95, 95, "đạt 95%")],
    ("II", "11"): [("=", 80, 80, "đạt 80%")],
    ("II", "12"): [("=", 100, 100, "đạt 100%")],
    ("II", "13"): [(">", 60, None, "đạt trên 60%")],
}


def targets_144(indicators: list[dict]) -> None:
    for indicator in indicators:
        key = (indicator["group"][0]["code"], indicator["stt"])
        indicator["targets"] = [
            {"year": 2030, "comparator": comp, "low": low, "high": high, "text": text}
            for comp, low, high, text in TARGETS_144[key]
        ]
        indicator["figures"] = []
        for target in indicator["targets"]:  # the target is cut from the row's own sentence
            assert re.search(rf"\b0?{target['low']}\b", indicator["name"]), (key, target)


# --------------------------------------------------------------------------------------------------
# Corrections: where the Word file (rebuilt from the crawl) or the document needs judgement


def fix_1383_packed_rows(tasks: list[dict]) -> list[dict]:
    """Rows 18-21 and 23-26 of the calendar give only STT and name; their other cells are merged with
    rows 17 and 22 (the .txt shows each as two cells and a row boundary). The Word file, rebuilt from
    the flattened text, packed two such rows into one row of six cells ("18 | Số lượng văn bản đi | |
    19 | Số lượng văn bản đến | <merged>"). The document has one row per number, each taking the merged
    cells of the row that opens its group."""
    out: list[dict] = []
    for task in tasks:
        packed = re.fullmatch(r"\d+", task["deadline_text"] or "")
        if not packed:
            out.append(task)
            continue
        opener = next(t for t in reversed(out) if "merged_from_above" not in t)
        for stt, content in ((task["stt"], task["content"]), (task["deadline_text"], task["extra"]["Hình thức phổ biến"])):
            row = {**opener, "stt": stt, "content": content, "extra": dict(opener["extra"]),
                   "merged_from_above": ["extra:Mức độ hoàn chỉnh của thông tin", "deadline_text",
                                         "extra:Hình thức phổ biến", "lead_text"]}
            out.append(row)
    return out


CORRECTIONS = {
    "bonoivu_qd1383_lichphobienthongke": fix_1383_packed_rows,
}

# Warnings a careful importer gives on these documents. The code is the importer's to choose; a
# warning is found when one of the texts in "match" appears in a warning message (case ignored).
EXPECTED_WARNINGS = {
    "vpcp_tb624_kethopbcd_khcn": [
        {"about": "Phụ lục II numbers 19, 22, 20, 21, 22 (22 written twice, out of order)", "match": ["22"]},
        {"about": "Phụ lục II numbers 36, 37, 37, 39 (37 twice, 38 missing)", "match": ["37"]},
    ],
    "hanoi_kh310_hatang5g": [
        {"about": "task 1's support cell lists two agencies without a separator",
         "match": ["Sở Khoa học và Công nghệ Sở Công Thương"]},
    ],
    "hcm_qd2820_csdlquyhoach": [
        {"about": "task IV.4's lead cell lists two agencies without a separator",
         "match": ["đặc khu Sở Tài chính"]},
        {"about": "task IV.4's support cell lists two agencies without a separator",
         "match": ["Sở Tài chính Các sở"]},
    ],
    "dongnai_kh179_kinhteso": [
        {"about": "block B numbers two groups IV (the second should be V)", "match": ["IV"]},
        {"about": "task A.VIII 8.1's support cell writes 'Sở Sở Công thương'", "match": ["Sở Sở"]},
    ],
    "camau_kh0204_taichinhngansach": [
        {"about": f"Mẫu biểu số 0{i}: budget figures, not plan indicators, not imported",
         "match": [f"Mẫu biểu số 0{i}", f"MẪU BIỂU SỐ 0{i}"]}
        for i in (2, 3, 4, 5)
    ],
}


# --------------------------------------------------------------------------------------------------


def draft(slug: str) -> dict:
    word = docx.Document(str(DOCUMENTS_DIR / f"{slug}.docx"))
    tasks: list[dict] = []
    indicators: list[dict] = []
    tables = []
    state: dict = {"path": [], "path_levels": [], "labels": {}}
    for spec in TABLES[slug]:
        rows = grid(word.tables[spec["index"]])
        if spec["header_rows"]:
            state["labels"] = {c: header_label(rows, c, spec["header_rows"]) for c in range(len(rows[0]))}
        if not spec.get("continues"):
            state["path"], state["path_levels"] = [], []
        if "group" in spec:  # a heading written above the table
            state["path"], state["path_levels"] = [dict(spec["group"])], ["heading"]
        body_rows = len(rows) - spec["header_rows"]
        tables.append({"part": spec["part"], "kind": spec["kind"], "word_table": spec["index"],
                       "header": [state["labels"].get(c, "") for c in range(len(rows[0]))] if spec["header_rows"] else None,
                       "rows_under_header": body_rows})
        if spec["kind"] == TASK:
            tasks.extend(draft_tasks(slug, spec, rows, state))
        elif spec["kind"] == INDICATORS:
            indicators.extend(draft_indicators(slug, spec, rows, state))
    if slug in CORRECTIONS:
        tasks = CORRECTIONS[slug](tasks)
    if slug == "bacninh_kh144_kinhteso":
        targets_144(indicators)
    for task in tasks:
        for field in TASK_FIELDS:
            if task[field] is None:
                del task[field]
    return {
        "slug": slug,
        "document": DOCUMENTS[slug],
        "decision": DECISIONS.get(slug),
        "tables": tables,
        "tasks": tasks,
        "indicators": indicators,
        "warnings": EXPECTED_WARNINGS.get(slug, []),
    }


def render(truth: dict) -> str:
    return json.dumps(truth, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    EXPECTED_DIR.mkdir(exist_ok=True)
    for slug in argv or sorted(DOCUMENTS):
        truth = draft(slug)
        (EXPECTED_DIR / f"{slug}.json").write_text(render(truth), encoding="utf-8")
        print(f"{slug}: {len(truth['tasks'])} tasks, {len(truth['indicators'])} indicators")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
