"""Lịch sử: who changed what and when, for every record; one record's versions with before/after."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.history import feed
from kehoach.apps.history.tables import ChangeTable
from kehoach.domain.days import parse_day
from kehoach.web.export import ExportMixin
from kehoach.web.views.generic import StaffMixin

PAGE = 50


class HistoryFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Record type"), required=False)
    user = forms.ModelChoiceField(label=_("Changed by"), required=False, queryset=get_user_model().objects.none())
    since = forms.CharField(label=_("From (dd/mm/yyyy)"), required=False)
    until = forms.CharField(label=_("To (dd/mm/yyyy)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("All"))] + [
            (m._meta.label_lower, str(m._meta.verbose_name_plural).capitalize()) for m in feed.tracked_models()
        ]
        self.fields["user"].queryset = get_user_model().objects.order_by("username")


class HistoryMixin(StaffMixin):
    def allowed(self, request) -> bool:
        return roles.sees_everything(request.user)


class HistoryListView(ExportMixin, HistoryMixin, TemplateView):
    """The feed of changes, newest first, 50 a page; ``?export=csv|xlsx``: every change the filters select."""

    template_name = "history/list.html"
    export_name = "lich-su"

    def filters(self):
        """(form, model, user, since, until) from the query string."""
        data = self.request.GET.copy()
        data.pop("export", None)
        form = HistoryFilterForm(data or None)
        model = user = since = until = None
        if form.is_valid():
            model = feed.model_by_label(form.cleaned_data["model"] or "")
            user = form.cleaned_data["user"]
            since, until = parse_day(form.cleaned_data["since"]), parse_day(form.cleaned_data["until"])
        return form, model, user, since, until

    def export_table(self):
        _form, model, user, since, until = self.filters()
        return ChangeTable(feed.changes(model, user.pk if user else None, since, until, limit=None))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(active="history", **kwargs)
        form, model, user, since, until = self.filters()
        try:
            page = max(int(self.request.GET.get("page", "1")), 1)
        except ValueError:
            page = 1
        rows = feed.changes(model, user.pk if user else None, since, until, limit=PAGE + 1, offset=(page - 1) * PAGE)
        context.update(form=form, changes=rows[:PAGE], page=page, has_next=len(rows) > PAGE)
        return context


class ObjectHistoryView(HistoryMixin, TemplateView):
    template_name = "history/object.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(active="history", **kwargs)
        model = feed.model_by_label(self.kwargs["label"])
        if model is None:
            raise Http404
        versions = feed.object_history(model, self.kwargs["pk"])
        if not versions:
            raise Http404
        context.update(model=model, versions=versions, verbose=model._meta.verbose_name,
                       current=model.objects.filter(pk=self.kwargs["pk"]).first())
        return context
