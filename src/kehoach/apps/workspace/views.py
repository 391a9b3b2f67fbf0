"""Đơn vị: the agency workspace (what an agency owes, entering and submitting it, the Excel template).

Rights (:mod:`kehoach.apps.accounts.roles`): an agency's own officers (and administrators) write in
its workspace; Sở Tài chính and leaders read it; everyone else gets 403. Every POST checks, before
anything else, that the user reports for the agency and that the indicator, task, project, figure
or update it names is the agency's; otherwise 403 and nothing changes. The rules are the
apps' (``figures.entry``, ``tasks.entry``, ``projects.entry``, the review workflow) and this
app's (``overview``, ``dues``, ``workbook``).
"""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.figures import entry as figure_entry
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Agency
from kehoach.apps.review.services import entry_day
from kehoach.apps.steering import services as steering
from kehoach.apps.tasks import entry as task_entry
from kehoach.apps.tasks.models import TaskProgress
from kehoach.apps.workspace import dues, overview, tables, workbook
from kehoach.apps.workspace.forms import (
    ConfirmUploadForm,
    DisbursementForm,
    FigureForm,
    MilestoneForm,
    ProgressForm,
    UploadForm,
)
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus, period_label
from kehoach.domain.text import fold
from kehoach.web.export import ExportMixin
from kehoach.web.views.generic import StaffMixin

# What a conflict shows of the other user's figure.
FIGURE_FIELDS = ("review_status", "period", "scope", "qualifier", "text", "unit_text", "source", "published", "cause",
                 "difficulties", "proposals")
UPLOAD_SESSION_KEY = "kehoach_workspace_upload"
# The sections of the workspace page that show the messages of their actions (``message_place``).
PLACES = ("place-directives", "place-reports", "place-figures", "place-tasks", "place-projects")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class WorkspaceHomeView(ExportMixin, StaffMixin, TemplateView):
    """An officer of one agency goes to its workspace; Sở Tài chính, leaders and administrators get the list
    (``?export=csv|xlsx``: the list as a file)."""

    template_name = "workspace/home.html"
    export_name = "don-vi"

    def allowed(self, request) -> bool:
        return bool(roles.agency_ids(request.user)) or roles.sees_everything(request.user)

    def get(self, request, *args, **kwargs):
        mine = roles.agency_ids(request.user)
        if not roles.sees_everything(request.user) and len(mine) == 1:
            url = reverse("workspace:agency", args=[next(iter(mine))])
            return redirect(url + (f"?{request.GET.urlencode()}" if request.GET else ""))
        return super().get(request, *args, **kwargs)

    def rows(self):
        user = self.request.user
        agencies = None if roles.sees_everything(user) else Agency.objects.filter(pk__in=roles.agency_ids(user))
        return overview.overview(self.as_of, agencies)

    def export_table(self):
        return tables.AgencyOverviewTable(self.rows())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(active="workspace", rows=self.rows(),
                       title=_("Agency workspace"), mine=roles.agency_ids(user))
        return context


class AgencyMixin(StaffMixin):
    """The agency of the URL; its officers write, Sở Tài chính and leaders read."""

    def dispatch(self, request, *args, **kwargs):
        self.agency = get_object_or_404(Agency, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, request) -> bool:
        return roles.may_open_workspace(request.user, self.agency.pk)

    @property
    def writable(self) -> bool:
        return roles.may_report_for(self.request.user, self.agency.pk)

    def workspace_url(self, anchor: str = "") -> str:
        return reverse("workspace:agency", args=[self.agency.pk]) + (f"#{anchor}" if anchor else "")


