"""Assessment inputs and outputs as plain data: figures, progress, events, projects, reports.

Nothing here computes a rating or a status; the other modules of the package do, each for one
concern (``indicators``, ``tasks``, ``projects``, ``calendar``, ``scorecards``) from these
dataclasses and an as-of date. No I/O, no clock: "today" is always a parameter.

Figure periods
--------------
A published figure's period is kept as published (``FigurePeriod``). Every code the figures use
is read:

================================  =========================================  ==========  ==========
code                              meaning                                    calendar    cumulative
================================  =========================================  ==========  ==========
``2025-01``, ``2025-Q1``, ...     a ``periods.Period`` code                  yes         if it starts in January
``2025-YTD-04``                   January to April, cumulative               no          yes
``2025-01-01/2025-04-26``         the days between two dates (inclusive)     no          if it starts on 1 January
================================  =========================================  ==========  ==========

"Cumulative" means "from 1 January" (lũy kế): ``2025-01`` and ``2025-Q1`` are cumulative too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kehoach.domain.entities import Comparator, Direction, Value
from kehoach.domain.periods import Period, last_day, period_name

from .rules import Rating

# Figure periods ---------------------------------------------------------------------------------

_YTD = re.compile(r"(?P<year>\d{4})-YTD-(?P<month>\d{2})", re.ASCII)
_SPAN = re.compile(r"(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})", re.ASCII)


@dataclass(frozen=True)
class FigurePeriod:
    """The period a figure was published for: its code as published and its first and last day."""

    code: str
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period {self.code!r} starts after it ends ({self.start} > {self.end})")

    @classmethod
    def parse(cls, code: str) -> FigurePeriod:
        """Read "2025-01", "2025-Q1", "2025-H1", "2025-9M", "2025", "2025-YTD-04" or "2025-01-01/2025-04-26"."""
        if not isinstance(code, str):
            raise ValueError(f"a period code is a string, got {code!r}")
        if cls is FigurePeriod:
            return _parse_period(code)  # pure and frozen: parsed once per code
        return cls._parse(code)

    @classmethod
    def _parse(cls, code: str) -> FigurePeriod:
        text = code.strip().upper()
        if m := _YTD.fullmatch(text):
            year, month = int(m["year"]), int(m["month"])
            if not 1 <= month <= 12:
                raise ValueError(f"not a valid period code: {code!r}: month must be 01 to 12")
            return cls(f"{year:04d}-YTD-{month:02d}", date(year, 1, 1), last_day(year, month))
        if m := _SPAN.fullmatch(text):
            try:
                start, end = date.fromisoformat(m["start"]), date.fromisoformat(m["end"])
            except ValueError as exc:
                raise ValueError(f"not a valid period code: {code!r}: {exc}") from None
            return cls(f"{start.isoformat()}/{end.isoformat()}", start, end)
        try:
            period = Period.parse(text)
        except ValueError:
            raise ValueError(
                f"not a figure period: {code!r} (expected YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M, YYYY, "
                "YYYY-YTD-MM or YYYY-MM-DD/YYYY-MM-DD)"
            ) from None
        return cls.of(period)

    @classmethod
    def of(cls, period: Period) -> FigurePeriod:
        return cls(period.code, period.start, period.end)

    @classmethod
    def ytd_to(cls, year: int, month: int) -> FigurePeriod:
        """January to ``month``: the canonical calendar code when there is one (01, Q1, H1, 9M, year)."""
        fp = cls.parse(f"{year:04d}-YTD-{month:02d}")
        equivalent = fp.equivalent_period
        return cls.of(equivalent) if equivalent else fp

    def __str__(self) -> str:
        return self.code

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def period(self) -> Period | None:
        """The calendar period when the code is one ("2025-Q1"), else None ("2025-YTD-04")."""
        try:
            return Period.parse(self.code)
        except ValueError:
            return None

    @property
    def is_calendar(self) -> bool:
        return self.period is not None

    @property
    def is_cumulative(self) -> bool:
        """From 1 January of its year (lũy kế): 2025-01, 2025-Q1, H1, 9M, year, YTD-m, 01/01 to a date."""
        return self.start == date(self.end.year, 1, 1)

    @property
    def ends_on_month_end(self) -> bool:
        return self.end == last_day(self.end.year, self.end.month)

    @property
    def month_aligned(self) -> bool:
        """Starts on a 1st and ends on a month's last day, within one year: a whole number of months."""
        return self.start.day == 1 and self.ends_on_month_end and self.start.year == self.end.year

    @property
    def months(self) -> tuple[int, ...]:
        """The whole months covered, in order; () unless ``month_aligned``."""
        if not self.month_aligned:
            return ()
        return tuple(range(self.start.month, self.end.month + 1))

    @property
    def equivalent_period(self) -> Period | None:
        """The calendar period with the same first and last day: YTD-06 is H1, 01/01-31/03 is Q1."""
        if self.period is not None:
            return self.period
        if not self.month_aligned:
            return None
        for kind_period in _candidates(self.year):
            if kind_period.start == self.start and kind_period.end == self.end:
                return kind_period
        return None

    def same_span(self, other: FigurePeriod) -> bool:
        return self.start == other.start and self.end == other.end

    @property
    def label_vi(self) -> str:
        """ "6 tháng đầu năm 2025", "Lũy kế 4 tháng năm 2025", "Từ đầu năm đến ngày 26/4/2025" (``period_name``)."""
        return period_name(self.start, self.end)

    @property
    def words(self) -> str:
        """The label inside a sentence: "lũy kế 4 tháng năm 2025", "tháng 7 năm 2025"."""
        return period_name(self.start, self.end, in_sentence=True)


