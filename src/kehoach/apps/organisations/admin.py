from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.organisations.models import Agency, Leader


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


@admin.register(Leader)
class LeaderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "collective"]
    list_filter = ["collective"]
    search_fields = ["name", "title"]