class WorkspaceView(AgencyMixin, TemplateView):
    template_name = "workspace/agency.html"

    def forms(self, **bound) -> dict:
        agency, as_of = self.agency, self.as_of
        forms = {
            "figure_form": FigureForm(prefix="fig", agency=agency, as_of=as_of,
                                      initial={"published": entry_day(as_of)}),
            "progress_form": ProgressForm(prefix="prog", agency=agency, as_of=as_of),
            "milestone_form": MilestoneForm(prefix="ms", agency=agency),
            "disbursement_form": DisbursementForm(prefix="disb", agency=agency),
        }
        if self.writable and self.request.method == "GET":
            forms.update(self._enter_forms())
            forms.update(self._edit_forms())
        forms.update(bound)
        return forms

    def _enter_forms(self) -> dict:
        """"Nhập" on a row of what is owed: the form of that row, pre-filled (``entry_initial``).

        ``?enter=<indicator key>&period=<code>``: a figure owed; ``?enter_task=<pk>``: a task's update.
        Anything that is not the agency's is ignored (the empty forms stay)."""
        out = {}
        key, code = self.request.GET.get("enter", ""), self.request.GET.get("period", "")
        if key and code and figure_entry.owns_indicator(self.agency, key):
            initial = figure_entry_initial(self.agency, key, code)
            if initial is not None:
                out["figure_form"] = FigureForm(prefix="fig", agency=self.agency, as_of=self.as_of,
                                                initial={"published": entry_day(self.as_of), **initial})
        task_pk = self.request.GET.get("enter_task", "")
        if task_pk and task_entry.owns_task(self.agency, task_pk):
            out["progress_form"] = ProgressForm(prefix="prog", agency=self.agency, as_of=self.as_of,
                                                initial=progress_entry_initial(int(task_pk)))
        return out

    def _edit_forms(self) -> dict:
        """``?edit_figure=pk`` / ``?edit_progress=pk``: a draft of the agency back in its form."""
        out = {}
        figure_pk = self.request.GET.get("edit_figure")
        if figure_pk and figure_entry.owns_figure(self.agency, figure_pk):
            figure = ActualFigure.objects.select_related("indicator").get(pk=figure_pk)
            if figure.editable and figure.is_current:
                out["figure_form"] = FigureForm(prefix="fig", agency=self.agency, as_of=self.as_of,
                                                initial=figure_initial(figure))
        progress_pk = self.request.GET.get("edit_progress")
        if progress_pk and task_entry.owns_progress(self.agency, progress_pk):
            draft = TaskProgress.objects.get(pk=progress_pk)
            if draft.editable:
                out["progress_form"] = ProgressForm(prefix="prog", agency=self.agency, as_of=self.as_of,
                                                    initial=progress_initial(draft))
        return out

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ws = dues.workspace(self.agency, self.as_of)
        context.update(self.forms(**{k: v for k, v in kwargs.items() if k.endswith("_form")}))
        context.update(active="workspace", agency=self.agency, ws=ws, writable=self.writable, places=PLACES,
                       title=self.agency.name, directives=list(steering.directives_for(self.agency)[:50]))
        return context


def figure_initial(figure: ActualFigure, prefix: str = "") -> dict:
    data = {**figure_entry.figure_cells(figure), "cause": figure.cause, "difficulties": figure.difficulties,
            "proposals": figure.proposals, "draft": figure.pk, "version": figure.row_version}
    return {f"{prefix}-{k}" if prefix else k: v for k, v in data.items()}


def figure_entry_initial(agency, key: str, code: str) -> dict | None:
    """The figure form of an owed figure (indicator ``key``, period ``code``): the agency's draft or
    returned figure of that period when there is one; else the indicator, the period in words and,
    from the latest figure of a period as long (the month before ...), its value, unit, scope and
    source to start from. None: ``code`` is not a period."""
    try:
        owed = FigurePeriod.parse(code)
    except ValueError:
        return None
    figures = [(f, FigurePeriod.parse(f.period)) for f in ActualFigure.objects.filter(
        indicator__key=key, indicator__monitoring_agencies=agency, is_current=True).select_related("indicator")
        if _is_code(f.period)]
    for figure, period in figures:
        if period.same_span(owed) and figure.editable:
            return figure_initial(figure)
    length = (owed.end - owed.start).days
    earlier = [(period.end, figure) for figure, period in figures
               if period.end < owed.end and abs((period.end - period.start).days - length) <= 3]
    initial = {"indicator": key, "period": owed.label_vi}
    if earlier:
        last = max(earlier, key=lambda pair: pair[0])[1]
        cells = figure_entry.figure_cells(last)
        initial.update({name: cells[name] for name in ("value", "qualifier", "unit", "comparison", "scope",
                                                        "source")})
    return initial


def _is_code(code: str) -> bool:
    try:
        FigurePeriod.parse(code)
    except ValueError:
        return False
    return True


def progress_entry_initial(task_pk: int) -> dict:
    """The progress form of a task: its draft or returned update when there is one, else the task
    with its latest update's status and percentage to start from."""
    updates = TaskProgress.objects.filter(task_id=task_pk).order_by("-on", "-entered_at", "-pk")
    for update in updates:
        if update.editable:
            return progress_initial(update)
    latest = updates.first()
    initial = {"task": task_pk}
    if latest is not None:
        initial.update(status=latest.status, percent=latest.percent)
    return initial


def progress_initial(progress: TaskProgress, prefix: str = "") -> dict:
    data = {name: getattr(progress, name) for name in task_entry.PROGRESS_FIELDS}
    data.update(task=progress.task_id, draft=progress.pk, version=progress.row_version)
    if prefix:
        data = {f"{prefix}-{k}": ("" if v is None else v) for k, v in data.items()}
    return data