_WORDS = (  # the labels period_name writes, read back (diacritics and case ignored)
    (re.compile(r"thang (\d{1,2})\s*(?:/|nam)\s*(\d{4})"), lambda m: f"{m[2]}-{int(m[1]):02d}"),
    (re.compile(r"quy (iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(\d{4})"),
     lambda m: f"{m[2]}-Q{m[1] if m[1].isdigit() else ('i', 'ii', 'iii', 'iv').index(m[1]) + 1}"),
    (re.compile(r"6 thang (?:dau )?(?:nam )?(\d{4})"), lambda m: f"{m[1]}-H1"),
    (re.compile(r"6 thang cuoi (?:nam )?(\d{4})"), lambda m: f"{m[1]}-H2"),
    (re.compile(r"9 thang (?:nam )?(\d{4})"), lambda m: f"{m[1]}-9M"),
    (re.compile(r"(?:luy ke )?(\d{1,2}) thang (?:nam )?(\d{4})"), lambda m: f"{m[2]}-YTD-{int(m[1]):02d}"),
    (re.compile(r"nam (\d{4})"), lambda m: m[1]),
)


def read_period(text: str) -> FigurePeriod:
    """A period as a person writes it ("Tháng 7/2025", "quý III/2025", "6 tháng đầu năm 2025",
    "Lũy kế 7 tháng năm 2025", "Năm 2025": what ``period_name`` writes) or as a code ("2025-07")."""
    from kehoach.domain.text import fold

    try:
        return FigurePeriod.parse(text)
    except ValueError:
        pass
    words = " ".join(fold(text or "").lower().split())
    for pattern, code in _WORDS:
        if m := pattern.fullmatch(words):
            return FigurePeriod.parse(code(m))
    raise ValueError(f"not a period: {text!r} (expected e.g. Tháng 7/2025, Quý III/2025, 6 tháng đầu năm 2025, "
                     "9 tháng năm 2025, Năm 2025, Lũy kế 7 tháng năm 2025)")


def period_label(code: str) -> str:
    """A figure period's code as a person says it ("2025-YTD-04": "Lũy kế 4 tháng năm 2025"); text
    that is not a period code is returned as written."""
    try:
        return FigurePeriod.parse(code).label_vi
    except ValueError:
        return code


@functools.lru_cache(maxsize=4096)
def _parse_period(code: str) -> FigurePeriod:
    return FigurePeriod._parse(code)


def _candidates(year: int) -> tuple[Period, ...]:
    months = tuple(Period.of_month(year, m) for m in range(1, 13))
    quarters = tuple(Period.of_quarter(year, q) for q in range(1, 5))
    once = (Period.first_half(year), Period.second_half(year), Period.nine_months(year), Period.of_year(year))
    return months + quarters + once


# Figures ----------------------------------------------------------------------------------------


