"""Đơn vị: the agency workspace (what an agency owes, entering and submitting it, the Excel template)
and Sở Tài chính's approval queue.

Rights (:mod:`kehoach.apps.accounts.roles`): an agency's own officers (and administrators) write in
its workspace; Sở Tài chính and leaders read it; everyone else gets 403. Every POST checks, before
anything else, that the user reports for the agency and that the indicator, task, project, figure
or update it names is the agency's; otherwise 403 and nothing changes. The rules are the
services' (:mod:`kehoach.apps.organisations.workspace`).
"""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.figures import services as figure_services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.history import locking
from kehoach.apps.organisations import tables
from kehoach.apps.organisations import workspace as services
from kehoach.apps.organisations.forms import (
    ConfirmUploadForm,
    DisbursementForm,
    FigureForm,
    MilestoneForm,
    ProgressForm,
    UploadForm,
    show_conflict,
)
from kehoach.apps.organisations.models import Agency
from kehoach.apps.reporting import services as reporting
from kehoach.apps.steering import services as steering
from kehoach.apps.steering.models import Comment
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment.model import FigureStatus
from kehoach.domain.text import fold
from kehoach.web.export import ExportMixin
from kehoach.web.views.generic import StaffMixin

# What a conflict shows of the other user's figure.
FIGURE_FIELDS = ("status", "period", "scope", "qualifier", "text", "unit_text", "source", "published", "cause",
                 "difficulties", "proposals")
UPLOAD_SESSION_KEY = "kehoach_workspace_upload"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class WorkspaceHomeView(ExportMixin, StaffMixin, TemplateView):
    """An officer of one agency goes to its workspace; Sở Tài chính, leaders and administrators get the list
    (``?export=csv|xlsx``: the list as a file)."""

    template_name = "organisations/workspace_home.html"
    export_name = "don-vi"

    def allowed(self, request) -> bool:
        return bool(roles.agency_ids(request.user)) or roles.sees_everything(request.user)

    def get(self, request, *args, **kwargs):
        mine = roles.agency_ids(request.user)
        if not roles.sees_everything(request.user) and len(mine) == 1:
            url = reverse("organisations:workspace", args=[next(iter(mine))])
            return redirect(url + (f"?{request.GET.urlencode()}" if request.GET else ""))
        return super().get(request, *args, **kwargs)

    def rows(self):
        user = self.request.user
        agencies = None if roles.sees_everything(user) else Agency.objects.filter(pk__in=roles.agency_ids(user))
        return services.overview(self.as_of, agencies)

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
        return reverse("organisations:workspace", args=[self.agency.pk]) + (f"#{anchor}" if anchor else "")


