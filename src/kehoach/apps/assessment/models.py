"""The assessment's settings: overrides of the rating thresholds an official may change.

The thresholds themselves, their defaults and what they mean live in one place,
:mod:`kehoach.domain.assessment.rules` (``Thresholds``); this model only stores the values an
administrator chose instead of a default, and is kept in the history like every record.
"""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.domain.assessment.rules import Bands, Thresholds

_FIELDS = {f.name: f for f in dataclasses.fields(Thresholds)}
_BANDS = {name for name, f in _FIELDS.items() if f.default_factory is not dataclasses.MISSING
          and isinstance(f.default_factory(), Bands)}
_INTS = {"soon_days", "report_day", "condition_days"}
_DECIMALS = {name for name, f in _FIELDS.items() if isinstance(f.default, Decimal)}


def thresholds_from(overrides: dict) -> Thresholds:
    """``Thresholds`` with the given overrides; a ValueError names the first bad entry."""
    values: dict = {}
    for name, raw in (overrides or {}).items():
        try:
            if name in _INTS:
                values[name] = int(raw)
            elif name in _DECIMALS:
                values[name] = Decimal(str(raw))
            elif name in _BANDS:
                good, slight, behind = (Decimal(str(x)) for x in raw)
                values[name] = Bands(good, slight, behind)
            else:
                allowed = ", ".join(sorted(_INTS | _DECIMALS | _BANDS))
                raise ValueError(f"unknown threshold {name!r}: expected one of {allowed}")
        except (TypeError, InvalidOperation, ValueError) as exc:
            if "unknown threshold" in str(exc):
                raise
            shape = "three numbers [đạt, chậm nhẹ, chậm]" if name in _BANDS else "a number"
            raise ValueError(f"threshold {name!r}: {raw!r} is not {shape}") from exc
    return Thresholds(**values)


class AssessmentSettings(models.Model):
    """One row: the threshold overrides in force (empty: every default)."""

    thresholds = models.JSONField(
        _("threshold overrides"), default=dict, blank=True,
        help_text=_('For example {"soon_days": 5, "flow_ratio": [1.0, 0.97, 0.9]}; see docs/assessment.md.'),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment settings")
        verbose_name_plural = _("assessment settings")

    def __str__(self) -> str:
        return str(_("Assessment settings"))

    def clean(self) -> None:
        try:
            thresholds_from(self.thresholds)
        except ValueError as exc:
            raise ValidationError({"thresholds": str(exc)}) from exc

    @classmethod
    def current(cls) -> Thresholds:
        row = cls.objects.order_by("pk").first()
        return thresholds_from(row.thresholds) if row else Thresholds()


def new_epoch() -> str:
    return uuid.uuid4().hex


class DataVersion(models.Model):
    """One row: a number raised after every committed change to what the assessment reads
    (``kehoach.apps.assessment.freshness``), so that a server process knows when an assessment
    it computed earlier is still the one the data gives. ``epoch`` is drawn anew when the row is
    created, so that emptying the table (a flush) never brings back a version seen before with
    other data. Not kept in the history: it is no one's record, only a counter."""

    epoch = models.CharField(max_length=32, default=new_epoch)  # new whenever the row is made again
    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data version")

    def __str__(self) -> str:
        return str(self.number)
