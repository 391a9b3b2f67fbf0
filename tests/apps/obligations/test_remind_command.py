"""``kehoach remind``: e-mail and in-app reminders before the deadline, escalation to the leader after it."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.apps.obligations.models import Notification, Reminder, ReportingObligation, ReportingSettings
from kehoach.apps.obligations.services import notifications_for, record_submission
from kehoach.apps.organisations.models import Agency, Leader, Membership

pytestmark = pytest.mark.django_db


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_reminds_the_agency_and_its_members_before_the_deadline(monthly_tasks, finance, officer):
    text = remind("--as-of", "2025-03-15")  # the March report is due on 18/03, 3 days later

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["stc@haiphong.gov.vn", "canbo@stc.vn"]
    assert message.subject == "[kehoach] Sắp đến hạn gửi báo cáo: Sở Tài chính"
    assert "Cập nhật nhiệm vụ, Tháng 3/2025 (số liệu từ 15/02/2025 đến 14/03/2025): hạn gửi 18/03/2025" in message.body
    notification = Notification.objects.get()
    assert (notification.level, notification.agency, notification.user) == ("reminder", finance, None)
    assert list(notifications_for(officer)) == [notification]
    assert Reminder.objects.get().sent_on == date(2025, 3, 15)
    assert "1 reminder(s), 0 escalation(s) sent" in text


def test_nothing_before_the_lead_days_nor_once_submitted(monthly_tasks, finance):
    remind("--as-of", "2025-03-14")
    assert mail.outbox == [] and not Notification.objects.exists()

    record_submission(finance, "tasks", "2025-03", at=datetime(2025, 3, 15, 10, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    remind("--as-of", "2025-03-16")
    assert mail.outbox == []


def test_running_twice_the_same_day_sends_nothing_new(monthly_tasks, officer):
    remind("--as-of", "2025-03-16")
    text = remind("--as-of", "2025-03-16")

    assert len(mail.outbox) == 1 and Notification.objects.count() == 1
    assert "0 reminder(s), 0 escalation(s) sent" in text

    remind("--as-of", "2025-03-17")  # the next day, reminded again
    assert len(mail.outbox) == 2 and Reminder.objects.count() == 2


def test_escalates_to_the_supervising_leader_after_the_deadline(monthly_tasks, finance, officer):
    text = remind("--as-of", "2025-03-19")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["chutich@haiphong.gov.vn"]
    assert message.subject == "[kehoach] Báo cáo quá hạn: Sở Tài chính"
    assert "hạn gửi 18/03/2025, đã quá hạn 1 ngày" in message.body
    leader = Leader.objects.get(name="Chủ tịch UBND thành phố")
    notification = Notification.objects.get()
    assert (notification.level, notification.leader, notification.agency) == ("escalation", leader, finance)
    assert list(notifications_for(officer)) == []  # addressed to the leader, not to the agency's members
    assert "escalation: Sở Tài chính -> chutich@haiphong.gov.vn" in text

    remind("--as-of", "2025-03-19")
    remind("--as-of", "2025-03-20")  # escalated once per report
    assert len(mail.outbox) == 1


def test_reminders_and_escalations_the_same_day(monthly_tasks, finance):
    remind("--as-of", "2025-04-16")  # March missing, April due on 18/04
    assert sorted(m.subject for m in mail.outbox) == [
        "[kehoach] Báo cáo quá hạn: Sở Tài chính", "[kehoach] Sắp đến hạn gửi báo cáo: Sở Tài chính",
    ]
    assert set(Reminder.objects.values_list("period", "level")) == {("2025-03", "escalation"), ("2025-04", "reminder")}


def test_an_agency_leading_no_task_with_a_leader_escalates_to_its_heads(stored_plan):
    construction = Agency.objects.get(name="Sở Xây dựng")  # leads task 2, which has no leader
    head = get_user_model().objects.create_user("giam-doc", email="giamdoc@sxd.vn")
    Membership.objects.create(user=head, agency=construction, role=Membership.HEAD)
    ReportingObligation.objects.create(agency=construction, kind="projects", period_kinds=["quarter"],
                                       start=date(2025, 1, 1))

    remind("--as-of", "2025-03-20")

    assert [m.to for m in mail.outbox] == [["giamdoc@sxd.vn"]]
    assert list(notifications_for(head).values_list("level", flat=True)) == ["escalation"]


def test_the_lead_days_are_configurable(monthly_tasks):
    ReportingSettings(reminder_lead_days=7).save()
    remind("--as-of", "2025-03-11")
    assert len(mail.outbox) == 1


def test_dry_run_sends_and_records_nothing(monthly_tasks, officer):
    text = remind("--as-of", "2025-04-16", "--dry-run")

    assert mail.outbox == []
    assert not Notification.objects.exists() and not Reminder.objects.exists()
    assert "reminder: Sở Tài chính -> stc@haiphong.gov.vn, canbo@stc.vn" in text
    assert "  tasks 2025-04 due 2025-04-18" in text
    assert "1 reminder(s), 1 escalation(s) would be sent (dry run: nothing sent)" in text

    remind("--as-of", "2025-04-16")  # the real run afterwards still sends them
    assert len(mail.outbox) == 2


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="not a date"):
        call_command("remind", "--as-of", "16/04/2025")