class WorkspaceView(AgencyMixin, TemplateView):
    template_name = "organisations/workspace.html"

    def forms(self, **bound) -> dict:
        agency, as_of = self.agency, self.as_of
        forms = {
            "figure_form": FigureForm(prefix="fig", agency=agency, as_of=as_of,
                                      initial={"published": services.entry_day(as_of)}),
            "progress_form": ProgressForm(prefix="prog", agency=agency, as_of=as_of),
            "milestone_form": MilestoneForm(prefix="ms", agency=agency),
            "disbursement_form": DisbursementForm(prefix="disb", agency=agency),
        }
        if self.writable and self.request.method == "GET":
            forms.update(self._edit_forms())
        forms.update(bound)
        return forms

    def _edit_forms(self) -> dict:
        """``?edit_figure=pk`` / ``?edit_progress=pk``: a draft of the agency back in its form."""
        out = {}
        figure_pk = self.request.GET.get("edit_figure")
        if figure_pk and services.owns_figure(self.agency, figure_pk):
            figure = ActualFigure.objects.select_related("indicator").get(pk=figure_pk)
            if figure.status == FigureStatus.DRAFT.value and figure.is_current:
                out["figure_form"] = FigureForm(prefix="fig", agency=self.agency, as_of=self.as_of,
                                                initial=_figure_initial(figure))
        progress_pk = self.request.GET.get("edit_progress")
        if progress_pk and services.owns_progress(self.agency, progress_pk):
            draft = TaskProgress.objects.get(pk=progress_pk)
            if draft.workflow == TaskProgress.DRAFT:
                out["progress_form"] = ProgressForm(prefix="prog", agency=self.agency, as_of=self.as_of,
                                                    initial=_progress_initial(draft))
        return out

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ws = services.workspace(self.agency, self.as_of)
        context.update(self.forms(**{k: v for k, v in kwargs.items() if k.endswith("_form")}))
        context.update(active="workspace", agency=self.agency, ws=ws, writable=self.writable,
                       title=self.agency.name, directives=list(steering.directives_for(self.agency)[:50]))
        return context

    # -- POST: check the rights first, then hand over to the services --------------------------------

    OWNED = {
        "figure": [("fig-indicator", services.owns_indicator)],
        "figure-submit": [("fig-indicator", services.owns_indicator)],
        "submit-figure": [("figure", services.owns_figure)],
        "progress": [("prog-task", services.owns_task), ("prog-draft", services.owns_progress)],
        "progress-submit": [("prog-task", services.owns_task), ("prog-draft", services.owns_progress)],
        "submit-progress": [("progress", services.owns_progress)],
        "milestone": [("ms-milestone", services.owns_milestone)],
        "disbursement": [("disb-project", services.owns_project)],
        "acknowledge": [("comment", services.owns_directive)],
        "submit-report": [],
    }
    REQUIRED = {"submit-figure": "figure", "submit-progress": "progress", "acknowledge": "comment",
                "submit-report": "report-period"}

    def post(self, request, *args, **kwargs):
        roles.require(self.writable)
        action = request.POST.get("action", "")
        if action not in self.OWNED:
            return HttpResponseBadRequest(_("Unknown action."))
        if action in self.REQUIRED and not request.POST.get(self.REQUIRED[action]):
            raise PermissionDenied
        for name, owns in self.OWNED[action]:
            value = request.POST.get(name, "").strip()
            if value and not owns(self.agency, value):
                raise PermissionDenied
        handler = {
            "figure": self.enter_figure, "figure-submit": self.enter_figure, "submit-figure": self.submit_figure,
            "progress": self.enter_progress, "progress-submit": self.enter_progress,
            "submit-progress": self.submit_progress, "milestone": self.record_milestone,
            "disbursement": self.record_disbursement, "acknowledge": self.acknowledge,
            "submit-report": self.submit_report,
        }[action]
        return handler(request, submit=action.endswith("-submit"))

    def again(self, status=200, **forms):
        return self.render_to_response(self.get_context_data(**forms), status=status)

    def submit_report(self, request, submit: bool):
        """The agency's periodic report is sent (the reporting calendar's submission, on time or late)."""
        try:
            reporting.record_submission(self.agency, request.POST.get("report-kind", ""),
                                        request.POST["report-period"], user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.workspace_url("reports"))
        messages.success(request, _("The report is recorded as sent."))
        return redirect(self.workspace_url("reports"))

    def acknowledge(self, request, submit: bool):
        comment = get_object_or_404(Comment, pk=services.pk_of(request.POST["comment"]))
        steering.acknowledge(comment, request.user)
        messages.success(request, _("The directive is acknowledged."))
        return redirect(self.workspace_url("directives"))

    def enter_figure(self, request, submit: bool):
        form = FigureForm(request.POST, prefix="fig", agency=self.agency, as_of=self.as_of)
        if not form.is_valid():
            return self.again(figure_form=form)
        try:
            with transaction.atomic():
                figure, action = services.enter_figure(self.agency, form.entry, request.user,
                                                       edited=form.cleaned_data.get("draft"),
                                                       expected_version=form.cleaned_data.get("version"))
                if submit and figure.status == FigureStatus.DRAFT.value:
                    figure = services.submit_figure(figure, request.user, self.as_of)
        except locking.Conflict as exc:
            show_conflict(form, exc, FIGURE_FIELDS)
            return self.again(status=409, figure_form=form)
        except figure_services.ExplanationRequired as exc:
            _explanation_errors(form, exc)
            return self.again(figure_form=form)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.again(figure_form=form)
        messages.success(request, _figure_message(figure, action))
        return redirect(self.workspace_url("figures"))

    def submit_figure(self, request, submit: bool):
        figure = ActualFigure.objects.select_related("indicator").get(pk=request.POST["figure"])
        try:
            services.submit_figure(figure, request.user, self.as_of)
        except figure_services.ExplanationRequired as exc:
            form = FigureForm(_figure_initial(figure, prefix="fig"), prefix="fig", agency=self.agency,
                              as_of=self.as_of)
            form.is_valid()
            _explanation_errors(form, exc)
            return self.again(figure_form=form)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.workspace_url("figures"))
        messages.success(request, _("Submitted for approval: %(figure)s.") % {"figure": _figure_label(figure)})
        return redirect(self.workspace_url("figures"))

    def enter_progress(self, request, submit: bool):
        form = ProgressForm(request.POST, prefix="prog", agency=self.agency, as_of=self.as_of)
        if not form.is_valid():
            return self.again(progress_form=form)
        task = form.cleaned_data["task"]
        try:
            with transaction.atomic():
                progress = services.enter_progress(task, form.values, request.user, draft=form.cleaned_data["draft"],
                                                   expected_version=form.cleaned_data.get("version"))
                if submit:
                    services.submit_progress(progress, request.user, self.as_of)
        except locking.Conflict as exc:
            show_conflict(form, exc, ("workflow", *services.PROGRESS_FIELDS))
            return self.again(status=409, progress_form=form)
        except ValidationError as exc:
            if isinstance(exc, task_services.ExplanationRequired):
                form.add_error(None, exc.messages[0])
            form.show(exc)
            return self.again(progress_form=form)
        done = _("Submitted for approval: the update of task %(number)s.") if submit else \
            _("Saved as a draft: the update of task %(number)s. Submit it when it is complete.")
        messages.success(request, done % {"number": task.number})
        return redirect(self.workspace_url("tasks"))

    def submit_progress(self, request, submit: bool):
        progress = TaskProgress.objects.select_related("task").get(pk=request.POST["progress"])
        try:
            services.submit_progress(progress, request.user, self.as_of)
        except task_services.ExplanationRequired as exc:
            form = ProgressForm(_progress_initial(progress, prefix="prog"), prefix="prog", agency=self.agency,
                                as_of=self.as_of)
            form.is_valid()
            form.add_error(None, exc.messages[0])
            form.show(exc)
            return self.again(progress_form=form)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.workspace_url("tasks"))
        messages.success(request, _("Submitted for approval: the update of task %(number)s.")
                         % {"number": progress.task.number})
        return redirect(self.workspace_url("tasks"))

    def record_milestone(self, request, submit: bool):
        form = MilestoneForm(request.POST, prefix="ms", agency=self.agency)
        if form.is_valid():
            try:
                milestone = services.record_milestone(form.cleaned_data["milestone"], form.cleaned_data["actual"],
                                                      form.cleaned_data["note"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Recorded: %(milestone)s reached on %(day)s.")
                                 % {"milestone": milestone, "day": f"{milestone.actual:%d/%m/%Y}"})
                return redirect(self.workspace_url("projects"))
        return self.again(milestone_form=form)

    def record_disbursement(self, request, submit: bool):
        form = DisbursementForm(request.POST, prefix="disb", agency=self.agency)
        if form.is_valid():
            data = form.cleaned_data
            try:
                row = services.record_disbursement(data["project"], data["period"], data["amount"],
                                                   data["reported_on"], data["note"])
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for name, errors in exc.error_dict.items():
                        form.add_error({"amount_million_vnd": "amount"}.get(name, name)
                                       if name in ("period", "amount_million_vnd", "reported_on", "note") else None,
                                       errors)
                else:
                    form.add_error(None, exc)
            else:
                messages.success(request, _("Recorded: the disbursement of %(period)s for project %(number)s.")
                                 % {"period": row.period, "number": row.project.number})
                return redirect(self.workspace_url("projects"))
        return self.again(disbursement_form=form)


def _figure_initial(figure: ActualFigure, prefix: str = "") -> dict:
    data = {**services.figure_cells(figure), "cause": figure.cause, "difficulties": figure.difficulties,
            "proposals": figure.proposals, "draft": figure.pk, "version": figure.row_version}
    return {f"{prefix}-{k}" if prefix else k: v for k, v in data.items()}


def _progress_initial(progress: TaskProgress, prefix: str = "") -> dict:
    data = {name: getattr(progress, name) for name in services.PROGRESS_FIELDS}
    data.update(task=progress.task_id, draft=progress.pk, version=progress.row_version)
    if prefix:
        data = {f"{prefix}-{k}": ("" if v is None else v) for k, v in data.items()}
    return data


def _explanation_errors(form, exc: figure_services.ExplanationRequired) -> None:
    form.add_error(None, exc)
    for name in exc.missing:
        if name in form.fields:
            form.add_error(name, _("Required for a figure rated “Chậm” or worse."))


def _figure_label(figure: ActualFigure) -> str:
    value = " ".join(x for x in (figure.qualifier, figure.text, figure.unit_text) if x)
    return f"{figure.indicator.name}, {figure.period}: {value}"


def _figure_message(figure: ActualFigure, action: str) -> str:
    label = _figure_label(figure)
    if figure.status == FigureStatus.SUBMITTED.value and action != "unchanged":
        return _("Submitted for approval: %(figure)s.") % {"figure": label}
    if action == "unchanged":
        return _("This figure is already recorded (%(status)s): %(figure)s.") % {
            "status": figure.get_status_display(), "figure": label}
    return _("Saved as a draft: %(figure)s. Submit it when it is complete.") % {"figure": label}


class WorkspaceTemplateView(AgencyMixin, TemplateView):
    """The Excel template of what the agency owes as of the date."""

    def get(self, request, *args, **kwargs):
        ws = services.workspace(self.agency, self.as_of)
        name = f"kehoach-{slugify(fold(self.agency.name))}-{self.as_of.isoformat()}.xlsx"
        response = HttpResponse(services.build_template(ws), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class WorkspaceUploadView(AgencyMixin, TemplateView):
    """Upload a filled template: a preview with every error first, then one confirmed transaction."""

    template_name = "organisations/workspace_upload.html"

    def allowed(self, request) -> bool:
        return self.writable

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context.update(active="workspace", agency=self.agency, title=_("Upload the filled template"))
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "confirm":
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["file"].read()
        try:
            parsed = services.parse_upload(self.agency, data, self.as_of)
        except services.UploadFileError as exc:
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        digest = hashlib.sha256(data).hexdigest()
        request.session[UPLOAD_SESSION_KEY] = {"agency": self.agency.pk, "digest": digest,
                                               "name": form.cleaned_data["file"].name,
                                               "data": base64.b64encode(data).decode("ascii")}
        return self.preview(parsed, digest, form.cleaned_data["file"].name)

    def preview(self, parsed, digest: str, name: str, errors=None):
        confirm = ConfirmUploadForm(initial={"digest": digest})
        return self.render_to_response(self.get_context_data(
            parsed=parsed, confirm=confirm, file_name=name, errors=errors if errors is not None else parsed.errors))

    def confirm(self, request):
        kept = request.session.get(UPLOAD_SESSION_KEY) or {}
        form = ConfirmUploadForm(request.POST)
        if not form.is_valid() or kept.get("agency") != self.agency.pk or kept.get("digest") != form.cleaned_data[
                "digest"]:
            messages.error(request, _("This upload is no longer waiting for confirmation: upload the file again."))
            return redirect("organisations:workspace-upload", pk=self.agency.pk)
        data = base64.b64decode(kept["data"])
        parsed = services.parse_upload(self.agency, data, self.as_of)
        try:
            done = services.record_upload(self.agency, parsed, request.user, self.as_of,
                                          submit=form.cleaned_data["submit"])
        except services.UploadRefused as exc:
            return self.preview(parsed, kept["digest"], kept.get("name", ""), errors=exc.errors)
        del request.session[UPLOAD_SESSION_KEY]
        figures = sum(n for k, n in done.items() if k.startswith("figures_") and k != "figures_submitted")
        messages.success(request, _("Recorded from %(file)s: %(figures)d figure(s) and %(updates)d task update(s)"
                                    "%(submitted)s.") % {
            "file": kept.get("name", ""), "figures": figures, "updates": done["progress_created"],
            "submitted": _(", submitted for approval") if form.cleaned_data["submit"] else ""})
        return redirect(self.workspace_url())


class ApprovalsView(ExportMixin, StaffMixin, TemplateView):
    """Sở Tài chính's queue: approve submitted figures and task updates, publish approved figures.
    ``?export=csv|xlsx&list=figures|progress|publish``: one of its three lists as a file."""

    template_name = "organisations/approvals.html"
    LISTS = {
        "figures": (tables.SubmittedFigureTable, "figures", "duyet-so-lieu"),
        "progress": (tables.SubmittedProgressTable, "progress", "duyet-tien-do"),
        "publish": (tables.ToPublishTable, "to_publish", "cho-cong-bo"),
    }

    def allowed(self, request) -> bool:
        return roles.is_finance(request.user)

    def chosen(self):
        return self.LISTS.get(self.request.GET.get("list", ""), self.LISTS["figures"])

    def export_table(self):
        table, attribute, _name = self.chosen()
        return table(getattr(services.approval_queue(self.as_of), attribute))

    def get_export_name(self) -> str:
        return self.chosen()[2]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(active="approvals", queue=services.approval_queue(self.as_of), title=_("Approval queue"))
        return context

    def post(self, request, *args, **kwargs):
        action, pk = request.POST.get("action", ""), request.POST.get("id", "")
        try:
            if action in ("approve-figure", "publish-figure"):
                figure = get_object_or_404(ActualFigure.objects.select_related("indicator"), pk=services.pk_of(pk))
                if action == "approve-figure":
                    figure_services.approve(figure, request.user)
                    messages.success(request, _("Approved: %(figure)s.") % {"figure": _figure_label(figure)})
                else:
                    figure_services.publish(figure, request.user)
                    messages.success(request, _("Published: %(figure)s.") % {"figure": _figure_label(figure)})
            elif action == "approve-progress":
                progress = get_object_or_404(TaskProgress.objects.select_related("task"), pk=services.pk_of(pk))
                task_services.approve_progress(progress, request.user)
                messages.success(request, _("Approved: the update of task %(number)s.")
                                 % {"number": progress.task.number})
            else:
                return HttpResponseBadRequest(_("Unknown action."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except roles.SelfApprovalRefused as exc:
            messages.error(request, str(exc))
        return redirect("organisations:approvals")
