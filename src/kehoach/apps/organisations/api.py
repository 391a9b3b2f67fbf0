"""API: agencies and leaders, for signed-in staff as on the web pages (``roles.sees_plan``)."""


from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Id, Text
from kehoach.apps.api.errors import ERRORS
from kehoach.apps.api.pagination import Pages
from kehoach.apps.organisations.models import Agency, Leader

router = Router(tags=["agencies and leaders"])


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    aliases: list[str]


class LeaderOut(Schema):
    id: int
    name: str
    title: str
    collective: bool
    aliases: list[str]


class AgencyFilter(FilterSchema):
    kind: Text | None = None
    q: Annotated[Text | None, FilterLookup(["name__icontains", "short_name__icontains"])] = None


class LeaderFilter(FilterSchema):
    q: Annotated[Text | None, FilterLookup(["name__icontains", "title__icontains"])] = None


@router.get("agencies/", response={200: list[AgencyOut], **ERRORS}, summary="List agencies")
@paginate(Pages)
def list_agencies(request, filters: Query[AgencyFilter]):
    roles.require(roles.sees_plan(request.user))
    return filters.filter(Agency.objects.order_by("name"))


@router.get("agencies/{int:agency_id}", response={200: AgencyOut, **ERRORS}, summary="One agency")
def get_agency(request, agency_id: Id):
    roles.require(roles.sees_plan(request.user))
    return get_object_or_404(Agency, pk=agency_id)


@router.get("leaders/", response={200: list[LeaderOut], **ERRORS}, summary="List leaders")
@paginate(Pages)
def list_leaders(request, filters: Query[LeaderFilter]):
    roles.require(roles.sees_plan(request.user))
    return filters.filter(Leader.objects.order_by("name"))


@router.get("leaders/{int:leader_id}", response={200: LeaderOut, **ERRORS}, summary="One leader")
def get_leader(request, leader_id: Id):
    roles.require(roles.sees_plan(request.user))
    return get_object_or_404(Leader, pk=leader_id)
