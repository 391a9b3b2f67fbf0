"""API: key projects with their milestones, capital plans and disbursements, for signed-in staff as on
/projects/ (``roles.sees_plan``). Amounts are decimal strings in million VND, next to the text as written."""


from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Id, Text
from kehoach.apps.api.errors import ERRORS
from kehoach.apps.api.pagination import Pages
from kehoach.apps.projects.models import Project

router = Router(tags=["projects"])


class ProjectMilestoneOut(Schema):
    id: int
    kind: str
    name: str
    planned: date | None
    actual: date | None
    note: str


class CapitalPlanOut(Schema):
    year: int
    amount_million_vnd: Decimal
    source: str
    schedule: dict | None


class DisbursementOut(Schema):
    period: str
    on: date
    amount_million_vnd: Decimal
    reported_on: date | None
    note: str


class ProjectOut(Schema):
    id: int
    document: int
    number: int
    name: str
    group: str
    group_title: str = Field(description="The group as written.")
    funding: str
    funding_title: str
    approvals: str
    value_million_vnd: Decimal | None
    value_text: str = Field(description="The value as written.")
    agency: int | None
    milestones: list[ProjectMilestoneOut]
    capital_plans: list[CapitalPlanOut]
    disbursements: list[DisbursementOut]

    @staticmethod
    def resolve_document(obj) -> int:
        return obj.document_id

    @staticmethod
    def resolve_agency(obj) -> int | None:
        return obj.agency_id

    @staticmethod
    def resolve_milestones(obj) -> list:
        return sorted(obj.milestones.all(), key=lambda m: (m.planned or date.max, m.pk))

    @staticmethod
    def resolve_capital_plans(obj) -> list:
        return sorted(obj.capital_plans.all(), key=lambda p: p.year)

    @staticmethod
    def resolve_disbursements(obj) -> list:
        return sorted(obj.disbursements.all(), key=lambda d: (d.on, d.period))


class ProjectFilter(FilterSchema):
    group: Text | None = None
    funding: Text | None = None
    agency: Id | None = None


def _projects():
    return Project.objects.prefetch_related("milestones", "capital_plans", "disbursements").order_by("document",
                                                                                                      "number")


@router.get("", response={200: list[ProjectOut], **ERRORS}, summary="List key projects")
@paginate(Pages)
def list_projects(request, filters: Query[ProjectFilter]):
    roles.require(roles.sees_plan(request.user))
    return filters.filter(_projects())


@router.get("{int:project_id}", response={200: ProjectOut, **ERRORS}, summary="One key project")
def get_project(request, project_id: Id):
    roles.require(roles.sees_plan(request.user))
    return get_object_or_404(_projects(), pk=project_id)
