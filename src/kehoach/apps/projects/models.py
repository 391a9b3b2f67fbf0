"""Projects listed by a document, with their value as written next to the parsed amount."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.documents.models import Document

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
