"""Tổng quan: every main indicator's rating and trend, tasks by status with the overdue ones, key
projects behind plan, as of a chosen date. The public page: published figures only."""

from __future__ import annotations

from collections import Counter

from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.assessment.charts import indicator_trend_chart
from kehoach.apps.assessment.evaluate import assessment_for
from kehoach.apps.dashboard.tables import PublicFigureTable
from kehoach.apps.figures.published import published_figures
from kehoach.charts import to_svg
from kehoach.domain.assessment.model import TaskStatus
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.web.asof import as_of_for
from kehoach.web.export import ExportMixin
from kehoach.web.views.generic import StaffMixin


class OverviewView(StaffMixin, TemplateView):
    template_name = "dashboard/overview.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:  # the published figures, at the date the link asked for
            query = request.GET.urlencode()
            return redirect(reverse("dashboard:public") + (f"?{query}" if query else ""))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of = self.as_of
        result = assessment_for(self.request)
        snap = result.snapshot
        indicators = {i.key: i for i in snap.indicators}
        tiles = []
        for a in sorted(result.indicators, key=lambda a: (indicators[a.indicator].parent is not None,
                                                         -a.rating.severity if a.rating.severity is not None else 1)):
            indicator = indicators[a.indicator]
            year = a.period.year if a.period else as_of.year
            spark = result.fragment(("sparkline", indicator.key, year), lambda indicator=indicator, year=year: to_svg(
                indicator_trend_chart(snap, indicator, as_of, year, small=True)))
            tiles.append({"a": a, "indicator": indicator, "sub": indicator.parent is not None, "spark": spark})
        counts = Counter(t.status for t in result.tasks)
        rows = snap.task_rows
        overdue = sorted((t for t in result.tasks if t.status.is_overdue),
                         key=lambda t: (-(t.days_late or 0), rows[t.task].number))
        soon = [t for t in result.tasks if t.status == TaskStatus.SAP_DEN_HAN]
        projects = {p.pk: p for p in snap.projects}
        behind = [(projects[p.project], p) for p in result.projects if p.behind]
        context.update(
            active="overview",
            my_leader=roles.leader_of(self.request.user),
            tiles=tiles,
            # what needs action comes first (on a phone the rest is folded): indicators behind
            attention_tiles=[t for t in tiles if t["a"].rating.severity],
            other_tiles=[t for t in tiles if not t["a"].rating.severity],
            rating_counts=Counter(a.rating for a in result.indicators),
            ratings=list(Rating),
            task_counts=[(s, counts.get(s, 0)) for s in PRIORITY],
            task_total=len(result.tasks),
            overdue=[(rows[t.task], t) for t in overdue],
            soon=[(rows[t.task], t) for t in soon],
            behind=behind,
            project_total=len(result.projects),
        )
        return context


class PublicView(ExportMixin, TemplateView):
    """Published figures, for everyone: the latest public version of each figure, nothing else
    (``?export=csv|xlsx``: the same list as a file)."""

    template_name = "dashboard/public.html"
    export_name = "so-lieu-cong-bo"

    def export_table(self):
        return PublicFigureTable(published_figures())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(active="public", figures=published_figures(), as_of=as_of_for(self.request),
                       staff=roles.sees_plan(self.request.user))
        return context