class ReviewStatus(StrEnum):
    """Where an entry people make (a figure, a progress update) stands in its review.

    draft → submitted → approved; a submitted entry may be returned with a reason instead, then
    corrected and submitted again. Only approved figures count; progress counts once submitted.
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


FigureStatus = ReviewStatus  # a figure's review status (the assessment counts approved figures only)


QUALIFIERS = ("ước", "hơn", "trên", "gần", "khoảng")


@dataclass(frozen=True)
class ActualFigure:
    """One published figure of an indicator: the row ``figures.ActualFigure`` as the assessment reads it
    (one name for one concept; a figure a plan document states is a ``ReportedFigure``).

    ``value`` is already in the indicator's unit and canonical form (IIP as an index, 115,06 for
    "tăng 15,06%"). ``qualifier`` is the word printed before the number, kept as published
    ("ước", "hơn", "trên", "gần", "khoảng" or ""). The same (indicator, period, scope) may be
    published several times: the highest ``version`` approved on the as-of date wins.
    """

    indicator: str
    period: FigurePeriod
    value: Value
    scope: str
    published: date
    qualifier: str = ""
    status: FigureStatus = FigureStatus.APPROVED
    version: int = 1
    source: str = ""

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.indicator, self.period.code, self.scope)


def number_of(value: Value, direction: Direction = Direction.HIGHER) -> Decimal | None:
    """The number a value stands for in a comparison.

    A bound (``> 10.000``, ``< 3,5``) is its number. A range stands for its low end when higher is
    better and its high end when lower is better: a range target (``451-479,8``) is met at its
    low end, and a range actual is read on its less favourable end. Text has no number.
    """
    if value.comparator == Comparator.TEXT or not value.is_number:
        return None
    if value.comparator == Comparator.RANGE:
        return value.high if direction == Direction.LOWER else value.low
    return value.low if value.low is not None else value.high


# Tasks ------------------------------------------------------------------------------------------


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True)
class ProgressUpdate:
    """What the lead agency reported on a task on a day.

    ``completed_on`` is the day the work was completed (defaults to ``on`` for a completed
    update). ``milestone`` is the 0-based index of the deadline's milestone it reports on (None:
    the whole task, i.e. every milestone). ``occurrence`` is the period code of the occurrence of
    a recurring deadline it reports on ("2025-03"); None: the earliest open occurrence.
    """

    task: int
    on: date
    status: ProgressStatus
    percent: int | None = None
    note: str = ""
    evidence: str = ""
    completed_on: date | None = None
    milestone: int | None = None
    occurrence: str | None = None

    @property
    def completion_date(self) -> date | None:
        if self.status != ProgressStatus.COMPLETED:
            return None
        return self.completed_on or self.on


@dataclass(frozen=True)
class ConditionEvent:
    """The triggering event of a conditional deadline happened ("Sau khi được phê duyệt").

    ``due`` is the due date the event sets, when known; otherwise the deadline's own date, else
    ``Thresholds.condition_days`` after the event. ``milestone``: which milestone's condition.
    """

    task: int
    on: date
    due: date | None = None
    milestone: int | None = None
    note: str = ""


class TaskStatus(StrEnum):
    HOAN_THANH_DUNG_HAN = "hoan_thanh_dung_han"
    HOAN_THANH_QUA_HAN = "hoan_thanh_qua_han"
    DANG_THUC_HIEN_TRONG_HAN = "dang_thuc_hien_trong_han"
    SAP_DEN_HAN = "sap_den_han"
    QUA_HAN = "qua_han"
    CHUA_DEN_HAN = "chua_den_han"
    CHO_DIEU_KIEN = "cho_dieu_kien"
    QUA_HAN_CHUA_BAO_CAO = "qua_han_chua_bao_cao"
    CHUA_BAO_CAO = "chua_bao_cao"

    @property
    def label(self) -> str:
        return _TASK_LABELS[self]

    @property
    def is_overdue(self) -> bool:
        """Past its due date and not completed, reported on or not."""
        return self in (TaskStatus.QUA_HAN, TaskStatus.QUA_HAN_CHUA_BAO_CAO)

    @property
    def is_unreported(self) -> bool:
        """No progress report at all for the item the status is about."""
        return self in (TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.CHUA_BAO_CAO)

    @property
    def is_completed(self) -> bool:
        return self in (TaskStatus.HOAN_THANH_DUNG_HAN, TaskStatus.HOAN_THANH_QUA_HAN)


_TASK_LABELS = {
    TaskStatus.HOAN_THANH_DUNG_HAN: "Hoàn thành đúng hạn",
    TaskStatus.HOAN_THANH_QUA_HAN: "Hoàn thành quá hạn",
    TaskStatus.DANG_THUC_HIEN_TRONG_HAN: "Đang thực hiện trong hạn",
    TaskStatus.SAP_DEN_HAN: "Sắp đến hạn",
    TaskStatus.QUA_HAN: "Quá hạn chưa hoàn thành",
    TaskStatus.CHUA_DEN_HAN: "Chưa đến hạn",
    TaskStatus.CHO_DIEU_KIEN: "Chờ điều kiện",
    TaskStatus.QUA_HAN_CHUA_BAO_CAO: "Quá hạn, chưa báo cáo",
    TaskStatus.CHUA_BAO_CAO: "Chưa báo cáo",
}


@dataclass(frozen=True)
class Occurrence:
    """One thing due: the single due date, one occurrence of a recurrence, or one milestone."""

    due: date | None
    period: str | None = None  # the recurring period's code ("2025-03"); None when not recurring
    milestone: int | None = None  # 0-based milestone index
    label: str = ""  # the milestone's text, or the period's label
    condition: str = ""  # the event the due date waits for ("" when none)
    start: date | None = None  # when the work can start (the period's first day, the range's start)


@dataclass(frozen=True)
class TaskAssessment:
    task: int
    status: TaskStatus
    due: date | None
    occurrence: str | None = None
    milestone: int | None = None
    completed_on: date | None = None
    percent: int | None = None
    days_late: int | None = None  # days past due (completed late or still open), else None
    detail: str = ""  # one Vietnamese sentence
    # A recurring task: the period codes of the earlier occurrences (ended before the as-of date)
    # with no progress report of their own, oldest first.
    missed: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.status.label


# Projects ---------------------------------------------------------------------------------------

KHOI_CONG = "khoi_cong"
KHANH_THANH = "khanh_thanh"
MILESTONE_LABELS = {KHOI_CONG: "Khởi công", KHANH_THANH: "Khánh thành"}


@dataclass(frozen=True)
class ProjectMilestone:
    """A key project's milestone: khởi công, khánh thành, or any other (``kind`` free text)."""

    project: int
    kind: str
    planned: date | None
    actual: date | None = None
    label: str = ""

    @property
    def label_vi(self) -> str:
        return self.label or MILESTONE_LABELS.get(self.kind, "Mốc tiến độ")


