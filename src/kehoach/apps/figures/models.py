"""Actual figures: the published value of an indicator for a period, with its provenance and workflow.

The rules (recording, revising, submitting, approving) live in :mod:`kehoach.apps.figures.services`;
this module only says what is stored. A figure is identified by (indicator, period, scope); every
revision of it is a new row with the next ``version``, and exactly one row of a key is current.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.indicators.models import COMPARATOR_CHOICES, VALUE_DIGITS, Indicator
from kehoach.apps.organisations.models import Agency
from kehoach.apps.review.models import Reviewed
from kehoach.domain.assessment.model import QUALIFIERS, FigurePeriod, period_label


class ActualFigure(Reviewed):
    """One version of a published figure. Natural key of the current version: (indicator, period, scope).

    ``comparator``/``low``/``high`` are in the indicator's unit and canonical form (an index
    indicator's "tăng 15,16%" is stored as 115.16); ``text``, ``qualifier``, ``unit_text`` and
    ``comparison`` keep what was published. The review (``review_status``, who and when):
    ``Reviewed``; only the current version moves on in it (``closed_reason``).
    """

    approve_permission = "figures.approve_actualfigure"
    approve_denied = _("Only Sở Tài chính may approve figures.")

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="actual_figures", verbose_name=_("indicator")
    )
    period = models.CharField(_("period"), max_length=40)
    comparator = models.CharField(_("comparator"), max_length=10, choices=COMPARATOR_CHOICES, default="=")
    low = models.DecimalField(_("low"), null=True, blank=True, **VALUE_DIGITS)
    high = models.DecimalField(_("high"), null=True, blank=True, **VALUE_DIGITS)
    text = models.TextField(_("value as published"), blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=20, blank=True)
    unit_text = models.CharField(_("unit as published"), max_length=100, blank=True)
    comparison = models.CharField(_("compared with"), max_length=300, blank=True)
    scope = models.CharField(_("territorial scope"), max_length=200)
    source = models.TextField(_("source"), blank=True)
    published = models.DateField(_("published on"), null=True, blank=True)
    reporting_agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_actual_figures",
        verbose_name=_("reporting agency"),
    )
    public = models.BooleanField(
        _("published to the public"), default=False,
        help_text=_("Shown on the public page; only approved figures can be published."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current version"), default=True)
    cause = models.TextField(_("causes"), blank=True)
    difficulties = models.TextField(_("difficulties and obstacles"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__key", "period", "scope", "-version"]
        verbose_name = _("actual figure")
        verbose_name_plural = _("actual figures")
        permissions = [("approve_actualfigure", _("Can approve actual figures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "scope"],
                condition=models.Q(is_current=True),
                name="actual_figure_one_current",
            ),
            models.UniqueConstraint(fields=["indicator", "period", "scope", "version"], name="actual_figure_version"),
        ]

    def __str__(self) -> str:
        value = f"{self.qualifier} {self.text}".strip()
        return f"{self.indicator.name} – {period_label(self.period)} [{self.scope}]: {value} ({self.version})"

    def closed_reason(self) -> str | None:
        if not self.is_current:
            return _("This version has been replaced by a newer one; work on the current version.")
        return None

    def clean(self) -> None:
        errors = {}
        try:
            FigurePeriod.parse(self.period)
        except ValueError:
            errors["period"] = _(
                "Not a period code: use YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M, YYYY, YYYY-YTD-MM "
                "or YYYY-MM-DD/YYYY-MM-DD."
            )
        if self.qualifier and self.qualifier not in QUALIFIERS:
            errors["qualifier"] = _("The qualifier must be one of: ước, hơn, trên, gần, khoảng (or empty).")
        if errors:
            raise ValidationError(errors)
