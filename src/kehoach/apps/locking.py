"""Optimistic locking of rows people edit (a draft figure, a draft progress update).

The bottom layer: used by the apps' models and services and by the admin base; imports no app.

A versioned row (``Versioned``) carries ``row_version``; every save adds one to it in the
database. A form carries the version it was read at; the service that saves it calls
``claim(row, expected_version)`` first, inside its transaction: a conditional
``UPDATE ... WHERE pk = … AND row_version = expected`` that takes the row's lock, or ``Conflict``
(with the row as it is now) when someone else saved it in between. Nothing is overwritten
without the user having seen the other change: the view shows it (``conflict_message``), keeps
the user's input, and the form carries the new version so that saving again is a deliberate
choice.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _


class Conflict(Exception):
    """The row changed since it was read; ``current`` is the row as it is now (None: deleted)."""

    def __init__(self, current):
        super().__init__("the row changed since it was read")
        self.current = current

    @property
    def saved_by(self) -> str:
        record = self._last_record()
        user = getattr(record, "history_user", None) or getattr(self.current, "entered_by", None)
        if user is None:
            return _g("someone")
        return user.get_full_name() or user.get_username()

    @property
    def saved_at(self) -> datetime | None:
        record = self._last_record()
        return getattr(record, "history_date", None)

    def _last_record(self):
        if self.current is None or not hasattr(self.current, "history"):
            return None
        return self.current.history.order_by("-history_date", "-history_id").first()


class Versioned(models.Model):
    """A row that people edit in forms: ``row_version`` goes up by one at every save."""

    row_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk is not None:
            rows = type(self)._base_manager.filter(pk=self.pk)
            rows.update(row_version=models.F("row_version") + 1)
            self.row_version = rows.values_list("row_version", flat=True).first() or 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "row_version"}
        super().save(*args, **kwargs)


def claim(row: Versioned, expected_version: int | None) -> None:
    """``Conflict`` unless the row is still at ``expected_version`` (None: no check); call it inside
    the transaction that saves the row (on PostgreSQL the row stays locked until it ends)."""
    if expected_version is None:
        return
    rows = type(row)._base_manager.filter(pk=row.pk)
    if not rows.filter(row_version=expected_version).update(row_version=expected_version):
        raise Conflict(rows.first())
    row.row_version = expected_version


def shown(value) -> str:
    """A value as the conflict message shows it (dd/mm/yyyy dates, local times, — for nothing)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _value_of(row, name: str) -> str:
    if row._meta.get_field(name).choices:
        return shown(getattr(row, f"get_{name}_display")())
    return shown(getattr(row, name))


def conflict_message(conflict: Conflict, fields: list[str]) -> str:
    """What the user reads: who saved, when, and the values they saved (``fields`` of the row)."""
    current = conflict.current
    if current is None:
        return _g("Someone else deleted this record while you were editing it; your input is still in the form.")
    values = "; ".join(f"{capfirst(current._meta.get_field(name).verbose_name)}: {_value_of(current, name)}"
                       for name in fields)
    when = conflict.saved_at
    return _g("%(who)s saved this record on %(when)s while you were editing it. What they saved: %(values)s. "
              "Your input is still in the form and nothing was overwritten: check it against theirs and save "
              "again to replace it.") % {"who": conflict.saved_by, "when": shown(when), "values": values}
