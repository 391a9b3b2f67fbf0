"""The leaders' list as a table, for its download (``?export=csv|xlsx``)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _


def leader_table(rows: list[dict], statuses):
    """The leaders' list (``monitoring.leaders.views.scoreboard`` rows): name, task count, one column per status."""
    extra = [(status.value, tables.Column(verbose_name=status.label, accessor=f"by_status__{status.value}"))
             for status in statuses]
    data = [{"leader": row["leader"].name, "total": row["total"],
             "by_status": {status.value: n for status, n in row["counts"]}} for row in rows]
    return LeaderTable(data, extra_columns=extra)


class LeaderTable(tables.Table):
    leader = tables.Column(verbose_name=_("Leader"))
    total = tables.Column(verbose_name=_("Tasks"))
