from django.contrib import admin

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.steering.models import Comment


@admin.register(Comment)
class CommentAdmin(HistoryAdmin):
    list_display = ["kind", "task", "indicator", "author", "created_at", "acknowledged_at"]
    list_filter = ["kind"]
    search_fields = ["text"]
    raw_id_fields = ["task", "indicator", "author", "acknowledged_by"]
