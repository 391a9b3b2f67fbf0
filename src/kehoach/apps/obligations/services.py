"""The reporting calendar on stored data: what each agency owes and when, what it submitted, its
on-time rate, and the reminders and escalations of ``kehoach remind``.

The rules are the domain's (:mod:`kehoach.domain.assessment.calendar`): Nghị định 09/2019/NĐ-CP
windows, the due date of each period from ``ReportingSettings``, and submitted (on time) / late /
missing / pending. An obligation is owed for the periods of the as-of year whose due date is on
or after its ``start``.

``remind(as_of)``:

* **reminder**: a report not yet submitted whose due date is from 0 to ``reminder_lead_days``
  days after the as-of date. One e-mail per agency (to the agency's address and its members'),
  listing every such report, and one in-app notification for the agency's members. Sent again
  every day of the lead time until the report is submitted, never twice the same day.
* **escalation**: a report not submitted by its due date. One e-mail per agency to the
  supervising leaders (the ``Task.leader`` of the tasks the agency leads) and one notification
  per leader; an agency that leads no task with a leader escalates to its heads (``Membership``
  role head) instead. Sent once per report: the first run after the deadline.

Every report reminded or escalated is logged in ``Reminder`` (agency, period, kind, level, day),
which is what makes a second run the same day send nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kehoach.apps.obligations.models import (
    ESCALATION,
    FIGURES,
    PROJECTS,
    REMINDER,
    REPORT_CHOICES,
    TASKS,
    Notification,
    Reminder,
    ReportingObligation,
    ReportingSettings,
    Submission,
)
from kehoach.apps.organisations.models import Agency, Leader, Membership
from kehoach.domain.assessment import calendar
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import ReportStatus
from kehoach.domain.entities import AgencyKind
from kehoach.domain.periods import Period


@dataclass(frozen=True)
class Owed:
    """One report an agency owes, and where it stands as of a date."""

    agency: Agency
    kind: str  # figures, tasks, projects
    period: str  # "2025-03", "2025-Q1", "2025-H1", "2025-9M", "2025"
    window_start: date
    window_end: date
    due: date
    status: ReportStatus
    submitted_on: date | None = None

    @property
    def period_label(self) -> str:
        return Period.parse(self.period).label_vi

    @property
    def kind_label(self) -> str:
        return str(dict(REPORT_CHOICES)[self.kind])

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.agency.pk, self.kind, self.period)


def submission_to_domain(submission: Submission) -> m.Submission:
    return m.Submission(submission.agency.name, submission.kind, submission.period, submission.submitted_on)


def reporting_records(as_of: date, agency: Agency | None, year: int | None) -> tuple[list[m.ReportingRecord], dict]:
    """Each report owed in ``year`` (default: ``as_of``'s) with its due date and status, for one agency
    or all (None), and the agencies by name; what ``owed``, ``on_time_rate`` and the assessment read."""
    obligations = ReportingObligation.objects.select_related("agency")
    submissions = Submission.objects.select_related("agency")
    if agency is not None:
        obligations, submissions = obligations.filter(agency=agency), submissions.filter(agency=agency)
    deadlines = ReportingSettings.get().deadlines()
    year = as_of.year if year is None else year
    agencies: dict[str, Agency] = {}
    dues: list[m.ReportingDue] = []
    for ob in obligations:
        agencies[ob.agency.name] = ob.agency
        domain = m.ReportingObligation(ob.agency.name, ob.kind, tuple(ob.period_kinds))
        dues += [d for d in calendar.owed([domain], as_of, deadlines, year) if d.due >= ob.start]
    dues.sort(key=lambda d: (d.due, d.agency, d.report, d.window_start, d.period))
    return calendar.records(dues, [submission_to_domain(s) for s in submissions], as_of), agencies


def owed(as_of: date, agency: Agency | None = None, year: int | None = None) -> list[Owed]:
    """Every report owed for the periods of ``year`` (the as-of year), by due date, with its status."""
    records, agencies = reporting_records(as_of, agency, year)
    return [
        Owed(agencies[r.due.agency], r.due.report, r.due.period, r.due.window_start, r.due.window_end, r.due.due,
             r.status, r.submitted_on)
        for r in records
    ]


def on_time_rate(agency: Agency, as_of: date, year: int | None = None) -> tuple[int, int, Decimal | None]:
    """(reports on time, reports due by the as-of date, rate); the rate is None when nothing was due yet."""
    records, _agencies = reporting_records(as_of, agency, year)
    return calendar.on_time_rate(records).get(agency.name, (0, 0, None))


def record_submission(agency: Agency, kind: str, period: str, user=None, at: datetime | None = None,
                      note: str = "") -> Submission:
    """Record that the agency submitted its report; a report already submitted keeps its first submission."""
    obligation = ReportingObligation.objects.filter(agency=agency, kind=kind).first()
    if obligation is None:
        raise ValidationError(_("%(agency)s owes no such report."), params={"agency": agency.name})
    try:
        code = Period.parse(period)
    except ValueError:
        raise ValidationError(_("Not a reporting period: %(code)s"), params={"code": period}) from None
    if code.kind not in obligation.period_kinds:
        raise ValidationError(_("%(agency)s does not report for this period."), params={"agency": agency.name})
    existing = Submission.objects.filter(agency=agency, kind=kind, period=code.code).first()
    if existing is not None:
        return existing
    submission = Submission(agency=agency, kind=kind, period=code.code, submitted_at=at or timezone.now(),
                            submitted_by=user, note=note)
    submission.full_clean()
    submission.save()
    return submission


def notifications_for(user) -> QuerySet[Notification]:
    """What a user sees in the app: addressed to them, or to an agency they belong to."""
    agencies = Membership.objects.filter(user=user).values("agency")
    to_agency = Q(user__isnull=True, leader__isnull=True, agency__in=agencies)
    return Notification.objects.filter(Q(user=user) | to_agency)


# -- reminders and escalations --------------------------------------------------------------------


@dataclass
class Message:
    """One e-mail (and its notifications) to send for an agency."""

    level: str
    agency: Agency
    items: list[Owed]
    recipients: list[str]
    leaders: list[Leader] = field(default_factory=list)
    users: list = field(default_factory=list)  # users notified by name (escalation to heads)
    subject: str = ""
    body: str = ""


def _unique(addresses: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for address in addresses:
        address = (address or "").strip()
        if address and address.lower() not in {a.lower() for a in seen}:
            seen[address] = None
    return list(seen)


def _line(item: Owed, as_of: date) -> str:
    text = gettext("%(report)s, %(period)s (period from %(start)s to %(end)s): due %(due)s") % {
        "report": item.kind_label,
        "period": item.period_label,
        "start": f"{item.window_start:%d/%m/%Y}",
        "end": f"{item.window_end:%d/%m/%Y}",
        "due": f"{item.due:%d/%m/%Y}",
    }
    if as_of > item.due:
        text += gettext(", %(days)d day(s) overdue") % {"days": (as_of - item.due).days}
    return f"- {text}"


def _compose(message: Message, as_of: date) -> None:
    names = {"agency": message.agency.name}
    if message.level == REMINDER:
        message.subject = gettext("[kehoach] Reports due soon: %(agency)s") % names
        intro = gettext("%(agency)s has reports due soon that are not submitted yet:") % names
    else:
        message.subject = gettext("[kehoach] Reports overdue: %(agency)s") % names
        intro = gettext("%(agency)s has not submitted these reports by their deadline:") % names
    lines = [intro, ""] + [_line(item, as_of) for item in message.items]
    message.body = "\n".join(lines) + "\n"


def plan_reminders(as_of: date) -> list[Message]:
    """What ``remind`` would send on ``as_of``: reminders first, then escalations, by agency."""
    lead = ReportingSettings.get().reminder_lead_days
    everything = owed(as_of)
    sent_today = set(Reminder.objects.filter(level=REMINDER, sent_on=as_of).values_list("agency", "kind", "period"))
    escalated = set(Reminder.objects.filter(level=ESCALATION).values_list("agency", "kind", "period"))
    soon = [o for o in everything
            if o.status == ReportStatus.PENDING and 0 <= (o.due - as_of).days <= lead and o.key not in sent_today]
    late = [o for o in everything if o.status == ReportStatus.MISSING and o.key not in escalated]

    messages: list[Message] = []
    with translation.override(settings.LANGUAGE_CODE):
        for level, items in ((REMINDER, soon), (ESCALATION, late)):
            by_agency: dict[int, list[Owed]] = {}
            for item in items:
                by_agency.setdefault(item.agency.pk, []).append(item)
            for group in by_agency.values():
                agency = group[0].agency
                if level == REMINDER:
                    members = Membership.objects.filter(agency=agency, user__is_active=True).select_related("user")
                    message = Message(level, agency, group, _unique([agency.email] + [x.user.email for x in members]))
                else:
                    leaders = list(Leader.objects.filter(tasks__lead=agency).distinct().order_by("name"))
                    users = []
                    if not leaders:
                        heads = Membership.objects.filter(agency=agency, role=Membership.HEAD, user__is_active=True)
                        users = [x.user for x in heads.select_related("user")]
                    addresses = [x.email for x in leaders] + [u.email for u in users]
                    message = Message(level, agency, group, _unique(addresses), leaders=leaders, users=users)
                _compose(message, as_of)
                messages.append(message)
    return messages


def remind(as_of: date, dry_run: bool = False) -> list[Message]:
    """Send (unless ``dry_run``) the reminders and escalations due on ``as_of``; returns what was (or would be) sent."""
    messages = plan_reminders(as_of)
    if dry_run:
        return messages
    connection = get_connection()
    for message in messages:
        if message.recipients:
            EmailMessage(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, message.recipients,
                         connection=connection).send()
        with transaction.atomic():
            if message.level == REMINDER:
                Notification.objects.create(agency=message.agency, level=REMINDER, message=message.body)
            else:
                for leader in message.leaders:
                    Notification.objects.create(leader=leader, agency=message.agency, level=ESCALATION,
                                                message=message.body)
                for user in message.users:
                    Notification.objects.create(user=user, agency=message.agency, level=ESCALATION,
                                                message=message.body)
            for item in message.items:
                Reminder.objects.create(agency=item.agency, kind=item.kind, period=item.period, level=message.level,
                                        due=item.due, sent_on=as_of, recipients=", ".join(message.recipients))
    return messages


def ensure_plan_obligations(start: date, period_kinds: tuple[str, ...] = ("month",)) -> int:
    """What a plan such as Kế hoạch 86/KH-UBND asks ("các sở, ngành báo cáo định kỳ hằng tháng"): every
    agency that leads a task owes a task report, every agency that monitors an indicator a figures
    report, every agency responsible for a key project a project report, for each period of
    ``period_kinds`` from ``start``. Obligations that exist are kept as they are; returns how many were added."""
    wanted = {
        TASKS: Q(lead_tasks__isnull=False),
        FIGURES: Q(monitored_indicators__isnull=False),
        PROJECTS: Q(projects__isnull=False),
    }
    added = 0
    for kind, has in wanted.items():
        existing = set(ReportingObligation.objects.filter(kind=kind).values_list("agency_id", flat=True))
        for agency in Agency.objects.filter(has).exclude(kind=AgencyKind.COLLECTIVE.value).exclude(pk__in=existing).distinct():
            ReportingObligation.objects.create(agency=agency, kind=kind, period_kinds=list(period_kinds), start=start)
            added += 1
    return added
