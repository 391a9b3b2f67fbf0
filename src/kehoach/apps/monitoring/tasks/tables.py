"""The task list: number, group, content, lead and supporting agencies, deadline as written, due
date and status as of the page's date (``assess_all``), supervising leader."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import assessment_for
from kehoach.apps.monitoring.tasks.filtersets import by_task
from kehoach.apps.tasks.models import Task
from kehoach.web.templatetags.vi import status_class, vn_date


def _names(agencies) -> str:
    return format_html_join("; ", "{}", ((agency.name,) for agency in agencies)) or "—"


class TaskTable(tables.Table):
    number = tables.Column(verbose_name=_("No."), linkify=True, attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    group = tables.Column(verbose_name=_("Group"), order_by=("group__id",))
    content = tables.Column(verbose_name=_("Task"), linkify=True)
    lead = tables.ManyToManyColumn(verbose_name=_("Lead"), orderable=False)
    support = tables.ManyToManyColumn(verbose_name=_("Support"), orderable=False)
    deadline_text = tables.Column(verbose_name=_("Deadline (as written)"), orderable=False)
    due = tables.Column(verbose_name=_("Due"), empty_values=(), orderable=False)
    leader = tables.Column(verbose_name=_("Supervising leader"), order_by=("leader__name",))
    status = tables.Column(verbose_name=_("Status"), empty_values=(), orderable=False)

    class Meta:
        model = Task
        fields = ["number", "group", "content", "lead", "support", "deadline_text", "due", "leader", "status"]
        order_by = ("number",)
        empty_text = _("No task matches these filters.")
        attrs = {"class": "table tasks"}
        row_attrs = {"data-task": lambda record: record.number}

    def __init__(self, data, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        self._assessments = None
        self._request = request

    @property
    def assessments(self) -> dict:
        if self._assessments is None:
            self._assessments = by_task(assessment_for(self._request)) if self._request is not None else {}
        return self._assessments

    def render_group(self, record):
        return format_html('<span title="{}">{}</span>', record.group.title, record.group.code)

    def render_content(self, value):
        words = value.split()
        return " ".join(words[:30]) + (" …" if len(words) > 30 else "")

    def render_lead(self, record):
        return _names(record.lead.all())

    def render_support(self, record):
        return _names(record.support.all())

    def render_due(self, record):
        assessment = self.assessments.get(record.pk)
        due = assessment.due if assessment is not None else record.due
        return vn_date(due) or "—"

    # The downloads (?export=): the whole content, the due date as a date.
    def value_content(self, value):
        return value

    def value_due(self, record):
        assessment = self.assessments.get(record.pk)
        return assessment.due if assessment is not None else record.due

    def render_leader(self, value):
        return value.name

    def render_status(self, record):
        assessment = self.assessments.get(record.pk)
        if assessment is None:
            return "—"
        return format_html('<span class="badge {}" data-status="{}" title="{}">{}</span>', status_class(assessment.status),
                           assessment.status.value, assessment.detail, assessment.status.label)
