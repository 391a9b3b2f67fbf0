"""The history feed as a table, for its downloads (``?export=csv|xlsx``): the columns the page shows."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KINDS = {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}


class ChangeTable(tables.Table):
    when = tables.Column(verbose_name=_("When"), accessor="record__history_date", orderable=False)
    who = tables.Column(verbose_name=_("Who"), accessor="record__history_user", orderable=False, empty_values=())
    kind = tables.Column(verbose_name=_("Change"), orderable=False)
    model = tables.Column(verbose_name=_("Record type"), orderable=False)
    record = tables.Column(verbose_name=_("Record"), accessor="record__instance", orderable=False)

    def value_when(self, value):
        return timezone.localtime(value).replace(tzinfo=None)

    def value_who(self, value):
        return value.username if value is not None else _("system (import or command)")

    def value_kind(self, value):
        return KINDS.get(value, value)

    def value_model(self, value):
        return str(value._meta.verbose_name).capitalize()

    def value_record(self, value):
        return str(value)
