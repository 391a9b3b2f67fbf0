"""API: actual figures. Reading (with the drafts only for those the web shows them to), the bulk
upsert of an agency's figures for a period, submitting, approving (or returning with a reason) and publishing, and the
published figures for everyone.

Rights, as on the web pages (:mod:`kehoach.apps.accounts.roles`):

* reading: signed-in staff (``sees_plan``); drafts and submitted versions only for those who see
  everything (``sees_everything``) and the officers of an agency that monitors the indicator
  (``may_report_any``), as on the indicator's page. A figure the caller may not see is 404.
* bulk upsert and submit: the agency's own officers (``may_report_for``), and only figures of the
  indicators the agency monitors (``figures.entry.FigureChecker``), through the one bulk loop
  (``figures.bulk.record_all`` → ``figures.services.record_figure``) and ``figures.entry.submit_figure``.
* approve, return with a reason (``return_reason``) and publish: Sở Tài chính (``is_finance``), through
  ``figures.services``.

Concurrent edits: a figure shows its ``row_version``; a bulk item and a submit may send the one the
client read, and get 409 (``errors.Stale``) when someone saved the key's figure since
(``figures.services.claim``); without it the write goes through as before (last writer wins).
* /public/figures: everyone, what /public/ shows.
"""


from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Day, Id, ReturnIn, RowVersion, Text, as_of_or_today
from kehoach.apps.api.errors import CONFLICT, ERRORS, Invalid, Stale
from kehoach.apps.api.pagination import Pages
from kehoach.apps.figures import bulk, entry, services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.published import published_figures
from kehoach.apps.indicators.models import VALUE_DIGITS
from kehoach.apps.locking import Conflict
from kehoach.apps.organisations.models import Agency
from kehoach.apps.review.services import entry_day
from kehoach.domain.assessment.model import FigurePeriod

router = Router(tags=["figures"])
LARGEST = Decimal(10) ** (VALUE_DIGITS["max_digits"] - VALUE_DIGITS["decimal_places"])  # what the column holds
public_router = Router(tags=["public"])


class FigureOut(Schema):
    id: int
    indicator: str
    period: str
    scope: str
    comparator: str
    low: Decimal | None
    high: Decimal | None
    text: str = Field(description="The value as published (Vietnamese number).")
    qualifier: str
    unit_text: str
    comparison: str
    source: str
    published: date | None
    reporting_agency: int | None
    status: str
    public: bool
    version: int
    is_current: bool
    row_version: int = Field(description="The edit version: send it back with a change (409 if it moved on).")
    entered_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    returned_at: datetime | None
    return_reason: str = Field(description="Why Sở Tài chính returned it (the latest return), to correct it.")
    cause: str
    difficulties: str
    proposals: str

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.key

    @staticmethod
    def resolve_reporting_agency(obj) -> int | None:
        return obj.reporting_agency_id

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.review_status


class PublicFigureOut(Schema):
    indicator: str
    indicator_name: str
    unit: str
    period: str
    scope: str
    comparator: str
    low: Decimal | None
    high: Decimal | None
    text: str
    qualifier: str
    unit_text: str
    comparison: str
    source: str
    published: date | None
    version: int

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.key

    @staticmethod
    def resolve_indicator_name(obj) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_unit(obj) -> str:
        return obj.indicator.unit


class FigureFilter(FilterSchema):
    indicator: Annotated[Text | None, FilterLookup("indicator__key")] = None
    period: Text | None = None
    status: Annotated[Text | None, FilterLookup("review_status")] = None
    scope: Text | None = None
    agency: Annotated[Id | None, FilterLookup("reporting_agency")] = None
    all_versions: bool = Field(False, description="true: the replaced versions too (default: current ones only).")

    def filter_all_versions(self, value: bool) -> Q:
        return Q() if value else Q(is_current=True)


class PublicFilter(FilterSchema):
    indicator: Annotated[Text | None, FilterLookup("indicator__key")] = None
    period: Text | None = None


