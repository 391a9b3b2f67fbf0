"""The assessment's judgement of an entry before it counts, handed down to the apps that record entries.

Figures and tasks sit below the assessment (docs/architecture.md) and never import it; yet
submitting a figure needs the rating it would give its indicator (chậm or worse needs the
explanation), and a task's status needs the assessment's thresholds. This module holds that
judgement with the assessment's settings and, when the app starts (``AssessmentConfig.ready``),
hands it to ``figures.services.judge_with`` and ``tasks.services.judge_with``.

``ratings_if_counted`` rates each figure as ``kehoach assess`` would, with the figure counted as
if it were approved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.utils import timezone

from kehoach.apps.assessment.models import AssessmentSettings
from kehoach.apps.assessment.snapshot import indicator_plan, territories
from kehoach.apps.figures import services as figure_services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks import services as task_services
from kehoach.domain.assessment import assess_indicator
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.rules import Rating


def ratings_if_counted(figures, as_of: date | None = None, snapshot=None) -> dict[int, Rating]:
    """The rating each figure would give its indicator, as the assessment would (default: today).

    The figure is taken as approved and published by ``as_of``, in place of the other versions of
    the same (indicator, period, scope), beside the indicator's stored figures up to its period's
    end (later periods are left out, so that it is this figure that is rated), in the plan of the
    figure's own year. ``snapshot`` (``kehoach.apps.assessment.snapshot.load()``) saves the reads
    when many figures are rated at once.
    """
    as_of = as_of or timezone.localdate()
    thresholds = AssessmentSettings.current()
    out: dict[int, Rating] = {}
    places = snapshot.territories if snapshot is not None else territories()
    for figure in figures:
        counted = figure_services.to_domain(figure)
        counted = replace(counted, status=m.FigureStatus.APPROVED, published=min(counted.published, as_of))
        if snapshot is not None:
            indicator = next(i for i in snapshot.indicators if i.key == counted.indicator)
            targets, scenarios, stored = snapshot.targets, snapshot.scenarios, snapshot.figures
        else:
            indicator, targets, scenarios = indicator_plan(figure.indicator)
            rows = ActualFigure.objects.filter(indicator_id=figure.indicator_id).select_related("indicator")
            stored = [figure_services.to_domain(row) for row in rows]
        others = [f for f in stored if f.indicator == counted.indicator and f.identity != counted.identity
                  and f.period.end <= counted.period.end]
        day = min(as_of, date(counted.period.year, 12, 31))
        out[figure.pk] = assess_indicator(indicator, scenarios, targets, [*others, counted], day, thresholds,
                                          places).rating
    return out


def connect() -> None:
    """Hand the judgement to the apps below: the rating of a figure, the thresholds of a task's status."""
    figure_services.judge_with(ratings_if_counted)
    task_services.judge_with(AssessmentSettings.current)
