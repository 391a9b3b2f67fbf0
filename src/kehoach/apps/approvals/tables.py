"""The approval queue's three lists as tables, for their downloads (``?export=csv|xlsx&list=...``):
the columns the page shows, without the buttons."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.domain.numbers import NumberFormatError, parse_number


def _number_or_text(text: str):
    try:
        return parse_number(text)
    except NumberFormatError:
        return text


def _explanation(record) -> str:
    parts = [(_("Causes"), record.cause), (_("Difficulties and obstacles"), record.difficulties),
             (_("Proposals"), record.proposals)]
    return "\n".join(f"{label}: {text}" for label, text in parts if text)


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


class SubmittedFigureTable(tables.Table):
    """Rows: (figure, rating) of ``approval_queue(...).figures``."""

    agency = tables.Column(verbose_name=_("Agency"), accessor="0__reporting_agency__name", default="")
    indicator = tables.Column(verbose_name=_("Indicator"), accessor="0__indicator__name")
    period = tables.Column(verbose_name=_("Period"), accessor="0__period")
    scope = tables.Column(verbose_name=_("Scope"), accessor="0__scope")
    qualifier = tables.Column(verbose_name=_("Qualifier"), accessor="0__qualifier")
    value = tables.Column(verbose_name=_("Value"), accessor="0__text")
    unit = tables.Column(verbose_name=_("Unit"), accessor="0__unit_text")
    rating = tables.Column(verbose_name=_("Rating"), accessor="1", empty_values=())
    explanation = tables.Column(verbose_name=_("Explanation"), accessor="0", empty_values=())
    submitted = tables.Column(verbose_name=_("Submitted"), accessor="0__submitted_at", empty_values=())

    def value_value(self, value):
        return _number_or_text(value)

    def value_rating(self, value):
        return value.label if value is not None else ""

    def value_explanation(self, value):
        return _explanation(value)

    def value_submitted(self, value):
        return _local(value)


class SubmittedProgressTable(tables.Table):
    """Rows: (update, task assessment) of ``approval_queue(...).progress``."""

    agency = tables.Column(verbose_name=_("Agency"), accessor="0__task", empty_values=())
    number = tables.Column(verbose_name=_("No."), accessor="0__task__number")
    task = tables.Column(verbose_name=_("Task"), accessor="0__task__content")
    status = tables.Column(verbose_name=_("Status"), accessor="1", empty_values=())
    on = tables.Column(verbose_name=_("Update date"), accessor="0__on")
    progress = tables.Column(verbose_name=_("Progress status"), accessor="0", empty_values=())
    percent = tables.Column(verbose_name=_("Percent complete"), accessor="0__percent", empty_values=())
    note = tables.Column(verbose_name=_("Note"), accessor="0__note")
    evidence = tables.Column(verbose_name=_("Evidence (document number)"), accessor="0__evidence_reference")
    explanation = tables.Column(verbose_name=_("Explanation"), accessor="0", empty_values=())
    submitted = tables.Column(verbose_name=_("Submitted"), accessor="0__submitted_at", empty_values=())

    def value_agency(self, value):
        return "; ".join(a.name for a in value.lead.all())

    def value_status(self, value):
        return value.status.label if value is not None else ""

    def value_progress(self, value):
        return value.get_status_display()

    def value_explanation(self, value):
        return _explanation(value)

    def value_submitted(self, value):
        return _local(value)


class ToPublishTable(tables.Table):
    """Rows: the figures of ``approval_queue(...).to_publish``."""

    indicator = tables.Column(verbose_name=_("Indicator"), accessor="indicator__name")
    period = tables.Column(verbose_name=_("Period"))
    scope = tables.Column(verbose_name=_("Scope"))
    qualifier = tables.Column(verbose_name=_("Qualifier"))
    value = tables.Column(verbose_name=_("Value"), accessor="text")
    unit = tables.Column(verbose_name=_("Unit"), accessor="unit_text")
    agency = tables.Column(verbose_name=_("Agency"), accessor="reporting_agency__name", default="")

    def value_value(self, value):
        return _number_or_text(value)
