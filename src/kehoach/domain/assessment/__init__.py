"""Assessment as of a date: indicators, tasks, key projects, reporting, scorecards.

Pure domain code, data in and data out, no I/O and no clock: the same data and as-of date always
give the same result. One module per concern:

* ``model``: input and output dataclasses (``ActualFigure``, ``FigurePeriod``, ``ProgressUpdate`` ...);
* ``rules``: the rating ``Thresholds`` (the one place ratings are decided) and ``Rating``;
* ``indicators``: ``assess_indicator``;
* ``tasks``: occurrences of deadlines and ``task_status``;
* ``projects``: disbursement and milestones, ``assess_project``;
* ``calendar``: Nghị định 09/2019/NĐ-CP reporting windows, what is owed, on-time rate;
* ``scorecards``: per lead agency and per supervising leader.
"""

from .calendar import Deadlines, on_time_rate, owed, window
from .indicators import assess_indicator
from .model import (
    ActualFigure,
    CapitalPlan,
    ConditionEvent,
    Disbursement,
    FigurePeriod,
    FigureStatus,
    IndicatorAssessment,
    ProgressStatus,
    ProgressUpdate,
    ProjectAssessment,
    ProjectMilestone,
    ReportingDue,
    ReportingObligation,
    ReportingRecord,
    ReportStatus,
    ReviewStatus,
    Scorecard,
    Submission,
    TaskAssessment,
    TaskStatus,
)
from .projects import assess_project
from .rules import DEFAULT, Rating, Thresholds
from .scorecards import agency_scorecards, leader_scorecards
from .tasks import assess_tasks, occurrences, task_status

__all__ = [
    "DEFAULT",
    "CapitalPlan",
    "ConditionEvent",
    "Deadlines",
    "Disbursement",
    "ActualFigure",
    "FigurePeriod",
    "FigureStatus",
    "ReviewStatus",
    "IndicatorAssessment",
    "ProgressStatus",
    "ProgressUpdate",
    "ProjectAssessment",
    "ProjectMilestone",
    "Rating",
    "ReportStatus",
    "ReportingDue",
    "ReportingObligation",
    "ReportingRecord",
    "Scorecard",
    "Submission",
    "TaskAssessment",
    "TaskStatus",
    "Thresholds",
    "agency_scorecards",
    "assess_indicator",
    "assess_project",
    "assess_tasks",
    "leader_scorecards",
    "occurrences",
    "on_time_rate",
    "owed",
    "task_status",
    "window",
]