def visible_figures(user):
    """The figures the user may read: every one for those who see everything; otherwise the
    approved ones and those of the indicators their agency monitors (drafts included)."""
    rows = ActualFigure.objects.select_related("indicator")
    if roles.sees_everything(user):
        return rows
    mine = roles.agency_ids(user)
    return rows.filter(Q(review_status="approved") | Q(indicator__monitoring_agencies__in=mine)).distinct()


def _monitoring(figure: ActualFigure) -> list[int]:
    return list(figure.indicator.monitoring_agencies.values_list("pk", flat=True))


@router.get("", response={200: list[FigureOut], **ERRORS}, summary="List actual figures")
@paginate(Pages)
def list_figures(request, filters: Query[FigureFilter]):
    roles.require(roles.sees_plan(request.user))
    return filters.filter(visible_figures(request.user)).order_by("indicator__key", "period", "scope", "-version")


@router.get("{int:figure_id}", response={200: FigureOut, **ERRORS}, summary="One figure (one version)")
def get_figure(request, figure_id: Id):
    roles.require(roles.sees_plan(request.user))
    return get_object_or_404(visible_figures(request.user), pk=figure_id)


# Bulk upsert -------------------------------------------------------------------------------------


class FigureIn(Schema):
    indicator: Text = Field(description="The indicator's key (e.g. grdp).")
    value: Text | Decimal = Field(description='As published: a Vietnamese number string ("12,5", "1.234,5", '
                                             '"ước 8,2") or a JSON number (12.5).')
    qualifier: Text = ""
    unit: Text = Field("", description="Unit as published; empty: the indicator's.")
    comparison: Text = Field("", description='What it is compared with ("so với cùng kỳ", "tăng" ...).')
    scope: Text = Field("", description="Territorial scope; empty: the plan's.")
    source: Text = ""
    published: Text = Field("", description="Publication date (dd/mm/yyyy or YYYY-MM-DD); empty: today.")
    cause: Text = ""
    difficulties: Text = ""
    proposals: Text = ""
    row_version: RowVersion | None = Field(None, description="The row_version of the key's current figure as "
                                                          "you read it: 409 and nothing recorded if someone saved "
                                                          "it since. Omitted: no check (last writer wins).")


class BulkIn(Schema):
    agency: Id = Field(description="The reporting agency (its officers only).")
    period: Text = Field(description="Period code: 2025-07, 2025-Q3, 2025-H1, 2025-9M, 2025 ...")
    dry_run: bool = Field(False, description="true: say what would change and change nothing.")
    figures: list[FigureIn]


class VersionOut(Schema):
    id: int
    version: int
    row_version: int
    status: str
    text: str
    qualifier: str
    low: Decimal | None
    high: Decimal | None


class ItemOut(Schema):
    item: int
    indicator: str
    period: str
    scope: str
    action: str = Field(description="created, revised, updated (a draft's explanation or wording) or unchanged")
    old: VersionOut | None
    new: VersionOut


class BulkOut(Schema):
    dry_run: bool
    agency: int
    period: str
    created: int
    revised: int
    updated: int
    unchanged: int
    items: list[ItemOut]


def _version(figure: ActualFigure | None) -> dict | None:
    if figure is None:
        return None
    return {"id": figure.pk, "version": figure.version, "row_version": figure.row_version,
            "status": figure.review_status, "text": figure.text,
            "qualifier": figure.qualifier, "low": figure.low, "high": figure.high}


def _value_text(value: str | Decimal) -> str:
    """A JSON number as the Vietnamese text the importer reads (12.5 → "12,5")."""
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return value.strip()


@router.post("bulk", response={200: BulkOut, **CONFLICT},
             summary="Record an agency's figures for a period (all or nothing; dry_run to preview)")
