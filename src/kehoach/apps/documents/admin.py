from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kehoach.apps.documents.models import Document, ImportWarning
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

