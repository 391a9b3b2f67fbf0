"""Nhiệm vụ: the task list (filters, status as of the chosen date) and one task's page (its deadline
as written and as understood, its status, progress, directives and comments)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import assessment_for
from kehoach.apps.monitoring.tasks.filtersets import TaskFilterSet
from kehoach.apps.monitoring.tasks.tables import TaskTable
from kehoach.apps.steering.models import Comment
from kehoach.apps.tasks import services
from kehoach.apps.tasks.forms import CommentForm
from kehoach.apps.tasks.models import Task
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.web.views.generic import ObjectListView, ObjectView
from kehoach.web.wording import RECURRENCE


class TaskListView(ObjectListView):
    queryset = Task.objects.select_related("group", "leader", "document").prefetch_related("lead", "support")
    filterset = TaskFilterSet
    table = TaskTable
    title = _("Tasks")
    template_name = "tasks/task_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Counter(a.status for a in assessment_for(self.request).tasks)
        context.update(active="tasks", status_counts=[(s, counts.get(s, 0)) for s in PRIORITY])
        return context


class TaskDetailView(ObjectView):
    queryset = Task.objects.select_related("group", "leader", "document").prefetch_related(
        "lead", "support", "milestones", "condition_events__milestone")
    template_name = "tasks/task_detail.html"
    form = None

    def extra_context_for(self, task) -> dict:
        user, as_of = self.request.user, self.as_of
        kinds = services.comment_kinds(user, task)
        items = services.items_of(task, as_of)
        deadline = services.deadline_of(task)
        recurrence = deadline.recurrence.every if deadline.recurrence else []
        return {
            "active": "tasks",
            "title": str(task),
            "deadline": deadline,
            "recurrence": [RECURRENCE.get(word, word) for word in recurrence],
            "status": services.status_of(task, as_of),
            "items": items,
            "several_items": len(items) > 1,
            "condition_event": items[0][2] if items else None,
            "progress": list(services.visible_progress(task, user)),
            "comments": list(Comment.objects.filter(task=task).select_related("author", "acknowledged_by")),
            "comment_form": self.form or (CommentForm(kinds=kinds) if kinds else None),
            "may_direct": Comment.DIRECTIVE in kinds,
        }


class TaskCommentView(TaskDetailView):
    """POST a directive or a comment (``services.comment_kinds`` says who may): back to the task."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = task = self.get_object()
        kinds = services.comment_kinds(request.user, task)
        if not kinds or request.POST.get("kind", kinds[0]) not in kinds:
            raise PermissionDenied  # nobody's reply, or an officer's "directive"
        self.form = CommentForm(request.POST, kinds=kinds)
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data(object=task), status=400)
        comment = services.post_comment(task, request.user, kind=self.form.cleaned_data["kind"],
                                        text=self.form.cleaned_data["text"], due=self.form.cleaned_data.get("due"))
        messages.success(request, _("Directive sent.") if comment.kind == Comment.DIRECTIVE else _("Comment posted."))
        return redirect(f"{task.get_absolute_url()}#comment-{comment.pk}")
