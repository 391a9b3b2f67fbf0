from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    """Administrators see and revoke tokens; a token is created by its owner on /accounts/tokens/."""

    list_display = ["user", "name", "prefix", "created", "last_used", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__username", "name", "prefix"]
    readonly_fields = ["user", "prefix", "created", "last_used"]

    def has_add_permission(self, request):
        return False
