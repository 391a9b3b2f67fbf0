from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import ConditionEvent, Task, TaskGroup, TaskMilestone, TaskProgress


@admin.register(TaskGroup)
class TaskGroupAdmin(HistoryAdmin):
    list_display = ["code", "title", "document"]
    list_filter = ["document"]
    search_fields = ["code", "title"]
    list_select_related = ["document"]


class TaskMilestoneInline(admin.TabularInline):
    model = TaskMilestone
    extra = 0
    fields = ["order", "text", "due", "condition"]


@admin.register(Task)
class TaskAdmin(HistoryAdmin):
    list_display = ["number", "code", "content", "deadline_text", "due", "leader", "deadline_understood", "document"]
    list_filter = ["document", "group", "deadline_understood", "leader", "lead", ("due", admin.DateFieldListFilter)]
    search_fields = ["content", "result", "deadline_text", "lead__name", "support__name"]
    autocomplete_fields = ["lead", "support", "leader"]
    list_select_related = ["leader", "document"]
    inlines = [TaskMilestoneInline]


@admin.register(TaskMilestone)
class TaskMilestoneAdmin(HistoryAdmin):
    list_display = ["task", "order", "text", "due", "condition"]
    list_filter = [("due", admin.DateFieldListFilter), "task__document"]
    search_fields = ["text", "condition", "task__content"]
    list_select_related = ["task"]


@admin.register(TaskProgress)
class TaskProgressAdmin(HistoryAdmin):
    list_display = ["task", "on", "status", "percent", "milestone", "occurrence_due", "review_status", "entered_by"]
    list_filter = ["review_status", "status", ("on", admin.DateFieldListFilter), "task__document", "task__lead"]
    search_fields = ["task__content", "note", "evidence_reference", "cause", "difficulties", "proposals"]
    autocomplete_fields = ["task", "milestone"]
    list_select_related = ["task", "milestone", "entered_by"]
    readonly_fields = ["review_status", "entered_by", "entered_at", "submitted_by", "submitted_at", "approved_by",
                       "approved_at"]
    fieldsets = [
        (None, {"fields": ["task", "milestone", "occurrence_due", "on", "status", "percent", "completed_on", "note"]}),
        (_("Evidence"), {"fields": ["evidence_reference", "evidence_file"]}),
        (_("Explanation (required when overdue or about to be)"), {"fields": ["cause", "difficulties", "proposals"]}),
        (_("Workflow"), {"fields": readonly_fields}),
    ]
    actions = ["submit", "approve"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)

    def _apply(self, request, queryset, action, done_message):
        done = 0
        for progress in queryset.select_related("task"):
            try:
                action(progress, request.user)
                done += 1
            except (ValidationError, PermissionDenied) as exc:
                reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{progress}: {reason}", messages.ERROR)
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Submit the selected updates"))
    def submit(self, request, queryset):
        self._apply(request, queryset, services.submit_progress, _("%(count)d update(s) submitted."))

    @admin.action(description=_("Approve the selected updates"))
    def approve(self, request, queryset):
        self._apply(request, queryset, services.approve_progress, _("%(count)d update(s) approved."))


@admin.register(ConditionEvent)
class ConditionEventAdmin(HistoryAdmin):
    list_display = ["task", "happened_on", "due", "milestone", "recorded_by"]
    list_filter = [("happened_on", admin.DateFieldListFilter), "task__document"]
    search_fields = ["task__content", "task__condition", "note"]
    autocomplete_fields = ["task", "milestone"]
    list_select_related = ["task", "milestone", "recorded_by"]
    readonly_fields = ["recorded_by", "recorded_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
