from django.contrib import admin

from kehoach.apps.assessment.models import AssessmentSettings
from kehoach.apps.history.admin import HistoryAdmin


@admin.register(AssessmentSettings)
class AssessmentSettingsAdmin(HistoryAdmin):
    list_display = ["__str__", "thresholds"]

    def has_add_permission(self, request):  # one row only
        return not AssessmentSettings.objects.exists() and super().has_add_permission(request)
