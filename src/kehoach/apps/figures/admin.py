"""Admin of actual figures: entry, submission and approval go through ``services``; versions are read-only.

Submitting rates the figure first (``services.rating_if_counted``, as of today): one rated chậm or
worse is refused without its causes, difficulties and proposals.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.history.admin import HistoryAdmin
from kehoach.domain.assessment.model import FigureStatus

# Set by the workflow, never typed in.
WORKFLOW_FIELDS = [
    "review_status",
    "version",
    "is_current",
    "entered_by",
    "entered_at",
    "submitted_by",
    "submitted_at",
    "approved_by",
    "approved_at",
]
EXPLANATION_FIELDS = list(services.EXPLANATION_FIELDS)


@admin.register(ActualFigure)
class ActualFigureAdmin(HistoryAdmin):
    list_display = [
        "indicator",
        "period",
        "scope",
        "qualifier",
        "text",
        "unit_text",
        "low",
        "review_status",
        "version",
        "is_current",
        "published",
    ]
    list_filter = ["review_status", "scope", "indicator", "is_current", "period"]
    search_fields = ["indicator__key", "indicator__name", "text", "source", "period"]
    autocomplete_fields = ["indicator", "reporting_agency"]
    list_select_related = ["indicator"]
    readonly_fields = WORKFLOW_FIELDS
    actions = ["submit_selected", "approve_selected"]
    fieldsets = [
        (None, {"fields": ["indicator", "period", "scope"]}),
        (
            _("Value"),
            {"fields": ["text", "qualifier", "unit_text", "comparison", "comparator", "low", "high"]},
        ),
        (_("Provenance"), {"fields": ["source", "published", "reporting_agency"]}),
        (_("Explanation"), {"fields": EXPLANATION_FIELDS}),
        (_("Workflow and version"), {"fields": WORKFLOW_FIELDS}),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return WORKFLOW_FIELDS
        values = [
            name
            for _title, options in self.fieldsets
            for name in options["fields"]
            if name not in WORKFLOW_FIELDS and name not in EXPLANATION_FIELDS
        ]
        if obj.review_status == FigureStatus.DRAFT and obj.is_current:
            # A draft's value changes through a new version (add a figure with the same key);
            # only its explanation is edited in place.
            return [*values, *WORKFLOW_FIELDS]
        return [*values, *EXPLANATION_FIELDS, *WORKFLOW_FIELDS]  # submitted, approved, old versions: never edited

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = {name: form.cleaned_data.get(name) for name in form.cleaned_data}
        recorded = services.record_figure(
            data["indicator"],
            data["period"],
            data["scope"],
            comparator=data.get("comparator") or "=",
            low=data.get("low"),
            high=data.get("high"),
            text=data.get("text") or "",
            qualifier=data.get("qualifier") or "",
            unit_text=data.get("unit_text") or "",
            comparison=data.get("comparison") or "",
            source=data.get("source") or "",
            published=data.get("published"),
            reporting_agency=data.get("reporting_agency"),
            entered_by=request.user,
            cause=data.get("cause") or "",
            difficulties=data.get("difficulties") or "",
            proposals=data.get("proposals") or "",
        )
        stored = recorded.figure
        for field in ActualFigure._meta.concrete_fields:
            setattr(obj, field.attname, getattr(stored, field.attname))
        obj._state.adding = False
        obj._state.db = stored._state.db
        if recorded.action == services.UNCHANGED:
            self.message_user(request, _("The current version already has this value; nothing changed."))
        elif recorded.action == services.REVISED:
            self.message_user(request, _("Recorded as a new version; the previous version is kept."))

    @admin.action(description=_("Submit the selected figures"))
    def submit_selected(self, request, queryset):
        today = timezone.localdate()
        self._apply(
            request,
            queryset,
            lambda figure: services.submit(figure, request.user, rating=services.rating_if_counted(figure, today)),
        )

    @admin.action(description=_("Approve the selected figures"))
    def approve_selected(self, request, queryset):
        self._apply(request, queryset, lambda figure: services.approve(figure, request.user))

    def _apply(self, request, queryset, change) -> None:
        done = 0
        for figure in queryset.select_related("indicator"):
            try:
                change(figure)
                done += 1
            except (ValidationError, PermissionDenied) as exc:
                reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{figure}: {reason}", messages.ERROR)
        if done:
            self.message_user(request, _("%(count)d figure(s) changed.") % {"count": done}, messages.SUCCESS)

