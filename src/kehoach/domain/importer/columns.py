"""What a table's columns mean, decided from the words of their headers, never from position.

Plans of different provinces and ministries order and word their columns differently
("Cơ quan chủ trì" / "Đơn vị thực hiện" / "Chủ trì"; "Thời gian hoàn thành" / "Thời gian thực
hiện"). Each role below lists, in order, the folded header phrases that name it; a column gets
the first role whose phrase it contains, and a role is taken by one column only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.domain.periods import Period, from_roman
from kehoach.domain.text import fold

# (role, patterns on the folded header text of a column, all levels joined by " / ")
ROLE_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("key", (r"^(stt|tt|so tt|so thu tu)$",)),
    ("leader", (r"lanh dao", r"theo doi,? chi dao", r"chi dao", r"nguoi dung dau")),
    ("monitoring", (r"don vi theo doi", r"co quan theo doi")),
    ("publication", (r"ky cong bo", r"ky bao cao")),
    ("unit", (r"^(don vi tinh|dvt|don vi)$", r"^don vi tinh\b")),
    ("lead", (r"chu tri", r"don vi thuc hien", r"co quan thuc hien", r"co quan, don vi thuc hien",
              r"trach nhiem thuc hien", r"don vi thuc hien", r"(don vi|co quan)( [a-z]+)? chiu trach nhiem")),
    ("support", (r"phoi hop",)),
    ("deadline", (r"thoi gian", r"thoi han", r"tien do")),
    ("result", (r"ket qua", r"san pham")),
    ("approvals", (r"van ban phe duyet", r"van ban chap thuan", r"quyet dinh", r"chu truong dau tu")),
    ("value", (r"gia tri", r"tong muc dau tu", r"tong von", r"muc von")),
    ("project", (r"ten du an", r"^du an$", r"ten cong trinh", r"danh muc du an")),
    ("content", (r"noi dung", r"nhiem vu", r"giai phap", r"ten nhiem vu", r"cong viec",
                 r"^ten (?!chi tieu|du an|cong trinh)\w")),
    ("name", (r"^chi tieu$", r"ten chi tieu", r"^chi tieu\b", r"^noi dung chi tieu")),
    ("note", (r"ghi chu",)),
]

_COMPILED = [(role, tuple(re.compile(p) for p in pats)) for role, pats in ROLE_RULES]
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_MONTH = re.compile(r"^thang (\d{1,2})$")
_QUARTER = re.compile(r"^quy ([ivx]+|\d)$")


@dataclass
class Column:
    index: int
    labels: list[str]  # header texts, top row first
    role: str | None = None
    period_kind: str | None = None  # month, quarter, h1, h2, 9m, year
    period_index: int = 0
    year: int | None = None
    national: bool = False  # "cả nước"
    estimate: bool = False  # "ước thực hiện", "thực hiện"
    target: bool = False  # "mục tiêu", "kế hoạch", "chỉ tiêu"

    @property
    def text(self) -> str:
        return " / ".join(self.labels)


def classify_columns(labels: list[list[str]]) -> list[Column]:
    columns = [Column(i, lab) for i, lab in enumerate(labels)]
    taken: set[str] = set()
    for col in columns:
        if not col.labels:
            continue
        _read_period(col)
        _read_meaning(col)
        if col.period_kind:
            continue
        role = _role_of(col)
        if role and role not in taken:
            col.role = role
            taken.add(role)
    return columns


def by_role(columns: list[Column]) -> dict[str, int]:
    return {c.role: c.index for c in columns if c.role}


def _role_of(col: Column) -> str | None:
    own = fold(col.labels[-1])
    joined = fold(" / ".join(col.labels))
    for role, patterns in _COMPILED:
        for pattern in patterns:
            if pattern.search(own) or (role not in ("key", "unit") and pattern.search(joined)):
                return role
    return None


def _read_meaning(col: Column) -> None:
    joined = fold(" / ".join(col.labels))
    years = [int(m.group(0)) for m in _YEAR.finditer(joined)]
    col.year = years[-1] if years else None
    col.national = "ca nuoc" in joined
    own = fold(col.labels[-1])
    col.estimate = bool(re.search(r"\b(uoc|thuc hien|uoc tinh)\b", own)) and "ke hoach" not in own
    col.target = bool(re.search(r"\b(muc tieu|ke hoach|chi tieu|du toan|phan dau)\b", own)) and not col.estimate


def _read_period(col: Column) -> None:
    """A scenario column: its deepest label names a month, quarter, 6 or 9 months or the year."""
    own = fold(col.labels[-1]).strip(" .:")
    if m := _MONTH.match(own):
        n = int(m.group(1))
        if 1 <= n <= 12:
            col.period_kind, col.period_index = "month", n
        return
    if m := _QUARTER.match(own):
        token = m.group(1)
        n = int(token) if token.isdigit() else roman_value(token)
        if n and 1 <= n <= 4:
            col.period_kind, col.period_index = "quarter", n
        return
    if own in ("6 thang", "6 thang dau nam", "sau thang", "6 thang dau"):
        col.period_kind = "h1"
    elif own in ("6 thang cuoi nam", "6 thang cuoi"):
        col.period_kind = "h2"
    elif own in ("9 thang", "9 thang dau nam", "chin thang"):
        col.period_kind = "9m"
    elif own in ("ca nam", "nam") and any("kich ban" in fold(x) for x in col.labels[:-1]):
        col.period_kind = "year"


def roman_value(text: str) -> int | None:
    """ "IV" -> 4, "IV." -> 4; None when the text is not a Roman numeral."""
    try:
        return from_roman(text.strip().rstrip("."))
    except ValueError:
        return None


def period_of(col: Column, year: int) -> Period:
    if col.period_kind == "month":
        return Period(year, "month", col.period_index)
    if col.period_kind == "quarter":
        return Period(year, "quarter", col.period_index)
    return Period(year, col.period_kind)


PUBLICATION_WORDS = [
    (re.compile(r"^(hang )?thang$"), "month"),
    (re.compile(r"^(hang )?quy$"), "quarter"),
    (re.compile(r"^6 thang$"), "h1"),
    (re.compile(r"^9 thang$"), "9m"),
    (re.compile(r"^(hang )?nam$|^ca nam$"), "year"),
]


def parse_publication(text: str) -> list[str] | None:
    """ "Quý, 6 tháng, 9 tháng, năm" -> [quarter, h1, 9m, year]; None when a word is unknown."""
    kinds: list[str] = []
    for part in re.split(r"[,;/]| va ", fold(text)):
        part = part.strip(" .")
        if not part:
            continue
        for pattern, kind in PUBLICATION_WORDS:
            if pattern.match(part):
                kinds.append(kind)
                break
        else:
            return None
    return kinds


def derivable(kind: str, published: list[str]) -> bool:
    """Can a value for a period of this kind be published, given the publication periods?

    A cumulative period (6 months, 9 months, the year) follows from its quarters or months; a
    quarter follows from its months.
    """
    if kind in published:
        return True
    if kind in ("h1", "h2", "9m", "year"):
        return "quarter" in published or "month" in published
    if kind == "quarter":
        return "month" in published
    return False
