"""The plan as plain data: what the importer produces and the Django models persist.

Every entity is a dataclass with no behaviour beyond conversion to JSON-ready dicts.
Values that come from a document always keep the text exactly as written next to
their parsed meaning, so nothing the official wrote is ever lost.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Comparator(StrEnum):
    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"
    TEXT = "text"  # qualitative target: no number to compare with


class MeasureKind(StrEnum):
    FLOW = "flow"  # additive over months: revenue, investment, tourists, cargo
    GROWTH = "growth"  # growth rate in % against the same period of last year
    INDEX = "index"  # index, same period of last year = 100
    LEVEL = "level"  # level or ratio judged at the end of the period: unemployment


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class IndicatorGroup(StrEnum):
    ECONOMY = "kinh_te"
    SOCIETY = "xa_hoi"
    ENVIRONMENT = "moi_truong"
    OTHER = "khac"


class TargetBasis(StrEnum):
    CENTRAL = "trung_uong_giao"  # dự toán / chỉ tiêu Trung ương giao
    COUNCIL = "hdnd_giao"  # dự toán / nghị quyết HĐND (or the Party committee) giao
    STRETCH = "phan_dau"  # kế hoạch / chỉ tiêu phấn đấu of the UBND


class AgencyKind(StrEnum):
    DEPARTMENT = "so"  # Sở
    BOARD = "ban"  # Ban, Ban Quản lý
    BRANCH = "chi_cuc"  # Chi cục, Chi nhánh of a central body
    POLICE = "cong_an"
    LOCAL = "dia_phuong"  # UBND cấp huyện / xã
    PARTY = "dang"  # Thành ủy and its boards
    COLLECTIVE = "tap_the"  # "Các Sở, ngành, đơn vị, địa phương": one entry, never split
    OTHER = "khac"


@dataclass(frozen=True)
class Location:
    """A place in a source file: 1-based line, optional 1-based (tab) column."""

    file: str
    line: int
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}:{self.column}" if self.column else where


@dataclass
class Finding:
    """A warning found while importing: never a silent fix."""

    code: str
    message: str
    location: Location | None = None

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "file": self.location.file if self.location else None,
            "line": self.location.line if self.location else None,
            "column": self.location.column if self.location else None,
        }


@dataclass
class Value:
    """A number as written in a cell: exact, range, bound or words."""

    text: str
    comparator: Comparator = Comparator.EQ
    low: Decimal | None = None
    high: Decimal | None = None
    note: str = ""  # what followed the number ("Phấn đấu 7,0-7,5", "(500 triệu USD)")
    reversed: bool = False  # a range written high-low ("1.765-1.741"): low/high are sorted, this says so

    @property
    def is_number(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass
class Document:
    kind: str  # "Báo cáo", "Kế hoạch", "Nghị quyết", "Quyết định", ...
    number: str  # number and symbol: "619-BC/TU", "86/KH-UBND"; "" if the file has none
    issuer: str  # "Thành ủy Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"
    date: date | None
    title: str
    signer: str = ""
    signer_title: str = ""
    place: str = ""  # "Hải Phòng": the locality the document speaks for
    file: str = ""
    scope: str = ""  # territorial scope, see domain.territories
    parent: str = ""  # a stand-alone appendix: the document it is attached to, as its "Kèm theo" line writes it

    @property
    def key(self) -> str:
        return self.number or self.file


@dataclass
class Agency:
    name: str  # canonical
    kind: AgencyKind = AgencyKind.OTHER
    short_name: str = ""
    aliases: set[str] = field(default_factory=set)  # every spelling seen, canonical excluded


@dataclass
class Leader:
    name: str  # canonical: the person's name, or the office when only the office is given
    title: str = ""
    collective: bool = False  # "Các đồng chí Phó Chủ tịch ... liên quan"
    aliases: set[str] = field(default_factory=set)


@dataclass
class Indicator:
    key: str  # stable identifier: catalogue key or a slug of the name
    name: str  # canonical name, as the monitoring plan writes it
    unit: str  # canonical unit; targets and trajectories are converted to it
    kind: MeasureKind
    direction: Direction = Direction.HIGHER
    group: IndicatorGroup = IndicatorGroup.OTHER
    parent: str | None = None  # key of the parent indicator
    monitoring_agencies: list[str] = field(default_factory=list)  # canonical agency names
    publication: list[str] = field(default_factory=list)  # period kinds: month, quarter, h1, 9m, year
    publication_text: str = ""  # "Quý, 6 tháng, 9 tháng, năm" as written
    aliases: set[str] = field(default_factory=set)  # names seen in documents
    lead_text: str = ""  # the agency cell ("Chủ trì", "Cơ quan theo dõi") as written where the indicator was read


@dataclass
class Target:
    indicator: str  # indicator key
    year: int
    value: Value  # in the indicator's unit; value.text is the text as written
    document: str  # document key
    basis: TargetBasis
    scope: str  # territory, see domain.territories
    source_unit: str = ""  # the unit the document wrote
    location: Location | None = None
    issued: date | None = None  # the day its document was issued (in force from then); None: always


@dataclass
class ScenarioValue:
    indicator: str
    period: str  # "2025-01", "2025-Q1", "2025-H1", "2025-9M", "2025"
    value: Value
    document: str
    scope: str
    location: Location | None = None
    issued: date | None = None  # the day its document was issued (in force from then); None: always


@dataclass
class ReportedFigure:
    """A figure a document reports (e.g. "Ước thực hiện năm 2024"), not a target."""

    indicator: str
    period: str
    value: Value
    qualifier: str  # "ước", "hơn", ... as written, "" when none
    document: str
    scope: str
    source_unit: str = ""
    location: Location | None = None


@dataclass
class Milestone:
    text: str
    due: date | None = None
    condition: str = ""


@dataclass
class Recurrence:
    every: list[str]  # "month", "quarter", "half", "year"
    until: date | None = None  # None: open-ended ("và các năm tiếp theo")


@dataclass
class Deadline:
    text: str  # exactly as written
    due: date | None = None
    start: date | None = None  # for ranges ("Quý I-II/2025", "2025-2026")
    recurrence: Recurrence | None = None
    condition: str = ""  # the triggering event, when the due date depends on one
    milestones: list[Milestone] = field(default_factory=list)
    note: str = ""  # the rest of the phrase that adds no date ("theo yêu cầu của Bộ Tài chính")
    understood: bool = True  # False: unknown phrasing, kept as text and reported

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "start": self.start.isoformat() if self.start else None,
            "recurrence": (
                {
                    "every": list(self.recurrence.every),
                    "until": self.recurrence.until.isoformat() if self.recurrence.until else None,
                }
                if self.recurrence
                else None
            ),
            "condition": self.condition or None,
            "milestones": [
                {"text": m.text, "due": m.due.isoformat() if m.due else None, "condition": m.condition or None}
                for m in self.milestones
            ],
            "note": self.note or None,
            "understood": self.understood,
        }


@dataclass
class TaskGroup:
    code: str  # "I", "II", or "A.I" with two levels of grouping
    title: str


@dataclass
class Task:
    number: int
    code: str  # as written in the number column: "1.", "1.1", "-"
    group: TaskGroup
    content: str
    result: str
    lead: list[str]  # canonical agency names
    support: list[str]
    deadline: Deadline
    leader: str | None  # canonical leader name
    document: str
    location: Location | None = None
    # The cells exactly as written (cleaned of markup only), next to the canonical names above:
    # canonicalisation never rewrites what the document says ("Bộ, ngành" stays "Bộ, ngành").
    lead_text: str = ""
    support_text: str = ""
    leader_text: str = ""
    attributes: dict[str, str] = field(default_factory=dict)  # other columns, by their header as written


@dataclass
class Project:
    number: int
    name: str
    group: str  # "khanh_thanh", "khoi_cong", "chuyen_tiep"
    group_title: str
    funding: str  # "ngan_sach", "ngoai_ngan_sach"
    funding_title: str
    approvals: str
    value_million_vnd: Decimal | None
    value_text: str
    notes: list[str] = field(default_factory=list)  # "2.051 triệu USD", "TMĐT DA 55.870.000"
    components: list[tuple[str, Decimal]] = field(default_factory=list)
    document: str = ""
    location: Location | None = None


@dataclass
class ParseResult:
    documents: list[Document] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    scenarios: list[ScenarioValue] = field(default_factory=list)
    figures: list[ReportedFigure] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    # what each table was read as, column by column and row by row (importer.corrections.TableReading)
    readings: list = field(default_factory=list)


def to_jsonable(obj):
    """Dataclasses, enums, dates, decimals and sets to plain JSON values."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if dataclasses.is_dataclass(obj):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, Decimal):
        return float(obj) if obj != obj.to_integral_value() else int(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset)):
        return sorted(to_jsonable(x) for x in obj)
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj
