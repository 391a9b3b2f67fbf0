from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.tasks.models import Task, TaskGroup, TaskMilestone


@admin.register(TaskGroup)
class TaskGroupAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "document"]
    list_filter = ["document"]
    search_fields = ["code", "title"]
    list_select_related = ["document"]


class TaskMilestoneInline(admin.TabularInline):
    model = TaskMilestone
    extra = 0
    fields = ["order", "text", "due", "condition"]


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["number", "code", "content", "deadline_text", "due", "leader", "deadline_understood", "document"]
    list_filter = ["document", "group", "deadline_understood", "leader", "lead", ("due", admin.DateFieldListFilter)]
    search_fields = ["content", "result", "deadline_text", "lead__name", "support__name"]
    autocomplete_fields = ["lead", "support", "leader"]
    list_select_related = ["leader", "document"]
    inlines = [TaskMilestoneInline]


@admin.register(TaskMilestone)
class TaskMilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["task", "order", "text", "due", "condition"]
    list_filter = [("due", admin.DateFieldListFilter), "task__document"]
    search_fields = ["text", "condition", "task__content"]
    list_select_related = ["task"]