def bulk_upsert(request, payload: BulkIn, as_of: Day | None = None):
    agency = get_object_or_404(Agency, pk=payload.agency)
    roles.require(roles.may_report_for(request.user, agency.pk))
    try:
        period = FigurePeriod.parse(payload.period).code
    except ValueError:
        raise Invalid(_("Not a period code: %(period)s") % {"period": payload.period},
                      [{"item": None, "field": "period", "message": str(entry.PROBLEM_MESSAGES["period"])
                        % {"found": repr(payload.period)}}]) from None
    published = entry_day(as_of_or_today(as_of)).isoformat()
    checker = entry.FigureChecker(agency)
    entries, problems = [], []
    for i, item in enumerate(payload.figures):
        cells = {"indicator": item.indicator, "period": period, "value": _value_text(item.value),
                 "qualifier": item.qualifier, "unit": item.unit, "comparison": item.comparison, "scope": item.scope,
                 "source": item.source, "published": item.published or published}
        row, found = checker.check(i, cells)
        problems += [{"item": i, "field": column, "message": message} for column, message in found]
        if row is not None and any(x is not None and abs(x) >= LARGEST for x in (row.low, row.high)):
            problems.append({"item": i, "field": "value", "message": _("%(found)s is too large to store")
                             % {"found": repr(cells["value"])}})
            row = None
        if row is not None:
            entries.append(bulk.Entry(i, row, item.cause, item.difficulties, item.proposals, item.row_version))
    if problems:
        raise Invalid(_("Nothing was recorded: %(n)d problem(s) in the figures.") % {"n": len(problems)}, problems)

    counts = {"created": 0, "revised": 0, "updated": 0, "unchanged": 0}
    try:
        done = bulk.record_all(entries, user=request.user, agency=agency, dry_run=payload.dry_run)
    except Conflict as exc:  # nothing was kept
        raise Stale(exc, exc.entry.expected_version, FigureOut, item=exc.entry.position) from None
    items = []
    for item in done:
        row, recorded = item.entry.row, item.recorded
        counts[recorded.action] += 1
        items.append({"item": item.entry.position, "indicator": row.indicator.key, "period": row.period,
                      "scope": row.scope, "action": recorded.action, "old": _version(recorded.previous),
                      "new": _version(recorded.figure)})
    return {"dry_run": payload.dry_run, "agency": agency.pk, "period": period, **counts, "items": items}


# Workflow ----------------------------------------------------------------------------------------


@router.post("{int:figure_id}/submit", response={200: FigureOut, **CONFLICT},
             summary="Submit a draft for approval (chậm or worse: causes, difficulties and proposals first)")
def submit_figure(request, figure_id: Id, as_of: Day | None = None,
                  row_version: RowVersion | None = None):
    roles.require(roles.sees_plan(request.user))
    figure = get_object_or_404(visible_figures(request.user), pk=figure_id)
    roles.require(roles.may_report_any(request.user, _monitoring(figure)))
    try:
        with transaction.atomic():
            services.claim(figure, row_version)
            figure.refresh_from_db()
            return entry.submit_figure(figure, request.user, as_of_or_today(as_of))
    except Conflict as exc:
        raise Stale(exc, row_version, FigureOut) from None


@router.post("{int:figure_id}/approve", response={200: FigureOut, **ERRORS}, summary="Approve a submitted figure")
def approve_figure(request, figure_id: Id):
    roles.require(roles.is_finance(request.user))
    figure = get_object_or_404(ActualFigure.objects.select_related("indicator"), pk=figure_id)
    return services.approve(figure, request.user)


@router.post("{int:figure_id}/return", response={200: FigureOut, **ERRORS},
             summary="Return a submitted figure to its agency with a reason (Sở Tài chính)")
def return_figure(request, figure_id: Id, payload: ReturnIn):
    roles.require(roles.is_finance(request.user))
    figure = get_object_or_404(ActualFigure.objects.select_related("indicator"), pk=figure_id)
    return services.send_back(figure, request.user, payload.return_reason)


@router.post("{int:figure_id}/publish", response={200: FigureOut, **ERRORS},
             summary="Show an approved figure on the public page (public=false withdraws it)")
def publish_figure(request, figure_id: Id, public: bool = True):
    roles.require(roles.is_finance(request.user))
    figure = get_object_or_404(ActualFigure.objects.select_related("indicator"), pk=figure_id)
    return services.publish(figure, request.user, public=public)


# Public ------------------------------------------------------------------------------------------


@public_router.get("figures", auth=None, response={200: list[PublicFigureOut], **ERRORS},
                   summary="Published figures (what /public/ shows), for everyone")
@paginate(Pages)
def public_figures(request, filters: Query[PublicFilter]):
    return published_figures(filters.filter(ActualFigure.objects.all()))
