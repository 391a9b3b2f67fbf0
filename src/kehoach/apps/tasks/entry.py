"""An agency's officer reports progress on the tasks it leads (the workspace form, its Excel upload,
the API): which tasks and updates are the agency's, recording a draft or completing one, submitting it.

The rules are ``services``' (``record_progress``, ``update_draft``, ``submit_progress``: a task
overdue or about to be needs causes, difficulties and proposals).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kehoach.apps.review.services import pk_of
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import Task, TaskProgress

# What an officer gives of an update (the form's fields, the template's columns).
PROGRESS_FIELDS = ("on", "status", "percent", "note", "evidence_reference", "cause", "difficulties", "proposals")


def tasks_of(agency):
    """The tasks the agency leads."""
    return Task.objects.filter(lead=agency).order_by("document", "number")


def owns_task(agency, pk) -> bool:
    return pk_of(pk) is not None and tasks_of(agency).filter(pk=pk_of(pk)).exists()


def owns_progress(agency, pk) -> bool:
    return pk_of(pk) is not None and TaskProgress.objects.filter(pk=pk_of(pk), task__lead=agency).exists()


def enter_progress(task: Task, values: dict, user, draft: TaskProgress | None = None,
                   expected_version: int | None = None) -> TaskProgress:
    """Record a progress update as a draft (``services.record_progress``), or complete a draft (or a
    returned update) of the task (``services.update_draft``: ``Conflict`` when it changed since
    ``expected_version``)."""
    if draft is None:
        return services.record_progress(task, user=user, **values)
    if draft.task_id != task.pk:
        raise ValidationError(_("Only a draft of this task can be changed."))
    return services.update_draft(draft, values, user, expected_version=expected_version)


def submit_progress(progress: TaskProgress, user, as_of: date) -> TaskProgress:
    """``services.submit_progress`` as of the workspace's date."""
    return services.submit_progress(progress, user, as_of=as_of)
