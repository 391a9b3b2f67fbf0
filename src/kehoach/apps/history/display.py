"""A stored value as a person reads it in the history: the field's Vietnamese label with Có/Không,
choice labels (statuses), periods in words, a recurrence in words, vi-VN numbers without trailing
zeros, dates as dd/mm/yyyy, the related record's name instead of its id. Never ``False``,
``approved``, ``2025-07`` or ``1800,000000``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext

from kehoach.domain.assessment.model import period_label
from kehoach.web.templatetags.vi import vn_date, vn_number
from kehoach.web.wording import recurrence_words

PERIOD_FIELDS = {"period"}
RECURRENCE_FIELDS = {"recurrence"}


def shown(field: models.Field, value, related: dict | None = None) -> str:
    """``value`` of ``field`` (as read from a historical row: a foreign key is its id) in words."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.name in RECURRENCE_FIELDS:
        return recurrence_words(value)
    if field.name in PERIOD_FIELDS and isinstance(value, str):
        return period_label(value)
    if field.is_relation and field.related_model is not None:
        cache = related if related is not None else {}
        key = (field.related_model, value)
        if key not in cache:
            cache[key] = field.related_model._default_manager.filter(pk=value).first()
        target = cache[key]
        return str(target) if target is not None else f"#{value} ({gettext('deleted')})"
    if isinstance(value, datetime | date):
        return vn_date(value)
    if isinstance(value, Decimal | float | int):
        return vn_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or "—"
    return str(value)
