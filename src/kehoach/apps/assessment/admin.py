from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.assessment.models import AssessmentSettings


@admin.register(AssessmentSettings)
class AssessmentSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "thresholds"]

    def has_add_permission(self, request):  # one row only
        return not AssessmentSettings.objects.exists() and super().has_add_permission(request)
