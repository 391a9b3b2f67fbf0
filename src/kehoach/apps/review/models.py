"""``Reviewed``: what every entry under review stores (figures, progress updates).

One status field, ``review_status``: draft → submitted → approved, or submitted → returned (with
a reason) → submitted again once corrected. Who moved it and when: ``entered_by``/``entered_at``,
``submitted_by``/``submitted_at``, ``approved_by``/``approved_at``, ``returned_by``/``returned_at``
and ``return_reason`` (the latest return; the history table keeps every round). ``row_version``
(``Versioned``) is the optimistic lock of the forms that edit it.

The rules live in :mod:`kehoach.apps.review.services`; a concrete model says who may approve it
(``approve_permission``) and may refuse to move a row that is not open any more
(``closed_reason``: a figure version that a newer one replaced); ``approve_denied`` is what a user
without that permission reads.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.locking import Versioned
from kehoach.domain.assessment.model import ReviewStatus

REVIEW_CHOICES = [
    (ReviewStatus.DRAFT.value, _("Draft")),
    (ReviewStatus.SUBMITTED.value, _("Submitted")),
    (ReviewStatus.APPROVED.value, _("Approved")),
    (ReviewStatus.RETURNED.value, _("Returned")),
]


def _user(label):
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=label)


class Reviewed(Versioned):
    """An entry entered by an agency's officer, submitted, then approved or returned by Sở Tài chính."""

    DRAFT = ReviewStatus.DRAFT.value
    SUBMITTED = ReviewStatus.SUBMITTED.value
    APPROVED = ReviewStatus.APPROVED.value
    RETURNED = ReviewStatus.RETURNED.value
    EDITABLE = (DRAFT, RETURNED)  # the agency's own: completed in place, then submitted

    approve_permission: ClassVar[str]  # "app_label.approve_<model>"
    approve_denied: ClassVar[str]  # what a user without it reads

    review_status = models.CharField(_("workflow status"), max_length=20, choices=REVIEW_CHOICES, default=DRAFT)
    entered_by = _user(_("entered by"))
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)
    submitted_by = _user(_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = _user(_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    returned_by = _user(_("returned by"))
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True)

    class Meta:
        abstract = True

    @property
    def editable(self) -> bool:
        """A draft or a returned entry: its agency may still change it before submitting."""
        return self.review_status in self.EDITABLE

    def closed_reason(self) -> str | None:
        """Why this row cannot move on in the workflow any more (None: it can)."""
        return None
