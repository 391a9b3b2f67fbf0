"""Projects listed by a document, with their value as written next to the parsed amount, and how
the key projects progress: milestones, the year's capital plan and what was disbursed.

Disbursement rule: a ``Disbursement`` row holds the amount disbursed *in* its period (not the
cumulative amount); ``on`` is the period's last day (set from the period), ``reported_on`` the day
the amount was reported (empty: at the period's end). The cumulative amount (lũy kế) and the
disbursement rate are computed (``services.cumulative``, ``services.assess``). A project's
periods within a year must not overlap, so summing them never counts a day twice.

Milestones, capital plans and disbursements are entered by people; a re-import of the same
document keeps the project row, hence them (only a project the document no longer lists is
deleted, with them; the history keeps both).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.documents.models import Document
from kehoach.domain.assessment.model import FigurePeriod, period_label

GROUP_CHOICES = [
    ("khanh_thanh", _("To be inaugurated")),
    ("khoi_cong", _("To be started")),
    ("chuyen_tiep", _("Continuing")),
]
FUNDING_CHOICES = [
    ("ngan_sach", _("State budget")),
    ("ngoai_ngan_sach", _("Non-budget capital")),
]


class Project(models.Model):
    """A project of a document's list. Natural key: (document, number)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="projects", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("number"))
    name = models.TextField(_("name"))
    group = models.CharField(_("group"), max_length=20, choices=GROUP_CHOICES)
    group_title = models.TextField(_("group (as written)"), blank=True)
    funding = models.CharField(_("funding"), max_length=20, choices=FUNDING_CHOICES)
    funding_title = models.TextField(_("funding (as written)"), blank=True)
    approvals = models.TextField(_("approvals"), blank=True)
    value_million_vnd = models.DecimalField(
        _("value (million VND)"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    value_text = models.TextField(_("value (as written)"), blank=True)
    agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects",
        verbose_name=_("responsible agency"),
        help_text=_("The agency that reports the project's milestones and disbursement (set by Sở Tài chính)."),
    )
    notes = models.JSONField(_("notes"), default=list, blank=True)
    components = models.JSONField(_("components"), default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="project_natural_key")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])


class ProjectMilestone(models.Model):
    """A milestone of a key project: khởi công, khánh thành, or any other the project adds."""

    KHOI_CONG = "khoi_cong"
    KHANH_THANH = "khanh_thanh"
    OTHER = "other"
    KIND_CHOICES = [(KHOI_CONG, _("Groundbreaking")), (KHANH_THANH, _("Inauguration")), (OTHER, _("Other milestone"))]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones",
                                verbose_name=_("project"))
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    name = models.CharField(_("name"), max_length=300, blank=True)
    planned = models.DateField(_("planned date"), null=True, blank=True)
    actual = models.DateField(_("actual date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "planned", "id"]
        verbose_name = _("project milestone")
        verbose_name_plural = _("project milestones")

    def __str__(self) -> str:
        return self.name or self.get_kind_display()

    def clean(self) -> None:
        if self.kind == self.OTHER and not self.name.strip():
            raise ValidationError({"name": _("Name the milestone.")})


def validate_schedule(schedule) -> None:
    """{"2025-Q2": "0.4", "2025": "1"}: period codes to cumulative shares of the plan (0 to 1)."""
    if not isinstance(schedule, dict):
        raise ValidationError(_('The schedule maps a period code to a share, e.g. {"2025-Q2": "0.4"}.'))
    for code, share in schedule.items():
        try:
            FigurePeriod.parse(code)
            value = Decimal(str(share))
        except (ValueError, ArithmeticError):
            raise ValidationError(
                _("Not a period and share: %(code)s: %(share)s"), params={"code": code, "share": share}
            ) from None
        if not Decimal(0) <= value <= Decimal(1):
            raise ValidationError(_("A share is between 0 and 1: %(code)s"), params={"code": code})


class CapitalPlan(models.Model):
    """The capital plan of a project for a year (kế hoạch vốn năm), in million VND."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="capital_plans",
                                verbose_name=_("project"))
    year = models.PositiveSmallIntegerField(_("year"))
    amount_million_vnd = models.DecimalField(_("planned capital (million VND)"), max_digits=20, decimal_places=6)
    source = models.TextField(_("source"), blank=True)
    schedule = models.JSONField(
        _("disbursement schedule"), default=dict, blank=True, validators=[validate_schedule],
        help_text=_('Optional: cumulative share of the plan due by the end of each period, e.g. '
                    '{"2025-Q2": "0.4", "2025-9M": "0.7", "2025": "1"}. Empty: linear over the months.'),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "year"]
        verbose_name = _("capital plan")
        verbose_name_plural = _("capital plans")
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="capital_plan_project_year")]

    def __str__(self) -> str:
        return f"{self.project} – {self.year}"


class Disbursement(models.Model):
    """The amount disbursed (giải ngân) for a project IN a period, in million VND.

    ``period``: "2025-03", "2025-Q1", "2025-H1", "2025-9M", "2025", "2025-YTD-04" or
    "2025-04-01/2025-04-26"; ``on``: the period's last day, set from it.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="disbursements",
                                verbose_name=_("project"))
    period = models.CharField(_("period"), max_length=30)
    on = models.DateField(_("period end"), editable=False, blank=True)  # set from the period
    amount_million_vnd = models.DecimalField(_("disbursed in the period (million VND)"), max_digits=20,
                                             decimal_places=6)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "on", "period"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        constraints = [models.UniqueConstraint(fields=["project", "period"], name="disbursement_project_period")]

    def __str__(self) -> str:
        return f"{self.project} – {period_label(self.period)}"

    def save(self, *args, **kwargs):
        span = self.figure_period()
        self.period, self.on = span.code, span.end
        super().save(*args, **kwargs)

    def figure_period(self) -> FigurePeriod:
        return FigurePeriod.parse(self.period)

    def clean(self) -> None:
        try:
            span = self.figure_period()
        except ValueError as exc:
            raise ValidationError({"period": str(exc)}) from None
        if span.start.year != span.end.year:
            raise ValidationError({"period": _("A period lies within one year.")})
        self.period, self.on = span.code, span.end
        if self.amount_million_vnd is not None and self.amount_million_vnd < 0:
            raise ValidationError({"amount_million_vnd": _("An amount disbursed is not negative.")})
        if self.project_id is None:
            return
        others = Disbursement.objects.filter(project_id=self.project_id, on__year=span.year).exclude(pk=self.pk)
        for other in others:
            theirs = other.figure_period()
            if theirs.start <= span.end and span.start <= theirs.end:
                raise ValidationError(
                    {"period": _("Overlaps the disbursement of %(period)s: store each amount once, in its own period.")
                     % {"period": other.period}}
                )
