"""Documents and the warnings their last import produced."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.domain.text import folded_text


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
    # a stand-alone appendix: the "Kèm theo …" line as written, and the document it names once it is stored
    parent_text = models.TextField(_("attached to (as written)"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="appendices", verbose_name=_("attached to"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"))
    search_text = models.TextField(_("search text"), blank=True, editable=False,
                                   help_text=_("Folded text the documents list searches (kept up to date)."))

    history = HistoricalRecords(excluded_fields=["search_text"])

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

    def save(self, *args, **kwargs):
        """Keep ``search_text`` up to date."""
        self.search_text = document_search_text(self.kind, self.number, self.issuer, self.title, self.file_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def key(self) -> str:
        """The key the importer's entities use to name this document."""
        return self.number or self.file_name


def document_search_text(kind: str, number: str, issuer: str, title: str, file_name: str) -> str:
    """What a document is found by in the documents list (kind, number, issuer, title, file name), folded
    (``domain.text.folded_text``); the data migration of ``search_text`` calls it too."""
    return folded_text(kind, number, issuer, title, file_name)


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
    # a person's corrections of how its tables are read (TableCorrections.to_dict() by header key)
    corrections = models.JSONField(_("corrections"), default=dict, blank=True)
    use_profiles = models.BooleanField(_("apply reading profiles"), default=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("uploaded document awaiting confirmation")
        verbose_name_plural = _("uploaded documents awaiting confirmation")

    def __str__(self) -> str:
        return self.file_name


class ReadingProfile(models.Model):
    """How a person said an issuer's table layout is read: column meanings and row marks, kept to be
    applied (and shown as applied) the next time a document of that issuer with that header arrives.

    ``corrections`` is ``kehoach.domain.importer.corrections.TableCorrections.to_dict()`` without cell
    edits (those belong to one document).
    """

    issuer = models.CharField(_("issuer (folded)"), max_length=300, blank=True)
    issuer_name = models.CharField(_("issuer"), max_length=300, blank=True)
    header_key = models.CharField(_("header key"), max_length=40)
    header_text = models.TextField(_("table header"), blank=True)
    corrections = models.JSONField(_("corrections"), default=dict)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("updated by"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["issuer", "header_key"]
        verbose_name = _("reading profile")
        verbose_name_plural = _("reading profiles")
        constraints = [models.UniqueConstraint(fields=["issuer", "header_key"], name="reading_profile_unique_layout")]

    def __str__(self) -> str:
        return f"{self.issuer_name or self.issuer}: {self.header_text[:80]}"


class ImportCorrection(models.Model):
    """What a person corrected in how a table of a document was read, kept with the import: who, when, what."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections",
                                 verbose_name=_("document"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("user"))
    made_at = models.DateTimeField(_("made at"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=255)
    header_key = models.CharField(_("header key"), max_length=40)
    header_text = models.TextField(_("table header"), blank=True)
    corrections = models.JSONField(_("corrections"), default=dict)
    profile = models.CharField(_("reading profile applied"), max_length=400, blank=True)

    class Meta:
        ordering = ["-made_at", "id"]
        verbose_name = _("import correction")
        verbose_name_plural = _("import corrections")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.made_at:%d/%m/%Y})"
