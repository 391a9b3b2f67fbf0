"""What an agency's officer does in its workspace, one view per action (``kehoach.web.views.edit``).

Every action is a POST to its own URL under the agency's workspace (``/agencies/<pk>/workspace/...``).
Rights first (:mod:`kehoach.apps.accounts.roles`): only the agency's own officers (and
administrators) act (``may_report_for``), and every indicator, task, project, figure, update or
directive the request names must be the agency's; otherwise 403 and nothing changes. Then the
rules of the owning apps (``figures.entry``, ``tasks.entry``, ``projects.entry``, the review
workflow). A refused entry shows the workspace page again with the user's input and the errors on
their fields; a conflict answers 409 with the other change on the form.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import View

from kehoach.apps.figures import entry as figure_entry
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.obligations import services as reporting
from kehoach.apps.projects import entry as project_entry
from kehoach.apps.review.services import ExplanationRequired, pk_of
from kehoach.apps.steering import services as steering
from kehoach.apps.steering.models import Comment
from kehoach.apps.tasks import entry as task_entry
from kehoach.apps.tasks.models import TaskProgress
from kehoach.apps.workspace.forms import DisbursementForm, FigureForm, MilestoneForm, ProgressForm
from kehoach.apps.workspace.views import (
    FIGURE_FIELDS,
    AgencyMixin,
    WorkspaceView,
    figure_initial,
    figure_label,
    figure_message,
    progress_initial,
)
from kehoach.web.views.edit import FormActionView, add_errors


class AgencyAction(AgencyMixin):
    """One POST action of an agency's officer; ``owned``: (POST field, the agency's ``owns_*`` check)."""

    http_method_names = ["post"]
    owned: tuple = ()
    required: str = ""  # a POST field without which the request is refused
    anchor = ""

    def allowed(self, request) -> bool:
        return self.writable

    def check_owned(self, request) -> None:
        if self.required and not request.POST.get(self.required):
            raise PermissionDenied
        for name, owns in self.owned:
            value = request.POST.get(name, "").strip()
            if value and not owns(self.agency, value):
                raise PermissionDenied

    @property
    def message_place(self) -> str:
        """The section of the workspace page the message is shown in (where the action was)."""
        return f"place-{self.anchor}" if self.anchor else ""

    @property
    def submitting(self) -> bool:
        return self.request.POST.get("action", "").endswith("-submit")

    def page(self, status: int = 200, **forms):
        """The workspace page again, with the given bound forms."""
        view = WorkspaceView()
        view.setup(self.request, *self.args, **self.kwargs)
        view.agency = self.agency
        return view.render_to_response(view.get_context_data(**forms), status=status)

    def get_success_url(self, form=None) -> str:
        return self.workspace_url(self.anchor)


class AgencyFormAction(AgencyAction, FormActionView):
    form_name = ""  # the page's context name of the form

    def post(self, request, *args, **kwargs):
        self.check_owned(request)
        return super().post(request, *args, **kwargs)

    def render_invalid(self, form, status: int = 200):
        return self.page(status=status, **{self.form_name: form})


class EnterFigureView(AgencyFormAction):
    """Enter a figure (a draft; ``action=figure-submit``: submitted at once)."""

    owned = (("fig-indicator", figure_entry.owns_indicator),)
    form_name, anchor, conflict_fields = "figure_form", "figures", FIGURE_FIELDS

    def get_form(self):
        return FigureForm(self.request.POST, prefix="fig", agency=self.agency, as_of=self.as_of)

    def perform(self, form) -> str:
        figure, action = figure_entry.enter_figure(self.agency, form.entry, self.request.user,
                                                   edited=form.cleaned_data.get("draft"),
                                                   expected_version=form.cleaned_data.get("version"))
        if self.submitting and figure.editable:
            figure = figure_entry.submit_figure(figure, self.request.user, self.as_of)
        return figure_message(figure, action)


class EnterProgressView(AgencyFormAction):
    """Enter a progress update, or complete a draft or returned one (``action=progress-submit``: submitted)."""

    owned = (("prog-task", task_entry.owns_task), ("prog-draft", task_entry.owns_progress))
    form_name, anchor = "progress_form", "tasks"
    conflict_fields = ("review_status", *task_entry.PROGRESS_FIELDS)

    def get_form(self):
        return ProgressForm(self.request.POST, prefix="prog", agency=self.agency, as_of=self.as_of)

    def perform(self, form) -> str:
        task = form.cleaned_data["task"]
        progress = task_entry.enter_progress(task, form.values, self.request.user, draft=form.cleaned_data["draft"],
                                             expected_version=form.cleaned_data.get("version"))
        if self.submitting:
            task_entry.submit_progress(progress, self.request.user, self.as_of)
            return _("Submitted for approval: the update of task %(number)s.") % {"number": task.number}
        return _("Saved as a draft: the update of task %(number)s. Submit it when it is complete.") % {
            "number": task.number}


class RecordMilestoneView(AgencyFormAction):
    """The day a milestone of one of the agency's key projects was reached."""

    owned = (("ms-milestone", project_entry.owns_milestone),)
    form_name, anchor = "milestone_form", "projects"

    def get_form(self):
        return MilestoneForm(self.request.POST, prefix="ms", agency=self.agency)

    def perform(self, form) -> str:
        milestone = project_entry.record_milestone(form.cleaned_data["milestone"], form.cleaned_data["actual"],
                                                   form.cleaned_data["note"])
        return _("Recorded: %(milestone)s reached on %(day)s.") % {"milestone": milestone,
                                                                   "day": f"{milestone.actual:%d/%m/%Y}"}

    def refuse(self, form, exc: ValidationError) -> None:
        form.add_error(None, exc)


