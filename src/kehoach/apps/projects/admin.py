from django.contrib import admin

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.projects.models import CapitalPlan, Disbursement, Project, ProjectMilestone


class ProjectMilestoneInline(admin.TabularInline):
    model = ProjectMilestone
    extra = 0
    fields = ["kind", "name", "planned", "actual", "note"]


class CapitalPlanInline(admin.TabularInline):
    model = CapitalPlan
    extra = 0
    fields = ["year", "amount_million_vnd", "source", "schedule"]


class DisbursementInline(admin.TabularInline):
    model = Disbursement
    extra = 0
    fields = ["period", "amount_million_vnd", "reported_on", "note"]


@admin.register(Project)
class ProjectAdmin(HistoryAdmin):
    list_display = ["number", "name", "group", "funding", "value_million_vnd", "value_text", "document"]
    list_filter = ["group", "funding", "document"]
    search_fields = ["name", "approvals", "value_text"]
    list_select_related = ["document"]
    inlines = [ProjectMilestoneInline, CapitalPlanInline, DisbursementInline]


@admin.register(ProjectMilestone)
class ProjectMilestoneAdmin(HistoryAdmin):
    list_display = ["project", "kind", "name", "planned", "actual"]
    list_filter = ["kind", ("planned", admin.DateFieldListFilter), "project__document"]
    search_fields = ["name", "note", "project__name"]
    autocomplete_fields = ["project"]
    list_select_related = ["project"]


@admin.register(CapitalPlan)
class CapitalPlanAdmin(HistoryAdmin):
    list_display = ["project", "year", "amount_million_vnd", "source"]
    list_filter = ["year"]
    search_fields = ["project__name", "source"]
    autocomplete_fields = ["project"]
    list_select_related = ["project"]


@admin.register(Disbursement)
class DisbursementAdmin(HistoryAdmin):
    list_display = ["project", "period", "on", "amount_million_vnd", "reported_on"]
    list_filter = [("on", admin.DateFieldListFilter)]
    search_fields = ["project__name", "period", "note"]
    autocomplete_fields = ["project"]
    list_select_related = ["project"]
