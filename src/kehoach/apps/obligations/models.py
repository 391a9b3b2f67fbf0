"""The reporting calendar: what each agency owes, what it submitted, reminders and escalations.

* ``ReportingSettings`` (one row): the submission deadline of each kind of period, a day of the
  month in which the period's Nghị định 09/2019/NĐ-CP window ends, and how many days before it
  the reminders start.
* ``ReportingObligation``: an agency owes a kind of report (its figures, its task updates, its
  project updates) for every period of the kinds it lists, from ``start`` on.
* ``Submission``: an agency submitted a report for a period (the first submission counts).
* ``Notification``: an in-app message to a user, to an agency's members, or to a leader.
* ``Reminder``: the log of what ``kehoach remind`` sent, which makes it idempotent.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.organisations.models import Agency, Leader
from kehoach.domain.assessment.calendar import REPORT_KINDS, Deadlines
from kehoach.domain.assessment.model import period_label
from kehoach.domain.periods import Period
from kehoach.domain.report_kinds import REPORT_KINDS as REPORT_KINDS_TABLE

# the labels are message ids of the table (domain.report_kinds), translated in the central catalogue
PERIOD_KIND_CHOICES = [(kind.code, _(kind.period_label)) for kind in REPORT_KINDS_TABLE]
FIGURES = "figures"
TASKS = "tasks"
PROJECTS = "projects"
REPORT_CHOICES = [(FIGURES, _("Figures")), (TASKS, _("Task updates")), (PROJECTS, _("Project updates"))]

_DAY = [MinValueValidator(15), MaxValueValidator(31)]


def _deadline_day(label):
    return models.PositiveSmallIntegerField(
        label, default=18, validators=_DAY,
        help_text=_("Day of the month in which the reporting window ends (15 to 31; the month's last day at most)."),
    )


class ReportingSettings(models.Model):
    """One row: submission deadlines per kind of period, and the reminders' lead time."""

    month_day = _deadline_day(_("deadline of monthly reports"))
    quarter_day = _deadline_day(_("deadline of quarterly reports"))
    h1_day = _deadline_day(_("deadline of 6-month reports"))
    nine_months_day = _deadline_day(_("deadline of 9-month reports"))
    year_day = _deadline_day(_("deadline of annual reports"))
    reminder_lead_days = models.PositiveSmallIntegerField(
        _("reminder lead days"), default=3, validators=[MaxValueValidator(31)],
        help_text=_("Reminders are sent every day from this many days before the deadline."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting settings")
        verbose_name_plural = _("reporting settings")

    def __str__(self) -> str:
        return str(_("Reporting settings"))

    def save(self, *args, **kwargs):
        self.pk = 1  # a singleton
        super().save(*args, **kwargs)

    @classmethod
    def get(cls) -> ReportingSettings:
        """The settings in force (the defaults, unsaved, until an administrator saves them)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def deadlines(self) -> Deadlines:
        return Deadlines(self.month_day, self.quarter_day, self.h1_day, self.nine_months_day, self.year_day)


def validate_period_kinds(kinds) -> None:
    if not isinstance(kinds, list) or not kinds or any(k not in REPORT_KINDS for k in kinds):
        raise ValidationError(
            _("Choose one or more of: %(kinds)s."), params={"kinds": ", ".join(REPORT_KINDS)}
        )


class ReportingObligation(models.Model):
    """An agency owes a kind of report for every period of the given kinds, from ``start`` on."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="reporting_obligations",
                               verbose_name=_("agency"))
    kind = models.CharField(_("report"), max_length=20, choices=REPORT_CHOICES)
    period_kinds = models.JSONField(_("reporting periods"), default=list, validators=[validate_period_kinds])
    start = models.DateField(
        _("owed from"), default=timezone.localdate,
        help_text=_("Reports whose deadline falls before this day are not owed."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency", "kind"]
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        constraints = [models.UniqueConstraint(fields=["agency", "kind"], name="reporting_obligation_agency_kind")]

    def __str__(self) -> str:
        return f"{self.agency} – {self.get_kind_display()}"


def validate_report_period(code: str) -> None:
    try:
        period = Period.parse(code)
    except ValueError:
        raise ValidationError(_("Not a reporting period: %(code)s"), params={"code": code}) from None
    if period.kind not in REPORT_KINDS:
        raise ValidationError(_("Not a reporting period: %(code)s"), params={"code": code})


class Submission(models.Model):
    """An agency submitted a report for a period. Natural key: (agency, period, kind)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="submissions",
                               verbose_name=_("agency"))
    kind = models.CharField(_("report"), max_length=20, choices=REPORT_CHOICES)
    period = models.CharField(_("period"), max_length=10, validators=[validate_report_period])
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("submitted by"))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["agency", "period", "kind"], name="submission_agency_period_kind")
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.get_kind_display()} {period_label(self.period)}"

    @property
    def submitted_on(self):
        return timezone.localdate(self.submitted_at)


REMINDER = "reminder"
ESCALATION = "escalation"
LEVEL_CHOICES = [(REMINDER, _("Reminder")), (ESCALATION, _("Escalation"))]


class Notification(models.Model):
    """An in-app message: to a user, to every member of an agency, or to a leader."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="notifications", verbose_name=_("user"))
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="notifications", verbose_name=_("agency"))
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="notifications", verbose_name=_("leader"))
    level = models.CharField(_("level"), max_length=20, choices=LEVEL_CHOICES, default=REMINDER)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        first = self.message.splitlines()[0] if self.message else ""
        return first if len(first) <= 80 else first[:79] + "…"


class Reminder(models.Model):
    """What ``kehoach remind`` sent, one row per report, level and day: it never sends it twice a day."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("agency"))
    kind = models.CharField(_("report"), max_length=20, choices=REPORT_CHOICES)
    period = models.CharField(_("period"), max_length=10)
    level = models.CharField(_("level"), max_length=20, choices=LEVEL_CHOICES)
    due = models.DateField(_("due date"))
    sent_on = models.DateField(_("sent on"))
    recipients = models.TextField(_("recipients"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "agency", "kind", "period"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["agency", "period", "kind", "level", "sent_on"],
                                    name="reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return (f"{self.agency} – {self.get_kind_display()} {period_label(self.period)} ({self.get_level_display()}, "
                f"{self.sent_on:%d/%m/%Y})")
