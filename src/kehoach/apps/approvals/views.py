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
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from kehoach.apps.accounts import roles
from kehoach.apps.approvals import bulk, tables
from kehoach.apps.approvals.forms import ReturnForm
from kehoach.apps.approvals.queue import approval_queue
from kehoach.apps.figures import services as figure_services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.review.services import pk_of
from kehoach.apps.tasks import services as task_services
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment.model import period_label
from kehoach.web.export import ExportMixin
from kehoach.web.views.edit import ObjectActionView
from kehoach.web.views.generic import StaffMixin


def figure_label(figure: ActualFigure) -> str:
    value = " ".join(x for x in (figure.qualifier, figure.text, figure.unit_text) if x)
    return f"{figure.indicator.name}, {period_label(figure.period)}: {value}"


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


class BulkApproveView(FinanceOnly, StaffMixin, View):
    """Approve every entry ticked in one of the queue's lists at once (``bulk.approve_all``): each
    is approved on its own, maker-checker and the workflow's rules kept; what is refused is named
    with its reason and stays in the queue."""

    http_method_names = ["post"]
    model = None
    field = ""  # the POST field of the ticked ids
    approve = None  # the app's approve service
    related: tuple[str, ...] = ()
    anchor = ""

    def label(self, entry) -> str:
        raise NotImplementedError

    def done_message(self, count: int) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        ids = [pk for pk in (pk_of(v) for v in request.POST.getlist(self.field)) if pk is not None]
        url = reverse("approvals:queue") + (f"?{request.GET.urlencode()}" if request.GET else "") + f"#{self.anchor}"
        if not ids:
            messages.error(request, _("Tick the entries to approve first."))
            return HttpResponseRedirect(url)
        result = bulk.approve_all(self.model, ids, request.user, type(self).approve, self.related)
        if result.approved:
            messages.success(request, self.done_message(len(result.approved)))
        for entry, reason in result.refused:
            messages.error(request, _("Not approved: %(entry)s. %(reason)s") % {"entry": self.label(entry),
                                                                                "reason": reason})
        return HttpResponseRedirect(url)


class ApproveFiguresView(BulkApproveView):
    model, field, anchor, related = ActualFigure, "figure", "h-figures", ("indicator",)
    approve = staticmethod(figure_services.approve)

    def label(self, figure) -> str:
        return figure_label(figure)

    def done_message(self, count: int) -> str:
        return ngettext("Approved: %(count)d figure.", "Approved: %(count)d figures.", count) % {"count": count}


class ApproveProgressManyView(BulkApproveView):
    model, field, anchor, related = TaskProgress, "progress", "h-progress", ("task",)
    approve = staticmethod(task_services.approve_progress)

    def label(self, progress) -> str:
        return _("the update of task %(number)s") % {"number": progress.task.number}

    def done_message(self, count: int) -> str:
        return ngettext("Approved: %(count)d task update.", "Approved: %(count)d task updates.", count) % {
            "count": count}
