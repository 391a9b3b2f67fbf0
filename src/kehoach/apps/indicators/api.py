"""API: indicators with their targets (every version, with what superseded it) and their trajectory
(the scenario's values by period), for signed-in staff as on /indicators/ (``roles.sees_plan``).

Numbers are decimal strings in the indicator's unit (``"12.5"``), next to ``text`` as written.
"""


from decimal import Decimal
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Id, Text, Year
from kehoach.apps.api.errors import ERRORS
from kehoach.apps.api.pagination import Pages
from kehoach.apps.indicators.models import Indicator, ScenarioValue, Target

router = Router(tags=["indicators"])


class IndicatorOut(Schema):
    key: str
    name: str
    unit: str
    kind: str
    direction: str
    group: str
    parent: str | None
    monitoring_agencies: list[int]
    publication: list[str]
    publication_text: str
    aliases: list[str]

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.key if obj.parent_id else None

    @staticmethod
    def resolve_monitoring_agencies(obj) -> list[int]:
        return [a.pk for a in obj.monitoring_agencies.all()]


class DocumentRef(Schema):
    id: int
    number: str
    date: str | None

    @staticmethod
    def resolve_date(obj) -> str | None:
        return obj.date.isoformat() if obj.date else None


class TargetOut(Schema):
    id: int
    indicator: str
    year: int
    comparator: str
    low: Decimal | None
    high: Decimal | None
    text: str
    note: str
    source_unit: str
    basis: str
    scope: str
    document: DocumentRef
    current: bool
    superseded_by: int | None

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.key

    @staticmethod
    def resolve_current(obj) -> bool:
        return obj.superseded_by_id is None

    @staticmethod
    def resolve_superseded_by(obj) -> int | None:
        return obj.superseded_by_id


class ScenarioOut(Schema):
    id: int
    indicator: str
    period: str
    comparator: str
    low: Decimal | None
    high: Decimal | None
    text: str
    scope: str
    document: int

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.key

    @staticmethod
    def resolve_document(obj) -> int:
        return obj.document_id


class IndicatorFilter(FilterSchema):
    group: Text | None = None
    kind: Text | None = None
    agency: Annotated[Id | None, FilterLookup("monitoring_agencies")] = None
    q: Annotated[Text | None, FilterLookup(["key__icontains", "name__icontains"])] = None


class TargetFilter(FilterSchema):
    year: Year | None = None
    basis: Text | None = None
    current: Annotated[bool | None, FilterLookup("superseded_by__isnull")] = None


class ScenarioFilter(FilterSchema):
    period: Annotated[Text | None, FilterLookup("period__startswith")] = None
    scope: Text | None = None


def _indicators():
    return Indicator.objects.select_related("parent").prefetch_related("monitoring_agencies").order_by("key")


@router.get("", response={200: list[IndicatorOut], **ERRORS}, summary="List indicators")
@paginate(Pages)
def list_indicators(request, filters: Query[IndicatorFilter]):
    roles.require(roles.sees_plan(request.user))
    return filters.filter(_indicators()).distinct()


@router.get("{key}", response={200: IndicatorOut, **ERRORS}, summary="One indicator")
def get_indicator(request, key: Text):
    roles.require(roles.sees_plan(request.user))
    return get_object_or_404(_indicators(), key=key)


@router.get("{key}/targets", response={200: list[TargetOut], **ERRORS},
            summary="The indicator's targets, superseded ones too (current=true: those in force)")
@paginate(Pages)
def list_targets(request, key: Text, filters: Query[TargetFilter]):
    roles.require(roles.sees_plan(request.user))
    indicator = get_object_or_404(Indicator, key=key)
    rows = Target.objects.filter(indicator=indicator).select_related("indicator", "document")
    return filters.filter(rows).order_by("-year", "basis", "scope", "-document__date", "pk")


@router.get("{key}/trajectory", response={200: list[ScenarioOut], **ERRORS},
            summary="The indicator's trajectory: the scenario's value of each period")
@paginate(Pages)
def list_trajectory(request, key: Text, filters: Query[ScenarioFilter]):
    roles.require(roles.sees_plan(request.user))
    indicator = get_object_or_404(Indicator, key=key)
    rows = ScenarioValue.objects.filter(indicator=indicator).select_related("indicator")
    return filters.filter(rows).order_by("period", "scope", "pk")
