"""Key projects: the stored milestones, capital plans and disbursements as the domain's inputs,
the cumulative disbursement, the disbursement rate and the projects behind plan.

A project is numbered by its database id in the domain inputs. The rules (planned share, what is
"behind") are the domain's (:mod:`kehoach.domain.assessment.projects`); this module only reads the
database and hands them over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.projects import assess_project
from kehoach.domain.assessment.rules import DEFAULT, Thresholds


def milestone_to_domain(milestone: ProjectMilestone) -> m.ProjectMilestone:
    return m.ProjectMilestone(
        project=milestone.project_id,
        kind=milestone.kind,
        planned=milestone.planned,
        actual=milestone.actual,
        label=milestone.name,
    )


def capital_plan_to_domain(plan: CapitalPlan) -> m.CapitalPlan:
    schedule = tuple(sorted((code, Decimal(str(share))) for code, share in (plan.schedule or {}).items()))
    return m.CapitalPlan(project=plan.project_id, year=plan.year, amount=plan.amount_million_vnd, schedule=schedule)


def disbursement_to_domain(disbursement: Disbursement) -> m.Disbursement:
    """The amount disbursed in the period, reported on ``reported_on`` (else the period's last day)."""
    return m.Disbursement(
        project=disbursement.project_id,
        period=disbursement.period,
        amount=disbursement.amount_million_vnd,
        reported_on=disbursement.reported_on or disbursement.on,
    )


@dataclass(frozen=True)
class CumulativeRow:
    period: str
    end: date
    amount: Decimal  # disbursed in the period
    cumulative: Decimal  # disbursed from 1 January to the period's end (lũy kế)


def cumulative(project: Project, year: int, as_of: date | None = None) -> list[CumulativeRow]:
    """The project's disbursements of ``year`` in period order, with the running total.

    ``as_of``: only the amounts reported by then (all when None).
    """
    rows = []
    total = Decimal(0)
    for d in project.disbursements.filter(on__year=year).order_by("on", "period"):
        if as_of is not None and (d.reported_on or d.on) > as_of:
            continue
        total += d.amount_million_vnd
        rows.append(CumulativeRow(d.period, d.on, d.amount_million_vnd, total))
    return rows


def assess(project: Project, as_of: date, year: int | None = None,
           thresholds: Thresholds = DEFAULT) -> m.ProjectAssessment:
    """Disbursed, disbursement rate, planned share and whether the project is behind, as of a date."""
    year = as_of.year if year is None else year
    plan = project.capital_plans.filter(year=year).first()
    return assess_project(
        project.pk,
        capital_plan_to_domain(plan) if plan else None,
        [disbursement_to_domain(d) for d in project.disbursements.all()],
        [milestone_to_domain(ms) for ms in project.milestones.all()],
        as_of,
        thresholds,
    )


def projects_behind(as_of: date, year: int | None = None, thresholds: Thresholds = DEFAULT) -> list[Project]:
    """The projects behind plan as of a date (a late milestone, or disbursement below the planned share)."""
    projects = Project.objects.select_related("document").prefetch_related("capital_plans", "disbursements",
                                                                            "milestones")
    return [p for p in projects if assess(p, as_of, year, thresholds).behind]
