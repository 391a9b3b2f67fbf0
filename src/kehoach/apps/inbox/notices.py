"""What needs an officer's attention as of a date, for the agencies they report for:

* the leaders' directives to the agency (``steering.services.directives_for``);
* their entries Sở Tài chính returned, with the reason (figures and progress updates);
* their reports due within the reminder lead days and those overdue: what ``kehoach remind``
  sends by e-mail (``obligations.services.plan_reminders`` picks the same ones).

Each notice has a ``key`` naming the event, so read or unread is kept per user (``models.Read``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kehoach.apps.accounts import roles
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.inbox.models import Read
from kehoach.apps.obligations.models import ReportingSettings
from kehoach.apps.obligations.services import owed
from kehoach.apps.organisations.models import Agency
from kehoach.apps.steering import services as steering
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment.model import ReportStatus, period_label

DIRECTIVE, RETURNED, REPORT_DUE, REPORT_OVERDUE = "directive", "returned", "report-due", "report-overdue"
DIRECTIVES_SHOWN = 30  # the newest of each agency


@dataclass(frozen=True)
class Notice:
    key: str
    kind: str
    title: str  # what happened, in words
    text: str  # the directive, the reason, the report's deadline
    url: str  # where to act on it
    at: datetime | date
    agency: str
    read: bool = False


def _newest_first(notice: Notice) -> tuple[int, int]:
    at = notice.at
    if isinstance(at, datetime):
        at = timezone.localtime(at) if timezone.is_aware(at) else at
        return (-at.toordinal(), -(at.hour * 3600 + at.minute * 60 + at.second))
    return (-at.toordinal(), 0)


def notices_for(user, as_of: date) -> list[Notice]:
    """The user's notices, unread first, newest first (nothing for a user who reports for no agency)."""
    ids = roles.agency_ids(user)
    if not ids:
        return []
    found: list[Notice] = []
    for agency in Agency.objects.filter(pk__in=ids).order_by("name"):
        found += _of_agency(agency, as_of)
    read = set(Read.objects.filter(user=user, key__in=[n.key for n in found]).values_list("key", flat=True))
    notices = [Notice(**{**n.__dict__, "read": n.key in read}) for n in found]
    return sorted(notices, key=lambda n: (n.read, *_newest_first(n), n.key))


def unread_count(user, as_of: date) -> int:
    return sum(1 for n in notices_for(user, as_of) if not n.read)


def mark_read(user, keys) -> int:
    """Keep ``keys`` as read by the user; returns how many were not yet."""
    keys = set(keys) - set(Read.objects.filter(user=user, key__in=keys).values_list("key", flat=True))
    Read.objects.bulk_create([Read(user=user, key=key) for key in sorted(keys)], ignore_conflicts=True)
    return len(keys)


def _of_agency(agency: Agency, as_of: date) -> list[Notice]:
    workspace = reverse("workspace:agency", args=[agency.pk]) + f"?as_of={as_of.isoformat()}"
    out = []
    for d in steering.directives_for(agency)[:DIRECTIVES_SHOWN]:
        about = (_("task %(number)s") % {"number": d.task.number}) if d.task_id else d.indicator.name
        author = d.author.get_full_name() or d.author.username
        out.append(Notice(f"directive:{d.pk}", DIRECTIVE, _("Directive from %(author)s on %(about)s") % {
            "author": author, "about": about}, d.text, workspace + "#directives", d.created_at, agency.name))
    figures = (ActualFigure.objects.filter(is_current=True, review_status=ActualFigure.RETURNED,
                                           indicator__monitoring_agencies=agency)
               .select_related("indicator").distinct())
    for f in figures:
        out.append(Notice(f"returned-figure:{f.pk}:{_stamp(f.returned_at)}", RETURNED,
                          _("Returned: %(indicator)s, %(period)s") % {"indicator": f.indicator.name,
                                                                      "period": period_label(f.period)},
                          f.return_reason, workspace + "#pending-figures", f.returned_at or f.entered_at,
                          agency.name))
    updates = (TaskProgress.objects.filter(review_status=TaskProgress.RETURNED, task__lead=agency)
               .select_related("task").distinct())
    for u in updates:
        out.append(Notice(f"returned-progress:{u.pk}:{_stamp(u.returned_at)}", RETURNED,
                          _("Returned: the update of task %(number)s") % {"number": u.task.number},
                          u.return_reason, workspace + "#pending-progress", u.returned_at or u.entered_at,
                          agency.name))
    lead = ReportingSettings.get().reminder_lead_days
    for report in owed(as_of, agency):
        if report.status == ReportStatus.MISSING:
            kind, title = REPORT_OVERDUE, _("Report overdue: %(report)s, %(period)s")
            text = _("Due %(due)s, %(days)d day(s) overdue.") % {"due": f"{report.due:%d/%m/%Y}",
                                                                  "days": (as_of - report.due).days}
        elif report.status == ReportStatus.PENDING and 0 <= (report.due - as_of).days <= lead:
            kind, title = REPORT_DUE, _("Report due: %(report)s, %(period)s")
            text = _("Due %(due)s.") % {"due": f"{report.due:%d/%m/%Y}"}
        else:
            continue
        out.append(Notice(f"{kind}:{agency.pk}:{report.kind}:{report.period}", kind,
                          title % {"report": report.kind_label, "period": report.period_label}, text,
                          workspace + "#reports", report.due, agency.name))
    return out


def _stamp(moment) -> str:
    """The return's moment in the notice's key, to the microsecond: a second return of the same entry is a
    new notice even when it comes within the same second as the first (as a quick test run does)."""
    return f"{moment:%Y%m%d%H%M%S%f}" if moment else "0"
