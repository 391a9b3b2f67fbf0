"""Dự án trọng điểm: the key projects with their disbursement as of a date, and one project's page
(approvals, milestones, capital plan, disbursements by period with a chart, the assessment)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from kehoach.apps.assessment.evaluate import assessment_for
from kehoach.apps.monitoring.projects.filtersets import ProjectFilterSet
from kehoach.apps.projects import services
from kehoach.apps.projects.models import Project
from kehoach.apps.projects.tables import (
    ProjectTable,
    disbursement_chart_for,
    milestone_lines,
    project_rows,
    schedule_lines,
)
from kehoach.charts import to_svg
from kehoach.domain.assessment.model import period_label
from kehoach.web.views.generic import ObjectListView, ObjectView


class ProjectListView(ObjectListView):
    queryset = Project.objects.select_related("document", "agency")
    filterset = ProjectFilterSet
    table = ProjectTable
    template_name = "projects/project_list.html"
    per_page = 500  # one page: the groups stay whole

    @property
    def title(self):
        return _("Key projects")

    def get_table_data(self, queryset):
        self.rows = project_rows(queryset, assessment_for(self.request))
        return self.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(active="projects", year=self.as_of.year,
                       behind_count=sum(1 for r in self.rows if r.assessment and r.assessment.behind))
        return context


class ProjectView(ObjectView):
    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return Project.objects.select_related("document", "agency").prefetch_related(
            "milestones", "capital_plans", "disbursements")

    def extra_context_for(self, project) -> dict:
        as_of = self.as_of
        year = as_of.year
        a = next((x for x in assessment_for(self.request).projects if x.project == project.pk), None)
        plans = sorted(project.capital_plans.all(), key=lambda p: -p.year)
        plan = next((p for p in plans if p.year == year), None)
        rows = services.cumulative(project, year, as_of)
        later = [d for d in project.disbursements.all() if d.on.year == year and (d.reported_on or d.on) > as_of]
        return {
            "active": "projects",
            "title": project.name,
            "a": a,
            "year": year,
            "plan": plan,
            "plans": [(p, schedule_lines(p.schedule)) for p in plans],
            "disbursements": [(r, period_label(r.period), _ratio_pct(r.cumulative, plan.amount_million_vnd if plan else None))
                              for r in rows],
            "rate_pct": a.rate * 100 if a and a.rate is not None else None,
            "due_pct": a.planned_share * 100 if a and a.planned_share is not None else None,
            "reported_later": later,
            "milestones": milestone_lines(project.milestones.all(), as_of),
            "notes": [n for n in (project.notes or []) if isinstance(n, str)],
            "components": [c for c in (project.components or []) if isinstance(c, dict)],
            "chart": to_svg(disbursement_chart_for(project, plan, rows, year, as_of)),
        }


def _ratio_pct(part, whole) -> Decimal | None:
    return part / whole * 100 if whole else None
