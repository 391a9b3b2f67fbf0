"""Documents and the warnings their last import produced."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Document(models.Model):
    """An official document. Natural key: ``number``, or ``file_name`` when it has no number."""

    kind = models.CharField(_("kind"), max_length=100)
    number = models.CharField(_("number and symbol"), max_length=100, blank=True)
    issuer = models.CharField(_("issuer"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.TextField(_("title"), blank=True)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=300, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    scope = models.CharField(_("territorial scope"), max_length=200, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "number"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""), name="document_unique_number"),
            models.UniqueConstraint(
                fields=["file_name"], condition=Q(number=""), name="document_unique_unnumbered_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}".strip() if self.number else self.file_name

    @property
    def key(self) -> str:
        """The key the importer's entities use to name this document."""
        return self.number or self.file_name


class ImportWarning(models.Model):
    """A warning of the last import of a document; replaced when the document is imported again."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="import_warnings", verbose_name=_("document")
    )
    code = models.CharField(_("code"), max_length=100)
    message = models.TextField(_("message"))
    line = models.PositiveIntegerField(_("line"), null=True, blank=True)
    column = models.PositiveIntegerField(_("column"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "line", "column", "id"]
        verbose_name = _("import warning")
        verbose_name_plural = _("import warnings")

    def __str__(self) -> str:
        where = f"{self.document.file_name}:{self.line}" if self.line else self.document.file_name
        return f"{where}: [{self.code}] {self.message}"


class StagedUpload(models.Model):
    """A document uploaded through the web, kept between its preview and the confirmation.

    Nothing of it is in the plan until the user confirms; then it is parsed again from these
    exact bytes and stored in one transaction, and the staged copy is deleted.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("uploaded document awaiting confirmation")
        verbose_name_plural = _("uploaded documents awaiting confirmation")

    def __str__(self) -> str:
        return self.file_name
