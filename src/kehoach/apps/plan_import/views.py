"""Văn bản: upload a document, preview what the importer understood, correct it, confirm.

Confirming stores the plan (indicators, tasks, projects) with its Document, so these pages sit
above the plan, beside the store (``importing``); the stored documents' own pages are
``kehoach.apps.documents.views``. The URLs keep the ``documents`` namespace (``kehoach.site.urls``).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from kehoach.apps.documents.models import Document, StagedUpload
from kehoach.apps.documents.views import FinanceMixin
from kehoach.apps.indicators.models import BASIS_CHOICES, Indicator
from kehoach.apps.plan_import import uploads
from kehoach.apps.plan_import.forms import UploadForm
from kehoach.domain.importer.corrections import COLUMN_ROLES, CorrectionError
from kehoach.domain.importer.wording import vietnamese


class UploadView(FinanceMixin, FormView):
    form_class = UploadForm
    template_name = "documents/upload.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(active="documents", **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        staged = uploads.stage(self.request.user, upload.name, upload.read())
        return redirect("documents:preview", pk=staged.pk)


# what a column of a table is read as, as a person says it (kehoach.domain.importer.corrections)
MEANINGS = {
    "key": gettext_lazy("Number (STT)"), "content": gettext_lazy("Task content"),
    "lead": gettext_lazy("Lead agency"), "support": gettext_lazy("Supporting agencies"),
    "deadline": gettext_lazy("Deadline"), "result": gettext_lazy("Result, product"),
    "leader": gettext_lazy("Supervising leader"), "monitoring": gettext_lazy("Monitoring agency"),
    "publication": gettext_lazy("Publication periods"), "unit": gettext_lazy("Unit"),
    "approvals": gettext_lazy("Approving documents"), "value": gettext_lazy("Value"),
    "project": gettext_lazy("Project name"), "name": gettext_lazy("Indicator"), "note": gettext_lazy("Note"),
    "attribute": gettext_lazy("Extra attribute (kept as written)"), "ignored": gettext_lazy("Ignored"),
    "values": gettext_lazy("Values per period or year"), "": gettext_lazy("No header"),
}
ROW_KINDS = {
    "task": gettext_lazy("Task"), "group": gettext_lazy("Group"),
    "continuation": gettext_lazy("Continuation of the row above"), "header": gettext_lazy("Header written again"),
    "read": gettext_lazy("Read (indicator, target or project)"), "skipped": gettext_lazy("Not read"),
}
ROW_MARKS = [("", gettext_lazy("As the importer reads it")), ("task", gettext_lazy("A task")),
             ("group", gettext_lazy("A group")), ("skip", gettext_lazy("Skip this row"))]
TABLE_KINDS = {
    "tasks": gettext_lazy("Task table"), "scenario": gettext_lazy("Trajectory table"),
    "targets": gettext_lazy("Target table"), "projects": gettext_lazy("Project table"),
    "assignments": gettext_lazy("Indicator assignment table"), None: gettext_lazy("Table not understood"),
}


class PreviewView(FinanceMixin, TemplateView):
    """What the importer understood; nothing is stored until the user confirms."""

    template_name = "documents/preview.html"

    def staged(self) -> StagedUpload:
        return get_object_or_404(StagedUpload, pk=self.kwargs["pk"], user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(active="documents", **kwargs)
        staged = self.staged()
        context["staged"] = staged
        try:
            result = uploads.parse(staged, strict=False)
        except uploads.ImportFailure as exc:
            context["failure"] = exc
            return context
        try:
            uploads.require_understood(result)
        except uploads.ImportFailure as exc:
            context["failure"] = exc  # tables found, none understood: shown, for a person to correct
        known = set(Document.objects.values_list("number", flat=True))
        names = {**dict(Indicator.objects.values_list("key", "name")), **{i.key: i.name for i in result.indicators}}
        context.update(
            result=result,
            replaces=[d for d in result.documents if d.number and d.number in known],
            # in Vietnamese, indicators by name: no code a person would have to decipher
            warnings=[SimpleNamespace(location=w.location, text=vietnamese(w, names)) for w in result.warnings],
            # indicators by name, never by key: those the file defines, then those already stored
            indicator_names=names,
            basis_labels={code: str(label) for code, label in BASIS_CHOICES},
            readings=result.readings, meanings=MEANINGS, row_kinds=ROW_KINDS, row_marks=ROW_MARKS,
            table_kinds=TABLE_KINDS, meaning_choices=[(role, MEANINGS[role]) for role in COLUMN_ROLES],
            corrected=bool(staged.corrections),
        )
        return context

    def render_to_response(self, context, **kwargs):
        status = 422 if "failure" in context else 200
        return super().render_to_response(context, status=status, **kwargs)

    def post(self, request, *args, **kwargs):
        staged = self.staged()
        if "cancel" in request.POST:
            staged.delete()
            messages.info(request, _("The upload was discarded; nothing was stored."))
            return redirect("documents:list")
        if "profiles" in request.POST:
            uploads.set_profiles(staged, request.POST["profiles"] == "use")
            return redirect("documents:preview", pk=staged.pk)
        if "correct" in request.POST:
            return self.correct(request, staged)
        try:
            summary = uploads.confirm(staged, request.user)
        except uploads.ImportFailure as exc:
            messages.error(request, str(exc))
            return redirect("documents:preview", pk=staged.pk)
        created = sum(summary.created.values())
        updated = sum(summary.updated.values())
        messages.success(request, _("Imported %(file)s: %(created)d records created, %(updated)d updated.")
                         % {"file": staged.file_name, "created": created, "updated": updated})
        return redirect("documents:list")

    def correct(self, request, staged: StagedUpload):
        """A person's corrections of how the tables are read: kept, and the preview read again with them."""
        try:
            changed = uploads.correct(staged, uploads.parse(staged, strict=False), request.POST.dict())
        except (uploads.ImportFailure, CorrectionError) as exc:
            messages.error(request, str(exc))
            return redirect("documents:preview", pk=staged.pk)
        if changed:
            messages.success(request, _("%(n)d correction(s) kept; the document is read again with them.")
                             % {"n": changed})
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("documents:preview", pk=staged.pk)