def figure_label(figure: ActualFigure) -> str:
    value = " ".join(x for x in (figure.qualifier, figure.text, figure.unit_text) if x)
    return f"{figure.indicator.name}, {period_label(figure.period)}: {value}"


def figure_message(figure: ActualFigure, action: str) -> str:
    label = figure_label(figure)
    if figure.review_status == FigureStatus.SUBMITTED.value and action != "unchanged":
        return _("Submitted for approval: %(figure)s.") % {"figure": label}
    if action == "unchanged":
        return _("This figure is already recorded (%(status)s): %(figure)s.") % {
            "status": figure.get_review_status_display(), "figure": label}
    return _("Saved as a draft: %(figure)s. Submit it when it is complete.") % {"figure": label}


class WorkspaceTemplateView(AgencyMixin, TemplateView):
    """The Excel template of what the agency owes as of the date."""

    def get(self, request, *args, **kwargs):
        ws = dues.workspace(self.agency, self.as_of)
        name = f"kehoach-{slugify(fold(self.agency.name))}-{self.as_of.isoformat()}.xlsx"
        response = HttpResponse(workbook.build_template(ws), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class WorkspaceUploadView(AgencyMixin, TemplateView):
    """Upload a filled template: a preview with every error first, then one confirmed transaction."""

    template_name = "workspace/upload.html"

    def allowed(self, request) -> bool:
        return self.writable

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context.update(active="workspace", agency=self.agency, title=_("Upload the filled template"))
        return context

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["file"].read()
        try:
            parsed = workbook.parse_upload(self.agency, data, self.as_of)
        except workbook.UploadFileError as exc:
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        digest = hashlib.sha256(data).hexdigest()
        request.session[UPLOAD_SESSION_KEY] = {"agency": self.agency.pk, "digest": digest,
                                               "name": form.cleaned_data["file"].name,
                                               "data": base64.b64encode(data).decode("ascii")}
        return self.preview(parsed, digest, form.cleaned_data["file"].name)

    def preview(self, parsed, digest: str, name: str, errors=None, recorded: bool = False):
        """The rows the file would record, the rows in error (not recorded; to fix in the file), and
        the rows that could be saved as drafts but not submitted (``workbook.submit_refusals``)."""
        confirm = ConfirmUploadForm(initial={"digest": digest})
        refusals = workbook.submit_refusals(self.agency, parsed, self.request.user, self.as_of)
        return self.render_to_response(self.get_context_data(
            parsed=parsed, confirm=confirm, file_name=name, errors=errors if errors is not None else parsed.errors,
            not_submittable=list(refusals.values()), recorded=recorded))



class ConfirmUploadView(WorkspaceUploadView):
    """Record the previewed upload kept in the session, in one transaction (or show why not)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        kept = request.session.get(UPLOAD_SESSION_KEY) or {}
        form = ConfirmUploadForm(request.POST)
        if not form.is_valid() or kept.get("agency") != self.agency.pk or kept.get("digest") != form.cleaned_data[
                "digest"]:
            messages.error(request, _("This upload is no longer waiting for confirmation: upload the file again."))
            return redirect("workspace:upload", pk=self.agency.pk)
        data = base64.b64decode(kept["data"])
        parsed = workbook.parse_upload(self.agency, data, self.as_of)
        submit = form.cleaned_data["submit"]
        left_out = workbook.submit_refusals(self.agency, parsed, request.user, self.as_of) if submit else {}
        valid = workbook.without(parsed, left_out)
        try:
            done = workbook.record_upload(self.agency, valid, request.user, self.as_of, submit=submit)
        except workbook.UploadRefused as exc:
            return self.preview(parsed, kept["digest"], kept.get("name", ""), errors=exc.errors)
        errors = parsed.errors + list(left_out.values())
        if errors:  # the valid rows are recorded; the others stay in the preview, to fix in the file
            self.recorded_message(kept.get("name", ""), done, submit)
            return self.preview(workbook.ParsedUpload(errors=errors), kept["digest"], kept.get("name", ""),
                                errors=errors, recorded=True)
        del request.session[UPLOAD_SESSION_KEY]
        self.recorded_message(kept.get("name", ""), done, submit)
        return redirect(self.workspace_url())

    def recorded_message(self, name: str, done, submit: bool) -> None:
        figures = sum(n for k, n in done.items() if k.startswith("figures_") and k != "figures_submitted")
        messages.success(self.request, _("Recorded from %(file)s: %(figures)d figure(s) and %(updates)d task "
                                         "update(s)%(submitted)s.") % {
            "file": name, "figures": figures, "updates": done["progress_created"],
            "submitted": _(", submitted for approval") if submit else ""})
