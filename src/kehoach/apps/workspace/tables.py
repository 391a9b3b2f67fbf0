"""The list of agencies (Đơn vị) as a table, for its download (``?export=csv|xlsx``)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _


class AgencyOverviewTable(tables.Table):
    """Rows: the ``AgencyRow``s of ``workspace.overview`` (Đơn vị, the list of agencies)."""

    agency = tables.Column(verbose_name=_("Agency"), accessor="agency__name")
    indicators = tables.Column(verbose_name=_("Indicators"))
    tasks = tables.Column(verbose_name=_("Tasks"))
    projects = tables.Column(verbose_name=_("Projects"))
    rate = tables.Column(verbose_name=_("On-time reporting"), accessor="rate_percent", empty_values=())
    reports_missing = tables.Column(verbose_name=_("Reports overdue"))
    reports_pending = tables.Column(verbose_name=_("Reports due"))
    drafts = tables.Column(verbose_name=_("Drafts"))
    submitted = tables.Column(verbose_name=_("Awaiting approval"))
    overdue_tasks = tables.Column(verbose_name=_("Tasks overdue"))
    soon_tasks = tables.Column(verbose_name=_("Tasks due soon"))

    def value_rate(self, value):
        return value
