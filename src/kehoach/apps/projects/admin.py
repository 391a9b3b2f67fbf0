from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.projects.models import Project


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "group", "funding", "value_million_vnd", "value_text", "document"]
    list_filter = ["group", "funding", "document"]
    search_fields = ["name", "approvals", "value_text"]
    list_select_related = ["document"]
