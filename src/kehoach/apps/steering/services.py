"""Who may write a directive or a comment on a task or an indicator, and writing it: the one place.

* A directive (ý kiến chỉ đạo): leaders and administrators (``roles.may_direct``).
* A comment (ý kiến trao đổi, a reply in the thread): leaders, Sở Tài chính and administrators
  (``roles.may_steer``), and the officers of the responsible agencies (a task's lead agencies, an
  indicator's monitoring agencies).
* Anyone else writes nothing: ``post`` raises PermissionDenied and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.accounts import roles
from kehoach.apps.review.services import pk_of
from kehoach.apps.steering.models import Comment


def kinds_for(user, responsible_agency_ids: Iterable[int]) -> list[str]:
    """The kinds the user may write on an object whose responsible agencies are given ([]: none)."""
    kinds = []
    if roles.may_direct(user):
        kinds.append(Comment.DIRECTIVE)
    if roles.may_steer(user) or roles.may_report_any(user, list(responsible_agency_ids)):
        kinds.append(Comment.COMMENT)
    return kinds


def post(user, responsible_agency_ids: Iterable[int], *, kind: str, text: str, due: date | None = None,
         task=None, indicator=None) -> Comment:
    """Write a directive or comment on a task or an indicator; PermissionDenied unless allowed."""
    if kind not in kinds_for(user, responsible_agency_ids):
        raise PermissionDenied(_("You may not write this here."))
    comment = Comment(task=task, indicator=indicator, author=user, kind=kind, text=text.strip(),
                      due=due if kind == Comment.DIRECTIVE else None)
    comment.full_clean()
    comment.save()
    return comment


def responsible_agency_ids(comment: Comment) -> list[int]:
    """The agencies a directive is addressed to: the task's lead agencies, the indicator's monitoring ones."""
    if comment.task_id:
        return [a.pk for a in comment.task.lead.all()]
    return [a.pk for a in comment.indicator.monitoring_agencies.all()]


def directives_for(agency):
    """The directives addressed to the agency (on the tasks it leads, the indicators it monitors), newest first."""
    return (Comment.objects.filter(kind=Comment.DIRECTIVE)
            .filter(Q(task__lead=agency) | Q(indicator__monitoring_agencies=agency))
            .select_related("task", "indicator", "author", "acknowledged_by").distinct()
            .order_by("acknowledged_at", "-created_at"))


def acknowledge(comment: Comment, user) -> Comment:
    """An officer of a responsible agency confirms the directive was received (tiếp nhận); once."""
    if comment.kind != Comment.DIRECTIVE or not roles.may_report_any(user, responsible_agency_ids(comment)):
        raise PermissionDenied(_("Only the agencies the directive is addressed to acknowledge it."))
    if comment.acknowledged_at is None:
        comment.acknowledged_at = timezone.now()
        comment.acknowledged_by = user
        comment.save()
    return comment


def owns_directive(agency, pk) -> bool:
    """Whether ``pk`` names a directive addressed to the agency (``directives_for``)."""
    return pk_of(pk) is not None and directives_for(agency).filter(pk=pk_of(pk)).exists()
