"""The task list's filters: group, lead and coordinating agency, leader, status as of the chosen
date, due window and a search that ignores diacritics and case ("giai ngan" finds "Giải ngân").

The status and the due date are the assessment's (``assess_all`` as of the page's date): the due
date of the item the task's status is about, the one the list shows (the current occurrence of
a recurring task, the most pressing milestone of a multi-step one). The search matches ``Task.search_text`` (folded with
``domain.text.fold``), so it works alike on SQLite and PostgreSQL.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import (
    Assessment,
    assessment_for,
)
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.tasks.models import Task, TaskGroup
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.domain.text import fold
from kehoach.web.forms import DATE_INPUT_FORMATS, VnDateInput
from kehoach.web.search import FoldedSearchFilter, folded_search

STATUS_CHOICES = [(status.value, status.label) for status in PRIORITY]


def by_number(folded: str) -> Q | None:
    """A search that is a number also finds the task of that number."""
    return Q(number=int(folded)) if folded.isdigit() else None


def search_q(value: str | None) -> Q:
    """The task search (the list page and the API): ``web.search`` (words with or without diacritics)
    or a task number."""
    found = folded_search(value)
    if found is None:
        return Q()
    extra = by_number(fold(value or ""))
    return found | extra if extra is not None else found


def by_task(assessment: Assessment) -> dict:
    """Task id -> its ``TaskAssessment``."""
    return {a.task: a for a in assessment.tasks}


def _group_label(group: TaskGroup) -> str:
    title = group.title if len(group.title) <= 60 else group.title[:59].rsplit(" ", 1)[0] + " …"
    return f"{group.code}. {title}" if group.code else title



class TaskFilterSet(django_filters.FilterSet):
    q = FoldedSearchFilter(
        label=_("Search"), also=by_number,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. giai ngan")}),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="by_status",
                                         empty_label=_("Any status"))
    group = django_filters.ModelChoiceFilter(
        label=_("Group"), queryset=TaskGroup.objects.all(), empty_label=_("Any group"))
    lead = django_filters.ModelChoiceFilter(
        label=_("Lead agency"), queryset=Agency.objects.filter(lead_tasks__isnull=False).distinct(),
        empty_label=_("Any agency"))
    support = django_filters.ModelChoiceFilter(
        label=_("Coordinating agency"), queryset=Agency.objects.filter(support_tasks__isnull=False).distinct(),
        empty_label=_("Any agency"))
    leader = django_filters.ModelChoiceFilter(
        label=_("Supervising leader"), queryset=Leader.objects.filter(tasks__isnull=False).distinct(),
        empty_label=_("Any leader"))
    due_from = django_filters.DateFilter(label=_("Due from"), method="by_due", widget=VnDateInput(),
                                         input_formats=DATE_INPUT_FORMATS)
    due_to = django_filters.DateFilter(label=_("Due to"), method="by_due", widget=VnDateInput(),
                                       input_formats=DATE_INPUT_FORMATS)

    class Meta:
        model = Task
        fields = ["q", "status", "group", "lead", "support", "leader", "due_from", "due_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["group"].label_from_instance = _group_label

    @property
    def assessment(self) -> Assessment:
        return assessment_for(self.request)

    def by_status(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=[a.task for a in self.assessment.tasks if a.status.value == value])

    def by_due(self, queryset, name, value):
        if value is None:
            return queryset
        if name == "due_from":
            ids = [a.task for a in self.assessment.tasks if a.due is not None and a.due >= value]
        else:
            ids = [a.task for a in self.assessment.tasks if a.due is not None and a.due <= value]
        return queryset.filter(pk__in=ids)
