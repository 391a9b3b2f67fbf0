"""The audit trail: every create, update and delete of kehoach's data records who, when, what
before and what after; changes made by commands say which command and which OS user (test_command_attribution); the trail
cannot be edited through the UI (no admin for the history tables, the admin's revert page is the
administrator's only)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from kehoach.apps.obligations.models import ReportingSettings
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import act, agency, progress_post, task_of

# Models of kehoach that keep no history, and why.
WITHOUT_HISTORY = {
    "accounts.loginfailure": "a security counter of failed sign-ins (the throttle), not plan data; deleted "
                             "at the next successful sign-in",
    "accounts.preference": "a person's own choice of interface language, not plan data; only they change it",
    "assessment.dataversion": "a counter raised after every committed change, so that server processes know "
                              "when a kept assessment is out of date (assessment.freshness); no one's record",
    "inbox.read": "which notice a user has read (the notices are what stands now, not stored); no plan data",
    "documents.stagedupload": "a pending web upload, deleted when confirmed or discarded; the import it "
                              "leads to is recorded in the history of every row it stores",
    "documents.importcorrection": "itself a record of the import's history (who corrected what, when), created "
                                  "with the import and never changed (no page edits one)",
}


def kehoach_models():
    return [m for m in apps.get_models() if m.__module__.startswith("kehoach.")
            and not m.__name__.startswith("Historical")]


def test_every_model_of_kehoach_keeps_its_history():
    missing = [m._meta.label_lower for m in kehoach_models()
               if not hasattr(m, "history") and m._meta.label_lower not in WITHOUT_HISTORY]
    assert missing == [], "add `history = HistoricalRecords()` (or a reason to WITHOUT_HISTORY)"
    assert set(WITHOUT_HISTORY) <= {m._meta.label_lower for m in kehoach_models()}  # no stale exemption


def test_the_history_tables_have_no_admin_page():
    assert [m for m in admin.site._registry if m.__name__.startswith("Historical")] == []


@pytest.mark.django_db
def test_create_update_delete_record_who_when_before_and_after(people, login):
    officer = login(people["officer_a"])
    task = task_of()
    officer.post(*act(agency(), progress_post(task, percent="30", note="Bắt đầu")))
    update = TaskProgress.objects.get(task=task)
    officer.post(*act(agency(), progress_post(task, draft=update.pk, version=update.row_version, percent="45", note="Tiếp tục")))
    login(people["admin"]).post(reverse("admin:tasks_taskprogress_delete", args=[update.pk]), {"post": "yes"})

    created, changed, deleted = update.history.order_by("history_date", "history_id")
    assert [r.history_type for r in (created, changed, deleted)] == ["+", "~", "-"]
    assert [r.history_user for r in (created, changed, deleted)] == [people["officer_a"]] * 2 + [people["admin"]]
    assert created.history_date <= changed.history_date <= deleted.history_date
    diff = {c.field: (c.old, c.new) for c in changed.diff_against(created).changes}
    assert diff["percent"] == (30, 45) and diff["note"] == ("Bắt đầu", "Tiếp tục")


@pytest.mark.django_db
def test_a_change_of_the_settings_is_recorded_with_its_author(people, login):
    client = login(people["admin"])
    client.post(reverse("admin:reporting_reportingsettings_add"),
                {"month_day": 20, "quarter_day": 20, "h1_day": 20, "nine_months_day": 20, "year_day": 15,
                 "reminder_lead_days": 3})
    settings_row = ReportingSettings.objects.get()
    record = settings_row.history.get()
    assert record.history_user == people["admin"] and record.history_type == "+" and record.month_day == 20


@pytest.mark.django_db
def test_staff_read_an_old_version_in_the_admin_but_cannot_bring_it_back(people, login):
    """Sở Tài chính may change progress updates, but the revert page of the history is the administrator's."""
    from kehoach.apps.tasks import services

    update = services.record_progress(task_of(), on=progress_date(), status="in_progress", percent=10,
                                      user=people["officer_a"])
    first = update.history.get()
    services.update_draft(update, {"percent": 20}, people["officer_a"])
    revert = reverse("admin:tasks_taskprogress_simple_history", args=[update.pk, first.history_id])
    finance = login(people["finance"])

    assert finance.get(revert).status_code == 200
    assert finance.post(revert, {"task": update.task_id, "on": "05/08/2025", "status": "in_progress",
                                 "percent": 10}).status_code == 403
    assert TaskProgress.objects.get(pk=update.pk).percent == 20 and update.history.count() == 2


def progress_date():
    from datetime import date

    return date(2025, 8, 5)
