"""What the key projects pages show, row by row.

* ``ProjectTable``: the list, grouped as the source document groups them (khánh thành, khởi công,
  chuyển tiếp; then ngân sách / ngoài ngân sách); ``project_rows`` builds its rows.
* ``milestone_lines``, ``disbursement_chart_for``: one project's page.

The disbursed amounts, rates and "behind plan" come from the assessment
(``assess_all(...).projects``); the planned share and late milestones are the domain's rules
(``kehoach.domain.assessment.projects``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from kehoach.apps.projects.models import Project, ProjectMilestone
from kehoach.apps.projects.services import CumulativeRow, capital_plan_to_domain, milestone_to_domain
from kehoach.charts import Chart, disbursement_chart
from kehoach.domain.assessment.model import FigurePeriod, ProjectAssessment
from kehoach.domain.assessment.projects import late_milestones, planned_share
from kehoach.domain.periods import last_day
from kehoach.web.templatetags.vi import vn_number, vn_percent

# The list ---------------------------------------------------------------------------------------


@dataclass
class ProjectRow:
    project: Project
    assessment: ProjectAssessment | None
    headings: list[tuple[int, str]] = field(default_factory=list)  # group headings starting at this row


def project_rows(projects, assessment) -> list[ProjectRow]:
    """The filtered projects in the document's order, with a heading where a group or a funding begins."""
    by_pk = {a.project: a for a in assessment.projects}
    projects = sorted(projects, key=lambda p: (p.document_id, p.number))
    several = len({p.document_id for p in projects}) > 1
    rows, group, funding = [], None, None
    for p in projects:
        row = ProjectRow(p, by_pk.get(p.pk))
        if (p.document_id, p.group) != group:
            group, funding = (p.document_id, p.group), None
            title = p.group_title or p.get_group_display()
            row.headings.append((1, f"{p.document.number} — {title}" if several and p.document.number else title))
        if (p.document_id, p.group, p.funding) != funding:
            funding = (p.document_id, p.group, p.funding)
            row.headings.append((2, p.funding_title or p.get_funding_display()))
        rows.append(row)
    return rows


NUM = {"td": {"class": "num"}, "th": {"class": "num"}}


class ProjectTable(tables.Table):
    number = tables.Column(verbose_name=_("No."), accessor="project__number", orderable=False)
    name = tables.Column(verbose_name=_("Project"), accessor="project", orderable=False)
    value = tables.Column(verbose_name=_("Value (million VND)"), accessor="project", orderable=False, attrs=NUM)
    agency = tables.Column(verbose_name=_("Responsible agency"), accessor="project__agency", orderable=False)
    plan = tables.Column(verbose_name=_("Capital plan of the year (million VND)"), accessor="assessment__plan",
                         orderable=False, attrs=NUM)
    disbursed = tables.Column(verbose_name=_("Disbursed (million VND)"), accessor="assessment__disbursed",
                              orderable=False, attrs=NUM)
    rate = tables.Column(verbose_name=_("Disbursement rate"), accessor="assessment__rate", orderable=False,
                         attrs=NUM)
    behind = tables.Column(verbose_name=_("Progress"), accessor="assessment", orderable=False, empty_values=())

    class Meta:
        template_name = "web/grouped_table.html"
        orderable = False
        attrs = {"id": "projects", "class": "table"}
        row_attrs = {
            "data-project": lambda record: record.project.pk,
            "data-behind": lambda record: "yes" if record.assessment and record.assessment.behind else "no",
        }

    def render_name(self, value):
        return format_html('<a href="{}">{}</a>', reverse("projects:detail", args=[value.pk]), value.name)

    def render_value(self, value):
        if value.value_million_vnd is None:
            return value.value_text or "—"
        notes = "; ".join(n for n in (value.notes or []) if isinstance(n, str))
        return format_html("{}{}", vn_number(value.value_million_vnd),
                           format_html('<br><span class="muted small">{}</span>', notes) if notes else "")

    def render_plan(self, value):
        return vn_number(value)

    def render_disbursed(self, value):
        return vn_number(value)

    def render_rate(self, value):
        return vn_percent(value * 100)

    # The downloads (?export=): numbers as numbers.
    def value_name(self, value):
        return value.name

    def value_value(self, value):
        return value.value_million_vnd if value.value_million_vnd is not None else value.value_text

    def value_plan(self, value):
        return value

    def value_disbursed(self, value):
        return value

    def value_rate(self, value):
        return None if value is None else value * 100

    def render_behind(self, value):
        if value is None:
            return "—"
        if value.behind:
            return format_html('<span class="badge rating-risk" title="{}">{}</span>', value.reason, _("Behind plan"))
        return format_html('<span class="muted small" title="{}">{}</span>', value.reason, _("Not behind plan"))


# One project ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneLine:
    milestone: ProjectMilestone
    late: bool  # planned before the as-of date, not reached by then
    done_late: bool  # reached, after the planned date


def milestone_lines(milestones, as_of: date) -> list[MilestoneLine]:
    lines = []
    for ms in milestones:
        late = bool(late_milestones([milestone_to_domain(ms)], ms.project_id, as_of))
        done_late = bool(ms.actual and ms.planned and ms.actual <= as_of and ms.actual > ms.planned)
        lines.append(MilestoneLine(ms, late, done_late))
    return lines



def schedule_lines(schedule) -> list[tuple[str, Decimal]]:
    """A capital plan's schedule in period order: ("Quý II/2025", 40) for {"2025-Q2": "0.4"}."""
    lines = []
    for code, share in (schedule or {}).items():
        try:
            span = FigurePeriod.parse(code)
            lines.append(((span.end, span.start), span.label_vi, Decimal(str(share)) * 100))
        except (ValueError, ArithmeticError):
            continue
    return [(label, pct) for _order, label, pct in sorted(lines)]


def disbursement_chart_for(project: Project, plan, rows: list[CumulativeRow], year: int, as_of: date) -> Chart:
    """Cumulative disbursed against the capital plan due by each month end of ``year`` (to the as-of date)."""
    domain_plan = capital_plan_to_domain(plan) if plan is not None else None
    labels, planned, disbursed = [], [], []
    for month in range(1, 13):
        end = last_day(year, month)
        labels.append(f"T{month}")
        planned.append(domain_plan.amount * planned_share(domain_plan, end)[0] if domain_plan else None)
        if end <= as_of or (as_of.year == year and as_of.month == month):
            disbursed.append(sum((r.amount for r in rows if r.end <= end), Decimal(0)) if rows else None)
        else:
            disbursed.append(None)
    description = gettext_now("%(name)s: cumulative disbursement against the capital plan, %(year)s") % {
        "name": project.name, "year": year}
    return disbursement_chart(project.name, labels, planned, disbursed, gettext_now("Capital plan (cumulative)"),
                              gettext_now("Disbursed (cumulative)"), unit=gettext_now("million VND"),
                              description=description)
