"""Agencies and leaders: shared by every document, keyed by their canonical name.

``Membership`` ties a user account to an agency (as an officer or its head): it is how the
reporting reminders find the people to write to. Agencies and leaders have an e-mail address of
their own (the office's mailbox), blank when unknown; an import never sets or erases it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.domain.entities import AgencyKind

AGENCY_KIND_CHOICES = [
    (AgencyKind.DEPARTMENT.value, _("Department")),
    (AgencyKind.BOARD.value, _("Board")),
    (AgencyKind.BRANCH.value, _("Branch office")),
    (AgencyKind.POLICE.value, _("Police")),
    (AgencyKind.LOCAL.value, _("Local government")),
    (AgencyKind.PARTY.value, _("Party committee")),
    (AgencyKind.COLLECTIVE.value, _("Collective")),
    (AgencyKind.OTHER.value, _("Other")),
]


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=300, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AGENCY_KIND_CHOICES, default=AgencyKind.OTHER.value)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Leader(models.Model):
    name = models.CharField(_("name"), max_length=300, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    collective = models.BooleanField(_("collective"), default=False)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="leader",
        verbose_name=_("user account"), help_text=_("The account this leader signs in with: it opens their portfolio."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user works for an agency, as an officer (cán bộ) or as its head (lãnh đạo đơn vị)."""

    OFFICER = "officer"
    HEAD = "head"
    ROLE_CHOICES = [(OFFICER, _("Officer")), (HEAD, _("Head of the agency"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("agency"))
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES, default=OFFICER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "agency"], name="membership_user_agency")]

    def __str__(self) -> str:
        return f"{self.user} – {self.agency} ({self.get_role_display()})"
