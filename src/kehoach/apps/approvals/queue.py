"""What waits for Sở Tài chính: the submitted figures (with the rating each would give) and task
updates (with the task's status), and the approved figures not yet public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.apps.assessment.evaluate import current_assessment
from kehoach.apps.assessment.judgement import ratings_if_counted
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.rules import Rating


@dataclass
class Queue:
    figures: list[tuple[ActualFigure, Rating | None]]
    progress: list[tuple[TaskProgress, m.TaskAssessment | None]]
    to_publish: list[ActualFigure]


def approval_queue(as_of: date) -> Queue:
    """The queue as of a date (a fixed number of queries)."""
    figures = list(ActualFigure.objects.filter(is_current=True, review_status=ActualFigure.SUBMITTED)
                   .select_related("indicator", "reporting_agency", "submitted_by")
                   .order_by("submitted_at", "pk"))
    result = current_assessment(as_of)
    ratings = ratings_if_counted(figures, as_of, snapshot=result.snapshot)
    statuses = {a.task: a for a in result.tasks}
    progress = list(TaskProgress.objects.filter(review_status=TaskProgress.SUBMITTED)
                    .select_related("task", "task__document", "submitted_by", "milestone")
                    .prefetch_related("task__lead").order_by("submitted_at", "pk"))
    to_publish = list(ActualFigure.objects.filter(is_current=True, review_status=ActualFigure.APPROVED, public=False)
                      .select_related("indicator", "reporting_agency").order_by("-approved_at", "indicator__key",
                                                                                 "period", "scope"))
    return Queue([(f, ratings.get(f.pk)) for f in figures], [(p, statuses.get(p.task_id)) for p in progress],
                 to_publish)
