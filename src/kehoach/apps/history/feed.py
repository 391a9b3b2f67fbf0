"""Every change of every record, from the django-simple-history tables: who, when, what, before/after.

``changes(...)`` merges the newest rows of every historical table (bounded by the page asked
for, so a page costs one query per tracked model); ``object_history`` gives one record's
versions with the fields each changed, computed from the ordered versions without more queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.apps import apps
from django.db import models
from django.utils import timezone

from kehoach.apps.history.display import shown

HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


def tracked_models() -> list[type[models.Model]]:
    """The models whose changes are kept (each has a ``history`` manager)."""
    out = []
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        if hasattr(model, "history") and hasattr(model.history, "model"):
            out.append(model)
    return sorted(out, key=lambda m: (m._meta.app_label, m._meta.model_name))


def model_by_label(label: str) -> type[models.Model] | None:
    for model in tracked_models():
        if model._meta.label_lower == label:
            return model
    return None


@dataclass
class Change:
    model: type[models.Model]
    record: models.Model  # the historical row
    fields: list[tuple[str, str, str]]  # (field label, before, after) in words (display.shown); empty when unknown

    @property
    def kind(self) -> str:
        return HISTORY_TYPES.get(self.record.history_type, "")

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


def changes(model: type[models.Model] | None = None, user_id: int | None = None, since: date | None = None,
            until: date | None = None, limit: int | None = 50, offset: int = 0) -> list[Change]:
    """The changes the filters select, newest first: ``limit`` from ``offset`` (None: all of them)."""
    wanted = [model] if model else tracked_models()
    rows: list[Change] = []
    for m in wanted:
        qs = m.history.select_related("history_user").order_by("-history_date", "-history_id")
        if user_id:
            qs = qs.filter(history_user_id=user_id)
        if since:
            qs = qs.filter(history_date__gte=timezone.make_aware(datetime.combine(since, time.min)))
        if until:
            qs = qs.filter(history_date__lte=timezone.make_aware(datetime.combine(until, time.max)))
        rows += [Change(m, r, []) for r in (qs if limit is None else qs[: offset + limit])]
    rows.sort(key=lambda c: (c.record.history_date, c.record.history_id), reverse=True)
    return rows[offset:] if limit is None else rows[offset: offset + limit]


def object_history(model: type[models.Model], pk) -> list[Change]:
    """The versions of one record, newest first, each with the fields it changed."""
    versions = list(model.history.filter(id=pk).select_related("history_user").order_by("history_date",
                                                                                         "history_id"))
    fields = [f for f in model.history.model._meta.fields
              if not f.name.startswith("history_") and f.name not in ("id",)]
    out: list[Change] = []
    previous = None
    related: dict = {}  # the records foreign keys point to, read once

    def words(f, value) -> str:
        return shown(f, value, related)

    for version in versions:
        diff = []
        for f in fields:
            after = getattr(version, f.attname)
            before = getattr(previous, f.attname) if previous is not None else None
            if previous is None and version.history_type == "+":
                if after not in (None, "", [], {}):
                    diff.append((_label(f), "—", words(f, after)))
            elif before != after:
                diff.append((_label(f), words(f, before), words(f, after)))
        out.append(Change(model, version, diff))
        previous = version
    return list(reversed(out))


def _label(field: models.Field) -> str:
    label = str(field.verbose_name)
    return label[:1].upper() + label[1:]