@dataclass(frozen=True)
class CapitalPlan:
    """The year's capital plan of a project (kế hoạch vốn), in million VND.

    ``schedule`` maps a period code to the planned cumulative share of the plan disbursed by the
    period's end ({"2025-Q2": Decimal("0.4"), "2025": Decimal("1")}). Without one, the planned
    share grows linearly with the months elapsed.
    """

    project: int
    year: int
    amount: Decimal
    schedule: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class Disbursement:
    """Amount disbursed (giải ngân) in a period, reported on a day, in million VND."""

    project: int
    period: str
    amount: Decimal
    reported_on: date


@dataclass(frozen=True)
class ProjectAssessment:
    project: int
    plan: Decimal | None
    disbursed: Decimal
    by_period: tuple[tuple[str, Decimal], ...]
    rate: Decimal | None  # disbursed / plan
    planned_share: Decimal | None  # the plan's cumulative share due by the as-of date
    planned_share_method: str
    late_milestones: tuple[ProjectMilestone, ...]
    behind: bool
    reason: str


# Reporting --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportingObligation:
    """An agency owes a report for every period of the given kinds ("month", "quarter", "h1", "9m", "year")."""

    agency: str
    report: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class ReportingDue:
    agency: str
    report: str
    period: str  # the period code: "2025-03", "2025-Q1", "2025-H1", "2025-9M", "2025"
    window_start: date
    window_end: date
    due: date


@dataclass(frozen=True)
class Submission:
    agency: str
    report: str
    period: str
    submitted_on: date


class ReportStatus(StrEnum):
    SUBMITTED = "submitted"  # on or before the due date
    LATE = "late"
    MISSING = "missing"  # due date passed, nothing submitted
    PENDING = "pending"  # not submitted, not yet due

    @property
    def label(self) -> str:
        return {
            ReportStatus.SUBMITTED: "Đã gửi đúng hạn",
            ReportStatus.LATE: "Gửi muộn",
            ReportStatus.MISSING: "Chưa gửi (quá hạn)",
            ReportStatus.PENDING: "Chưa đến hạn",
        }[self]


@dataclass(frozen=True)
class ReportingRecord:
    due: ReportingDue
    status: ReportStatus
    submitted_on: date | None = None


