from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kehoach.apps.documents.models import Document, ImportCorrection, ImportWarning, ReadingProfile
from kehoach.apps.history.admin import HistoryAdmin
from kehoach.domain.entities import Finding
from kehoach.domain.importer.wording import vietnamese


@admin.display(description=_("warning, in Vietnamese"))
def said(warning: ImportWarning) -> str:
    """The warning as people read it (kehoach.domain.importer.wording), beside the message as stored."""
    return vietnamese(Finding(warning.code, warning.message))


class ImportWarningInline(admin.TabularInline):
    model = ImportWarning
    extra = 0
    fields = ["line", "column", said, "code", "message"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    list_display = ["number", "kind", "date", "issuer", "scope", "file_name", "imported_at"]
    list_filter = ["kind", "issuer", "scope", "date"]
    search_fields = ["number", "title", "issuer", "file_name", "signer"]
    date_hierarchy = "date"
    readonly_fields = ["sha256", "imported_at"]
    inlines = [ImportWarningInline]


@admin.register(ImportWarning)
class ImportWarningAdmin(HistoryAdmin):
    list_display = ["document", "line", "column", said, "code", "message"]
    list_filter = ["code", "document"]
    search_fields = ["code", "message", "document__number", "document__file_name"]
    list_select_related = ["document"]


@admin.register(ReadingProfile)
class ReadingProfileAdmin(HistoryAdmin):
    """The reading profiles kept for issuers' layouts: deleting one stops it being applied."""

    list_display = ["issuer_name", "header_text", "updated_by", "updated_at"]
    search_fields = ["issuer_name", "header_text"]
    readonly_fields = ["issuer", "header_key", "updated_at"]


@admin.register(ImportCorrection)
class ImportCorrectionAdmin(admin.ModelAdmin):
    """What a person corrected when importing a document: who, when, what (kept as made)."""

    list_display = ["document", "file_name", "user", "made_at", "profile"]
    list_filter = ["document"]
    readonly_fields = ["document", "user", "made_at", "file_name", "header_key", "header_text", "corrections",
                       "profile"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
