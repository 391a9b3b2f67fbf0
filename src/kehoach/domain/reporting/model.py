"""The report's inputs (each plan item with its assessment) and its parts, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kehoach.domain.assessment.model import ActualFigure, IndicatorAssessment, ProjectAssessment, TaskAssessment
from kehoach.domain.entities import Indicator
from kehoach.domain.periods import Period

# Inputs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorInput:
    indicator: Indicator
    assessment: IndicatorAssessment
    target_text: str = ""  # the year's target as the plan writes it ("12,5", "> 10.000")
    # The figures published for the report's own period when it is not cumulative (quarter III alone, July
    # alone): one per scope, the current version. The assessment is cumulative (lũy kế); these say the period.
    period_figures: tuple[ActualFigure, ...] = ()


@dataclass(frozen=True)
class TaskInput:
    number: int
    content: str
    group: str  # "I. Nhiệm vụ chung"
    lead: tuple[str, ...]
    leader: str | None
    assessment: TaskAssessment
    document: str = ""


@dataclass(frozen=True)
class ProjectInput:
    number: int
    name: str
    group: str
    value: Decimal | None  # total investment, million VND
    assessment: ProjectAssessment
    value_text: str = ""  # the total as its document wrote it
    value_doubt: str = ""  # why the written total is doubtful (the import flagged it), "" when it is not


@dataclass(frozen=True)
class ProgressNote:
    """What a task's lead agencies wrote in an approved progress update of the report period."""

    group: str  # "I. Nhiệm vụ chung"
    group_order: tuple[int, ...]  # the group's place in the plan (document, then group)
    task_number: int
    agencies: tuple[str, ...]  # the task's lead agencies
    on: date
    note: str
    evidence: str = ""  # the evidence document's number


@dataclass(frozen=True)
class Explanation:
    """Causes, difficulties and proposals an agency gave with an approved progress update
    ("Nhiệm vụ số 16") or figure ("Chỉ tiêu Kim ngạch xuất khẩu (tháng 7/2025)") of the period."""

    agency: str
    about: str
    cause: str = ""
    difficulties: str = ""
    proposals: str = ""


@dataclass(frozen=True)
class ReportInput:
    as_of: date
    kind: str  # month | quarter | h1 | 9m | year
    indicators: tuple[IndicatorInput, ...] = ()
    tasks: tuple[TaskInput, ...] = ()
    projects: tuple[ProjectInput, ...] = ()
    progress_notes: tuple[ProgressNote, ...] = ()
    explanations: tuple[Explanation, ...] = ()


# Parts ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NarrativeGroup:
    """A sub-heading of a narrative section (a task group, an agency) and its "- ..." lines."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A numbered section: its paragraphs, then its sub-headed parts ("1. Kết quả đạt được" and its lines)."""

    heading: str
    paragraphs: tuple[str, ...]
    parts: tuple[NarrativeGroup, ...] = ()


@dataclass(frozen=True)
class Narrative:
    """A section compiled from what the agencies wrote: sub-headed groups, or ``empty`` without any."""

    heading: str
    groups: tuple[NarrativeGroup, ...]
    empty: str = ""


@dataclass(frozen=True)
class IndicatorRow:
    """A row of "Phụ lục: Bảng các chỉ tiêu chủ yếu"; numbers in the indicator's unit."""

    number: int
    key: str
    name: str
    unit: str
    target_text: str
    period_label: str
    scenario: Decimal | None
    actual: Decimal | None
    qualifier: str
    ytd: Decimal | None
    pct_of_year_target: Decimal | None
    rating: str


@dataclass(frozen=True)
class ReportContent:
    title: str
    period: Period
    as_of: date
    sections: tuple[Section, ...]
    indicator_rows: tuple[IndicatorRow, ...]
    tasks: tuple[TaskInput, ...] = field(default=())
    projects: tuple[ProjectInput, ...] = field(default=())
    narrative: tuple[Narrative, ...] = field(default=())  # after the tasks section
    subject: str = ""  # the title without "Báo cáo": the line under "BÁO CÁO"
