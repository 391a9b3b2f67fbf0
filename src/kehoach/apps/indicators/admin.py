from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.indicators.models import Indicator, ReportedFigure, ScenarioValue, Target, Territory


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["key", "name", "unit", "kind", "direction", "group", "parent"]
    list_filter = ["group", "kind", "direction"]
    search_fields = ["key", "name"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["monitoring_agencies"]
    list_select_related = ["parent"]


@admin.register(Target)
class TargetAdmin(HistoryAdmin):
    list_display = [
        "indicator",
        "year",
        "comparator",
        "low",
        "high",
        "text",
        "basis",
        "scope",
        "document",
        "is_current",
    ]
    list_filter = ["year", "basis", "scope", "document", ("superseded_by", admin.EmptyFieldListFilter)]
    search_fields = ["indicator__key", "indicator__name", "text"]
    autocomplete_fields = ["indicator", "superseded_by"]
    list_select_related = ["indicator", "document"]

    @admin.display(boolean=True, description=_("current"))
    def is_current(self, obj: Target) -> bool:
        return obj.superseded_by_id is None


@admin.register(ScenarioValue)
class ScenarioValueAdmin(HistoryAdmin):
    list_display = ["indicator", "period", "comparator", "low", "high", "text", "scope", "document"]
    list_filter = ["period", "scope", "document"]
    search_fields = ["indicator__key", "indicator__name", "text"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "document"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(HistoryAdmin):
    list_display = ["indicator", "period", "qualifier", "comparator", "low", "high", "text", "scope", "document"]
    list_filter = ["period", "scope", "document"]
    search_fields = ["indicator__key", "indicator__name", "text"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "document"]


@admin.register(Territory)
class TerritoryAdmin(HistoryAdmin):
    list_display = ["name", "place", "valid_from", "valid_to"]
    list_filter = ["place"]
    search_fields = ["name", "place"]
    filter_horizontal = ["members"]
