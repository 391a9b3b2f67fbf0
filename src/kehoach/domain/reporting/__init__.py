"""The periodic socio-economic report's content as plain data: no Django, no file format.

* ``periods``: which period a report of a kind covers as of a date, and its title;
* ``model``: the report's inputs (an indicator, task or project with its assessment) and parts;
* ``numbers``: figures as the report prints them (vi-VN);
* ``prose``: the Vietnamese sentences of each section;
* ``narrative``: the sections compiled from what the agencies wrote (task results; causes, difficulties, proposals);
* ``content``: ``build(ReportInput) -> ReportContent``, the whole report.
"""

from .content import build
from .model import Explanation, IndicatorInput, ProgressNote, ProjectInput, ReportContent, ReportInput, TaskInput
from .periods import KINDS, report_period, title

__all__ = ["KINDS", "Explanation", "IndicatorInput", "ProgressNote", "ProjectInput", "ReportContent", "ReportInput",
           "TaskInput", "build", "report_period", "title"]
