from django.contrib import admin

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.organisations.models import Agency, Leader, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "email"]
    inlines = [MembershipInline]


@admin.register(Leader)
class LeaderAdmin(HistoryAdmin):
    list_display = ["name", "title", "collective", "email"]
    list_filter = ["collective"]
    search_fields = ["name", "title", "email"]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["user", "agency", "role"]
    list_filter = ["role", "agency"]
    search_fields = ["user__username", "user__email", "agency__name"]
    autocomplete_fields = ["user", "agency"]
    list_select_related = ["user", "agency"]