class RecordDisbursementView(AgencyFormAction):
    """The amount disbursed in a period on one of the agency's key projects."""

    owned = (("disb-project", project_entry.owns_project),)
    form_name, anchor = "disbursement_form", "projects"
    FIELDS = {"period": "period", "amount_million_vnd": "amount", "reported_on": "reported_on", "note": "note"}

    def get_form(self):
        return DisbursementForm(self.request.POST, prefix="disb", agency=self.agency)

    def perform(self, form) -> str:
        data = form.cleaned_data
        row = project_entry.record_disbursement(data["project"], data["period"], data["amount"], data["reported_on"],
                                                data["note"])
        return _("Recorded: the disbursement of %(period)s for project %(number)s.") % {
            "period": row.period, "number": row.project.number}

    def refuse(self, form, exc: ValidationError) -> None:
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                form.add_error(self.FIELDS.get(name), errors)
        else:
            form.add_error(None, exc)


class SubmitFigureView(AgencyAction, View):
    """Submit one of the agency's drafts (or returned figures) for approval."""

    owned, required, anchor = (("figure", figure_entry.owns_figure),), "figure", "figures"

    def post(self, request, *args, **kwargs):
        self.check_owned(request)
        figure = ActualFigure.objects.select_related("indicator").get(pk=request.POST["figure"])
        try:
            figure_entry.submit_figure(figure, request.user, self.as_of)
        except ExplanationRequired as exc:
            form = FigureForm(figure_initial(figure, prefix="fig"), prefix="fig", agency=self.agency,
                              as_of=self.as_of)
            form.is_valid()
            add_errors(form, exc)
            return self.page(figure_form=form)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages), extra_tags=self.message_place)
            return redirect(self.get_success_url())
        messages.success(request, _("Submitted for approval: %(figure)s.") % {"figure": figure_label(figure)},
                         extra_tags=self.message_place)
        return redirect(self.get_success_url())


class SubmitProgressView(AgencyAction, View):
    """Submit one of the agency's draft (or returned) progress updates for approval."""

    owned, required, anchor = (("progress", task_entry.owns_progress),), "progress", "tasks"

    def post(self, request, *args, **kwargs):
        self.check_owned(request)
        progress = TaskProgress.objects.select_related("task").get(pk=request.POST["progress"])
        try:
            task_entry.submit_progress(progress, request.user, self.as_of)
        except ExplanationRequired as exc:
            form = ProgressForm(progress_initial(progress, prefix="prog"), prefix="prog", agency=self.agency,
                                as_of=self.as_of)
            form.is_valid()
            add_errors(form, exc)
            return self.page(progress_form=form)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages), extra_tags=self.message_place)
            return redirect(self.get_success_url())
        messages.success(request, _("Submitted for approval: the update of task %(number)s.")
                         % {"number": progress.task.number}, extra_tags=self.message_place)
        return redirect(self.get_success_url())


class AcknowledgeDirectiveView(AgencyAction, View):
    """The agency has read a leader's directive."""

    owned, required, anchor = (("comment", steering.owns_directive),), "comment", "directives"

    def post(self, request, *args, **kwargs):
        self.check_owned(request)
        comment = get_object_or_404(Comment, pk=pk_of(request.POST["comment"]))
        steering.acknowledge(comment, request.user)
        messages.success(request, _("The directive is acknowledged."), extra_tags=self.message_place)
        return redirect(self.get_success_url())


class SubmitReportView(AgencyAction, View):
    """The agency's periodic report is sent (the reporting calendar's submission, on time or late)."""

    required, anchor = "report-period", "reports"

    def post(self, request, *args, **kwargs):
        self.check_owned(request)
        try:
            reporting.record_submission(self.agency, request.POST.get("report-kind", ""),
                                        request.POST["report-period"], user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages), extra_tags=self.message_place)
            return redirect(self.get_success_url())
        messages.success(request, _("The report is recorded as sent."), extra_tags=self.message_place)
        return redirect(self.get_success_url())
