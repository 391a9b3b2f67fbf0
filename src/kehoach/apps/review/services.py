"""The review workflow, once for every reviewed entry (``kehoach.apps.review.models.Reviewed``).

* ``submit(entry, user, judgement)``: draft or returned → submitted. ``judgement`` is what the
  entry reports as the assessment judges it (a figure's ``Rating``, a task's ``TaskStatus``);
  when the domain's rule says it needs an explanation
  (``kehoach.domain.assessment.explanation.needs_explanation``) and causes, difficulties or
  proposals are missing: ``ExplanationRequired``.
* ``approve(entry, user)``: submitted → approved, by a user with the model's ``approve_permission``
  (Sở Tài chính).
* ``send_back(entry, user, reason)``: submitted → returned with a reason, by the same users; the
  agency sees the reason, corrects the entry and submits it again (each round stays in the history).

Every step locks the row (``select_for_update``), reads it as stored and refuses a move the
workflow does not allow (``WorkflowError``). The apps' services (``figures.services``,
``tasks.services``) compute the judgement and call these.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from kehoach.apps.accounts import roles
from kehoach.apps.review.models import Reviewed
from kehoach.domain.assessment.explanation import missing_explanation, needs_explanation
from kehoach.domain.assessment.model import TaskStatus
from kehoach.domain.assessment.rules import Rating


class WorkflowError(ValidationError):
    """A status change the workflow does not allow (approving a draft, submitting twice ...)."""


class ExplanationRequired(ValidationError):
    """The entry is judged chậm or worse (a figure) or quá hạn/sắp đến hạn (a task) and its causes,
    difficulties or proposals are missing. ``missing``: those fields; ``judgement``: the rating or
    task status that asks for them; ``assessment``: the task's assessment when there is one."""

    def __init__(self, entry: Reviewed, judgement, missing: list[str], assessment=None):
        self.entry, self.judgement, self.missing, self.assessment = entry, judgement, missing, assessment
        labels = ", ".join(str(type(entry)._meta.get_field(name).verbose_name) for name in missing)
        if isinstance(judgement, TaskStatus):
            message = _g("This task is “%(status)s”: give its causes, difficulties and proposals before "
                         "submitting.") % {"status": judgement.label}
            super().__init__({name: message for name in missing})
            return
        super().__init__(
            _("A figure rated “chậm” or worse cannot be submitted without its explanation "
              "(causes, difficulties and obstacles, proposals). Missing: %(missing)s."),
            code="explanation_required",
            params={"missing": labels},
        )


def locked(entry: Reviewed) -> Reviewed:
    """The entry as stored now, locked until the transaction ends; refused when it is closed."""
    row = type(entry)._base_manager.select_for_update().get(pk=entry.pk)
    reason = row.closed_reason()
    if reason:
        raise WorkflowError(reason, code="not_current")
    return row


def _may_review(entry: Reviewed, user) -> None:
    if user is None or not user.has_perm(entry.approve_permission):
        raise PermissionDenied(entry.approve_denied)


def check_explained(entry: Reviewed, judgement: Rating | TaskStatus | str | None, assessment=None) -> None:
    """``ExplanationRequired`` when the entry, judged so, must explain itself and does not."""
    if needs_explanation(judgement):
        missing = missing_explanation({name: getattr(entry, name) for name in ("cause", "difficulties",
                                                                               "proposals")})
        if missing:
            raise ExplanationRequired(entry, judgement, missing, assessment)


def submit(entry: Reviewed, user, judgement: Rating | TaskStatus | str | None = None, assessment=None) -> Reviewed:
    """Draft or returned → submitted (see the module doc)."""
    with transaction.atomic():
        row = locked(entry)
        if not row.editable:
            raise WorkflowError(_("Only a draft or a returned entry can be submitted."), code="not_draft")
        check_explained(row, judgement, assessment)
        row.review_status = Reviewed.SUBMITTED
        row.submitted_by = user
        row.submitted_at = timezone.now()
        row.save()
    _copy(row, entry)
    return entry


def approve(entry: Reviewed, user) -> Reviewed:
    """Submitted → approved, by a user with the model's ``approve_permission``."""
    _may_review(entry, user)
    with transaction.atomic():
        row = locked(entry)
        if row.review_status != Reviewed.SUBMITTED:
            raise WorkflowError(_("Only a submitted entry can be approved."), code="not_submitted")
        roles.check_maker_checker(row, user, "approve")  # who entered or submitted it may not approve it
        row.review_status = Reviewed.APPROVED
        row.approved_by = user
        row.approved_at = timezone.now()
        row.save()
    _copy(row, entry)
    return entry


def send_back(entry: Reviewed, user, reason: str) -> Reviewed:
    """Submitted → returned with ``reason`` (required), by a user who may approve the entry."""
    _may_review(entry, user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"return_reason": _("Say why the entry is returned: the agency reads it to "
                                                  "correct the entry.")}, code="reason_required")
    with transaction.atomic():
        row = locked(entry)
        if row.review_status != Reviewed.SUBMITTED:
            raise WorkflowError(_("Only a submitted entry can be returned."), code="not_submitted")
        row.review_status = Reviewed.RETURNED
        row.returned_by = user
        row.returned_at = timezone.now()
        row.return_reason = reason
        row.save()
    _copy(row, entry)
    return entry


def status_label(entry: Reviewed) -> str:
    return capfirst(entry.get_review_status_display())


def _copy(row: Reviewed, entry: Reviewed) -> None:
    """The caller's instance follows the stored row (its other fields as read, then saved)."""
    if row is entry:
        return
    for field in type(row)._meta.concrete_fields:
        setattr(entry, field.attname, getattr(row, field.attname))


def pk_of(value) -> int | None:
    """An entry's id as a form or a URL gives it (None: not an id)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def entry_day(as_of: date) -> date:
    """The default date of an entry: the as-of date, never later than today."""
    return min(as_of, timezone.localdate())
