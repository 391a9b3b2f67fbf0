"""The reporting admin: settings (one row), obligations, submissions, notifications, reminders sent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kehoach.apps.obligations.models import (
    Notification,
    Reminder,
    ReportingObligation,
    ReportingSettings,
    Submission,
)
from kehoach.apps.obligations.services import record_submission
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

pytestmark = pytest.mark.django_db
MODELS = [ReportingSettings, ReportingObligation, Submission, Notification, Reminder]


@pytest.fixture
def reporting(monthly_tasks, finance, officer):
    ReportingSettings().save()
    record_submission(finance, "tasks", "2025-04")
    call_command("remind", "--as-of", "2025-03-16", stdout=StringIO())


@pytest.mark.parametrize("model", MODELS)
def test_pages_load_in_vietnamese(admin_client, reporting, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "Sở")
    check_object_pages(admin_client, model)


def test_there_is_one_settings_row(admin_client, reporting):
    assert admin_client.get(admin_url(ReportingSettings, "add")).status_code == 403


def test_an_obligation_is_entered_with_checkboxes(admin_client, finance):
    response = admin_client.post(admin_url(ReportingObligation, "add"), {
        "agency": finance.pk, "kind": "figures", "period_kinds": ["month", "quarter"], "start": "2025-01-01",
    })
    assert response.status_code == 302
    assert ReportingObligation.objects.get().period_kinds == ["month", "quarter"]
    page = admin_client.get(admin_url(ReportingObligation, "changelist")).content.decode()
    assert "Tháng, Quý" in page


def test_a_member_sees_only_the_notifications_for_them(client, reporting, officer):
    officer.is_staff = True
    officer.save()
    from django.contrib.auth.models import Permission

    officer.user_permissions.add(Permission.objects.get(codename="view_notification"),
                                 Permission.objects.get(codename="change_notification"))
    stranger = get_user_model().objects.create_user("khac")
    Notification.objects.create(user=stranger, message="Không phải của bạn")
    client.force_login(officer)

    page = client.get(admin_url(Notification, "changelist")).content.decode()
    assert "Sở Tài chính có báo cáo sắp đến hạn" in page and "Không phải của bạn" not in page

    mine = Notification.objects.get(agency__isnull=False)
    client.post(admin_url(Notification, "changelist"), {"action": "mark_read", "_selected_action": [mine.pk]})
    mine.refresh_from_db()
    assert mine.read_at is not None and mine.history.count() == 2