# Indicator assessment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorAssessment:
    """An indicator assessed as of a date. Numbers are in the indicator's unit.

    * ``period``/``actual``/``scenario``: the latest period assessed and its trajectory value.
    * ``ytd_*``: year to date (lũy kế). ``ytd_ratio``: ytd actual / ytd scenario (flows).
    * ``gap``: flows ytd actual - ytd scenario; growth, index and levels actual - scenario (points).
    * ``required_rest``: flows, what the remaining months must deliver to meet the annual target;
      growth and index, the growth (index) they need. ``planned_rest``: the same per the
      trajectory. ``required_rest_vs_plan``: flows required / planned - 1 (0,112 = +11,2%);
      growth and index, required - planned in points.
    * ``projection``: the year-end projection by ``projection_method``.
    * ``uncompared``: codes of figures kept as published but not compared (a cut-off that is not
      a month end, a period the trajectory has no value for).
    """

    indicator: str
    as_of: date
    rating: Rating
    reason: str
    comparable: bool
    scope: str = ""  # the plan's (scenario's and target's) scope
    figure_scope: str = ""
    period: FigurePeriod | None = None
    actual: Decimal | None = None
    qualifier: str = ""
    scenario: Decimal | None = None
    ytd_period: FigurePeriod | None = None
    ytd_actual: Decimal | None = None
    ytd_qualifier: str = ""
    ytd_scenario: Decimal | None = None
    ytd_ratio: Decimal | None = None
    annual_target: Decimal | None = None
    annual_scenario: Decimal | None = None
    pct_of_year_target: Decimal | None = None
    gap: Decimal | None = None
    required_rest: Decimal | None = None
    planned_rest: Decimal | None = None
    required_rest_vs_plan: Decimal | None = None
    rest_method: str = ""
    projection: Decimal | None = None
    projection_method: str = ""
    uncompared: tuple[str, ...] = ()
    year: int | None = None  # the plan year assessed
    annual_target_text: str = ""  # the annual target as written
    has_scenario: bool = True  # False: the scope has a year target but no scenario
    targets: tuple[TargetComparison, ...] = ()  # every basis in force for the scope, side by side
    verdict: str = ""  # a closed year: VERDICT_MET or VERDICT_MISSED; "" while it runs
    verdict_estimate: bool = False  # the verdict rests on an estimate ("ước")
    beside: tuple[str, ...] = ()  # figures shown beside the one rated (other scopes, newer, not comparable)
    stale: bool = False  # "số liệu cũ": the next figure of the indicator's publication rhythm is overdue
    warnings: tuple[str, ...] = ()  # e.g. a cumulative series that goes down
    single_period: FigurePeriod | None = None  # the quarter or month ending with the rated cumulative figure
    single_actual: Decimal | None = None
    single_qualifier: str = ""
    year_on_year: Decimal | None = None  # % change against the same period of last year (amounts only)
    year_on_year_period: FigurePeriod | None = None  # the span compared with the year before

    @property
    def label(self) -> str:
        return self.rating.label

    @property
    def verdict_label(self) -> str:
        if not self.verdict:
            return ""
        label = VERDICT_LABELS[self.verdict]
        return f"{label} (ước)" if self.verdict_estimate else label


VERDICT_MET = "dat_ke_hoach_nam"
VERDICT_MISSED = "khong_dat_ke_hoach_nam"
VERDICT_LABELS = {VERDICT_MET: "Đạt kế hoạch năm", VERDICT_MISSED: "Không đạt kế hoạch năm"}


@dataclass(frozen=True)
class TargetComparison:
    """The actual against one target (or the scenario's year value) in force for the indicator's scope.

    ``pct``: year-to-date actual as % of the value (flows, levels in other units); ``gap``: actual −
    value in points (growth, index, levels in %). ``met``: set once the year's figure is in.
    """

    basis: str  # a TargetBasis value, or "kich_ban" for the scenario's year value
    basis_label: str
    scope: str
    value: Decimal
    text: str
    document: str
    pct: Decimal | None = None
    gap: Decimal | None = None
    met: bool | None = None


# Scorecards -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scorecard:
    """One lead agency's or supervising leader's record."""

    owner: str
    kind: str  # "agency" or "leader"
    tasks_by_status: dict[TaskStatus, int] = field(default_factory=dict)
    overdue_tasks: tuple[int, ...] = ()
    indicators_at_risk: tuple[str, ...] = ()
    projects_behind: tuple[int, ...] = ()
    reports_due: int = 0
    reports_on_time: int = 0
    on_time_rate: Decimal | None = None  # None when nothing was due yet

    @property
    def task_count(self) -> int:
        return sum(self.tasks_by_status.values())
