from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.history.admin import HistoryAdmin
from kehoach.apps.obligations.models import (
    PERIOD_KIND_CHOICES,
    Notification,
    Reminder,
    ReportingObligation,
    ReportingSettings,
    Submission,
)
from kehoach.apps.obligations.services import notifications_for, on_time_rate, owed


@admin.register(ReportingSettings)
class ReportingSettingsAdmin(HistoryAdmin):
    list_display = ["__str__", "month_day", "quarter_day", "h1_day", "nine_months_day", "year_day",
                    "reminder_lead_days"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReportingSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class ObligationForm(forms.ModelForm):
    period_kinds = forms.MultipleChoiceField(
        label=_("reporting periods"), choices=PERIOD_KIND_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ReportingObligation
        fields = ["agency", "kind", "period_kinds", "start"]


@admin.register(ReportingObligation)
class ReportingObligationAdmin(HistoryAdmin):
    form = ObligationForm
    list_display = ["agency", "kind", "periods", "start", "next_due", "rate"]
    list_filter = ["kind"]
    search_fields = ["agency__name"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]

    @admin.display(description=_("reporting periods"))
    def periods(self, obj):
        labels = dict(PERIOD_KIND_CHOICES)
        return ", ".join(str(labels.get(k, k)) for k in obj.period_kinds)

    @admin.display(description=_("next deadline"))
    def next_due(self, obj):
        today = timezone.localdate()
        for item in owed(today, obj.agency):
            if item.kind == obj.kind and item.submitted_on is None and item.due >= today:
                return f"{item.period_label}: {item.due:%d/%m/%Y}"
        return "—"

    @admin.display(description=_("on-time rate"))
    def rate(self, obj):
        on_time, counted, rate = on_time_rate(obj.agency, timezone.localdate())
        return "—" if rate is None else f"{on_time}/{counted} ({rate * 100:.0f}%)"


@admin.register(Submission)
class SubmissionAdmin(HistoryAdmin):
    list_display = ["agency", "kind", "period", "submitted_at", "submitted_by"]
    list_filter = ["kind", ("submitted_at", admin.DateFieldListFilter)]
    search_fields = ["agency__name", "period", "note"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency", "submitted_by"]
    readonly_fields = ["submitted_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)


class ReadFilter(admin.SimpleListFilter):
    title = _("read")
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("no", _("Unread")), ("yes", _("Read"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(read_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(read_at__isnull=False)
        return queryset


@admin.register(Notification)
class NotificationAdmin(HistoryAdmin):
    list_display = ["__str__", "level", "agency", "leader", "user", "created_at", "read_at"]
    list_filter = ["level", ReadFilter, ("created_at", admin.DateFieldListFilter)]
    search_fields = ["message", "agency__name", "leader__name", "user__username"]
    list_select_related = ["agency", "leader", "user"]
    actions = ["mark_read"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(Q(pk__in=notifications_for(request.user).values("pk")))

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request, queryset):
        now = timezone.now()
        for notification in queryset.filter(read_at__isnull=True):  # one by one: the history keeps it
            notification.read_at = now
            notification.save(update_fields=["read_at"])


@admin.register(Reminder)
class ReminderAdmin(HistoryAdmin):
    list_display = ["agency", "kind", "period", "level", "due", "sent_on", "recipients"]
    list_filter = ["level", "kind", ("sent_on", admin.DateFieldListFilter)]
    search_fields = ["agency__name", "period", "recipients"]
    list_select_related = ["agency"]
