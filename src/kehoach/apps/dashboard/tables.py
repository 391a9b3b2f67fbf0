"""The published figures as a table, for the public page's downloads (``?export=csv|xlsx``)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from kehoach.domain.numbers import NumberFormatError, parse_number


class PublicFigureTable(tables.Table):
    indicator = tables.Column(verbose_name=_("Indicator"), accessor="indicator__name", orderable=False)
    period = tables.Column(verbose_name=_("Period"), orderable=False)
    qualifier = tables.Column(verbose_name=_("Qualifier"), orderable=False)
    value = tables.Column(verbose_name=_("Value"), accessor="text", orderable=False)
    unit = tables.Column(verbose_name=_("Unit"), accessor="unit_text", orderable=False)
    scope = tables.Column(verbose_name=_("Scope"), orderable=False)
    source = tables.Column(verbose_name=_("Source"), orderable=False)
    published = tables.Column(verbose_name=_("Published on"), orderable=False)

    def value_value(self, value):
        """The value as published, a number when it is one ("47.873,44")."""
        try:
            return parse_number(value)
        except NumberFormatError:
            return value
