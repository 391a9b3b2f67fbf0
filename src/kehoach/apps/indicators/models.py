"""Indicators and their values. Every value keeps the text as written next to its parsed meaning."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.documents.models import Document
from kehoach.apps.organisations.models import Agency
from kehoach.domain.assessment.model import period_label
from kehoach.domain.entities import Comparator, Direction, IndicatorGroup, MeasureKind, TargetBasis
from kehoach.domain.text import folded_text

MEASURE_KIND_CHOICES = [
    (MeasureKind.FLOW.value, _("Flow (additive over months)")),
    (MeasureKind.GROWTH.value, _("Growth rate against the same period")),
    (MeasureKind.INDEX.value, _("Index (same period = 100)")),
    (MeasureKind.LEVEL.value, _("Level at the end of the period")),
]
DIRECTION_CHOICES = [
    (Direction.HIGHER.value, _("Higher is better")),
    (Direction.LOWER.value, _("Lower is better")),
]
GROUP_CHOICES = [
    (IndicatorGroup.ECONOMY.value, _("Economy")),
    (IndicatorGroup.SOCIETY.value, _("Society")),
    (IndicatorGroup.ENVIRONMENT.value, _("Environment")),
    (IndicatorGroup.OTHER.value, _("Other")),
]
COMPARATOR_CHOICES = [
    (Comparator.EQ.value, "="),
    (Comparator.GT.value, ">"),
    (Comparator.GE.value, "≥"),
    (Comparator.LT.value, "<"),
    (Comparator.LE.value, "≤"),
    (Comparator.RANGE.value, _("range")),
    (Comparator.TEXT.value, _("text only")),
]
BASIS_CHOICES = [
    (TargetBasis.CENTRAL.value, _("Assigned by the central government")),
    (TargetBasis.COUNCIL.value, _("Assigned by the People's Council")),
    (TargetBasis.STRETCH.value, _("Stretch target")),
]

VALUE_DIGITS = {"max_digits": 20, "decimal_places": 6}


class Indicator(models.Model):
    key = models.CharField(_("key"), max_length=200, unique=True)
    name = models.TextField(_("name"))
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    kind = models.CharField(_("kind of measure"), max_length=20, choices=MEASURE_KIND_CHOICES)
    direction = models.CharField(
        _("direction"), max_length=10, choices=DIRECTION_CHOICES, default=Direction.HIGHER.value
    )
    group = models.CharField(_("group"), max_length=20, choices=GROUP_CHOICES, default=IndicatorGroup.OTHER.value)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    monitoring_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="monitored_indicators", verbose_name=_("monitoring agencies")
    )
    publication = models.JSONField(_("publication periods"), default=list, blank=True)
    publication_text = models.CharField(_("publication (as written)"), max_length=300, blank=True)
    lead_text = models.TextField(_("agency cell (as written)"), blank=True,
                                 help_text=_("The agency cell exactly as the document writes it."))
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    search_text = models.TextField(_("search text"), blank=True, editable=False,
                                   help_text=_("Folded text the indicator list searches (kept up to date)."))

    history = HistoricalRecords(m2m_fields=[monitoring_agencies], excluded_fields=["search_text"])

    class Meta:
        ordering = ["key"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def save(self, *args, **kwargs):
        """Keep ``search_text`` up to date."""
        self.search_text = indicator_search_text(self.name, self.key, self.aliases)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.key])


def indicator_search_text(name: str, key: str, aliases) -> str:
    """What an indicator is found by (its name, key and aliases), folded (``domain.text.folded_text``);
    the data migration of ``search_text`` calls it too."""
    texts = [name, key, *(a for a in (aliases or []) if isinstance(a, str))]
    return folded_text(*texts)


class Target(models.Model):
    """A target for a year. Natural key: (indicator, year, basis, scope, document).

    Among the targets of one (indicator, year, basis, scope), the one of the latest-dated
    document is current; every other one is ``superseded_by`` it.
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    comparator = models.CharField(_("comparator"), max_length=10, choices=COMPARATOR_CHOICES)
    low = models.DecimalField(_("low"), null=True, blank=True, **VALUE_DIGITS)
    high = models.DecimalField(_("high"), null=True, blank=True, **VALUE_DIGITS)
    text = models.TextField(_("text as written"), blank=True)
    note = models.TextField(_("note"), blank=True)
    source_unit = models.CharField(_("unit in the document"), max_length=100, blank=True)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="targets", verbose_name=_("document"))
    basis = models.CharField(_("basis"), max_length=30, choices=BASIS_CHOICES)
    scope = models.CharField(_("territorial scope"), max_length=200, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__key", "year", "basis", "scope", "document"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "basis", "scope", "document"], name="target_natural_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} – {self.year}: {self.text}"


class ScenarioValue(models.Model):
    """A value of a growth scenario for a period. Natural key: (indicator, period, document)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="scenario_values", verbose_name=_("indicator")
    )
    period = models.CharField(_("period"), max_length=20)
    comparator = models.CharField(_("comparator"), max_length=10, choices=COMPARATOR_CHOICES)
    low = models.DecimalField(_("low"), null=True, blank=True, **VALUE_DIGITS)
    high = models.DecimalField(_("high"), null=True, blank=True, **VALUE_DIGITS)
    text = models.TextField(_("text as written"), blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="scenario_values", verbose_name=_("document")
    )
    scope = models.CharField(_("territorial scope"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__key", "period", "document"]
        verbose_name = _("scenario value")
        verbose_name_plural = _("scenario values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "document"], name="scenario_value_natural_key"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} – {period_label(self.period)}: {self.text}"


class ReportedFigure(models.Model):
    """A figure a document reports (not a target). Natural key: (indicator, period, scope, document)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="reported_figures", verbose_name=_("indicator")
    )
    period = models.CharField(_("period"), max_length=20)
    comparator = models.CharField(_("comparator"), max_length=10, choices=COMPARATOR_CHOICES)
    low = models.DecimalField(_("low"), null=True, blank=True, **VALUE_DIGITS)
    high = models.DecimalField(_("high"), null=True, blank=True, **VALUE_DIGITS)
    text = models.TextField(_("text as written"), blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=100, blank=True)
    source_unit = models.CharField(_("unit in the document"), max_length=100, blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="reported_figures", verbose_name=_("document")
    )
    scope = models.CharField(_("territorial scope"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__key", "period", "document"]
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "scope", "document"], name="reported_figure_natural_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} – {period_label(self.period)}: {self.text}"


class Territory(models.Model):
    """A territory as plans and figures name it (a scope label), with the days it existed and what it is made of.

    ``name`` is the scope label of targets, scenario values and figures ("Hải Phòng (từ 01/07/2025)").
    ``members``: the territories it was formed from (Hải Phòng from 01/07/2025 = Hải Phòng to
    30/06/2025 + Hải Dương to 30/06/2025). An administrator edits them in the admin; the same shape
    carries communes and the other 2025 mergers.
    """

    name = models.CharField(_("scope label"), max_length=200, unique=True)
    place = models.CharField(_("place"), max_length=200)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    members = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="successors",
                                     verbose_name=_("formed from"))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["place", "valid_from", "name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self) -> str:
        return self.name

    def exists_during(self, start, end) -> bool:
        """Whether the territory existed on some day of [start, end]."""
        return (self.valid_from is None or end >= self.valid_from) and (self.valid_to is None or start <= self.valid_to)
