"""Văn bản: the stored documents (uploading one is ``kehoach.apps.plan_import.views``, above the plan)."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from kehoach.apps.accounts import roles
from kehoach.apps.documents.filtersets import DocumentFilterSet
from kehoach.apps.documents.models import Document
from kehoach.apps.documents.tables import DocumentTable
from kehoach.domain.entities import Finding
from kehoach.domain.importer.wording import vietnamese
from kehoach.web.views.generic import ObjectListView, ObjectView, StaffMixin


class FinanceMixin(StaffMixin):
    """Sở Tài chính manages the plan's documents."""

    def allowed(self, request) -> bool:
        return roles.is_finance(request.user)


class DocumentListView(FinanceMixin, ObjectListView):
    queryset = Document.objects.annotate(
        task_count=Count("tasks", distinct=True), target_count=Count("targets", distinct=True),
        warning_count=Count("import_warnings", distinct=True),
    )
    filterset = DocumentFilterSet
    table = DocumentTable
    template_name = "documents/document_list.html"

    @property
    def title(self):
        return _("Documents")

    def get_context_data(self, **kwargs):
        return super().get_context_data(active="documents", **kwargs)


class DocumentView(FinanceMixin, ObjectView):
    """One document: what it is, the document it is attached to ("Kèm theo …" as written, linked when
    stored), its appendices, and the warnings of its last import in Vietnamese."""

    model = Document
    template_name = "documents/document_detail.html"

    def get_queryset(self):
        return Document.objects.select_related("parent").annotate(
            task_count=Count("tasks", distinct=True), target_count=Count("targets", distinct=True))

    def extra_context_for(self, document) -> dict:
        return {
            "active": "documents",
            "title": str(document),
            "appendices": list(document.appendices.order_by("date", "file_name")),
            "warnings": [vietnamese(Finding(w.code, w.message)) for w in document.import_warnings.all()],
        }
