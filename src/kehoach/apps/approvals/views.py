"""Sở Tài chính's approval queue and its actions, one view each (``kehoach.web.views.edit``).

Only Sở Tài chính and administrators (``roles.is_finance``): anyone else gets 403 and nothing
changes. The steps are the review workflow's (``figures.services``, ``tasks.services`` →
``kehoach.apps.review.services``).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.approvals import tables
from kehoach.apps.approvals.forms import ReturnForm
from kehoach.apps.approvals.queue import approval_queue
from kehoach.apps.figures import services as figure_services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.models import TaskProgress
from kehoach.web.export import ExportMixin
from kehoach.web.views.edit import ObjectActionView
from kehoach.web.views.generic import StaffMixin


def figure_label(figure: ActualFigure) -> str:
    value = " ".join(x for x in (figure.qualifier, figure.text, figure.unit_text) if x)
    return f"{figure.indicator.name}, {figure.period}: {value}"


class FinanceOnly:
    def allowed(self, request) -> bool:
        return roles.is_finance(request.user)


class ApprovalsView(FinanceOnly, ExportMixin, StaffMixin, TemplateView):
    """The queue. ``?export=csv|xlsx&list=figures|progress|publish``: one of its three lists as a file."""

    template_name = "approvals/queue.html"
    LISTS = {
        "figures": (tables.SubmittedFigureTable, "figures", "duyet-so-lieu"),
        "progress": (tables.SubmittedProgressTable, "progress", "duyet-tien-do"),
        "publish": (tables.ToPublishTable, "to_publish", "cho-cong-bo"),
    }

    def chosen(self):
        return self.LISTS.get(self.request.GET.get("list", ""), self.LISTS["figures"])

    def export_table(self):
        table, attribute, _name = self.chosen()
        return table(getattr(approval_queue(self.as_of), attribute))

    def get_export_name(self) -> str:
        return self.chosen()[2]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(active="approvals", queue=approval_queue(self.as_of), title=_("Approval queue"),
                       return_form=ReturnForm())
        return context


class ReviewActionView(FinanceOnly, ObjectActionView):
    def get_success_url(self, obj) -> str:
        return reverse("approvals:queue")

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except roles.SelfApprovalRefused as exc:  # maker-checker: said on the queue, nothing changed
            messages.error(request, str(exc))
            return HttpResponseRedirect(self.get_success_url(None))


class FigureAction(ReviewActionView):
    queryset = ActualFigure.objects.select_related("indicator")


class ApproveFigureView(FigureAction):
    def perform(self, figure, form):
        figure_services.approve(figure, self.request.user)

    def done_message(self, figure) -> str:
        return _("Approved: %(figure)s.") % {"figure": figure_label(figure)}


class ReturnFigureView(FigureAction):
    form_class = ReturnForm

    def perform(self, figure, form):
        figure_services.send_back(figure, self.request.user, form.cleaned_data["return_reason"])

    def done_message(self, figure) -> str:
        return _("Returned to the agency: %(figure)s.") % {"figure": figure_label(figure)}


class PublishFigureView(FigureAction):
    def perform(self, figure, form):
        figure_services.publish(figure, self.request.user)

    def done_message(self, figure) -> str:
        return _("Published: %(figure)s.") % {"figure": figure_label(figure)}


class ProgressAction(ReviewActionView):
    queryset = TaskProgress.objects.select_related("task")


class ApproveProgressView(ProgressAction):
    def perform(self, progress, form):
        task_services.approve_progress(progress, self.request.user)

    def done_message(self, progress) -> str:
        return _("Approved: the update of task %(number)s.") % {"number": progress.task.number}


class ReturnProgressView(ProgressAction):
    form_class = ReturnForm

    def perform(self, progress, form):
        task_services.return_progress(progress, self.request.user, form.cleaned_data["return_reason"])

    def done_message(self, progress) -> str:
        return _("Returned to the agency: the update of task %(number)s.") % {"number": progress.task.number}
