"""An agency's officer reports on the key projects it is responsible for (the workspace): which
projects and milestones are the agency's, the day a milestone was reached, the amount disbursed in a
period. Milestones and disbursements are recorded as reported (not reviewed by Sở Tài chính)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kehoach.apps.projects.models import Disbursement, Project, ProjectMilestone
from kehoach.apps.review.services import pk_of
from kehoach.domain.assessment.model import FigurePeriod
from kehoach.domain.numbers import NumberFormatError, parse_number


def projects_of(agency):
    return Project.objects.filter(agency=agency).order_by("document", "number")


def owns_project(agency, pk) -> bool:
    return pk_of(pk) is not None and projects_of(agency).filter(pk=pk_of(pk)).exists()


def owns_milestone(agency, pk) -> bool:
    return pk_of(pk) is not None and ProjectMilestone.objects.filter(pk=pk_of(pk), project__agency=agency).exists()


def record_milestone(milestone: ProjectMilestone, actual: date, note: str = "") -> ProjectMilestone:
    """The day a milestone of a key project was actually reached."""
    milestone.actual = actual
    if note:
        milestone.note = note
    milestone.full_clean()
    milestone.save()
    return milestone


def record_disbursement(project: Project, period: str, amount: Decimal, reported_on: date | None = None,
                        note: str = "") -> Disbursement:
    """The amount disbursed in a period (a second entry for the same period replaces the amount)."""
    try:
        code = FigurePeriod.parse(period).code
    except ValueError:
        raise ValidationError({"period": _("Not a period code: %(period)s") % {"period": period}}) from None
    row = Disbursement.objects.filter(project=project, period=code).first() or Disbursement(project=project)
    row.period, row.amount_million_vnd, row.reported_on, row.note = code, amount, reported_on, note
    row.full_clean()
    row.save()
    return row


def parse_amount(text: str) -> Decimal:
    """A Vietnamese number ("1.234,5"); ``ValidationError`` otherwise."""
    try:
        return parse_number(text)
    except NumberFormatError:
        raise ValidationError(_("%(found)s is not a number (write it as 1.234,5: “.” groups thousands, "
                                "“,” is the decimal mark)") % {"found": repr(text)}) from None
