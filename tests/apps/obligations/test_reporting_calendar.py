"""The reporting calendar: what each agency owes and when (Nghị định 09/2019/NĐ-CP), what it submitted."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kehoach.apps.obligations.models import ReportingObligation, ReportingSettings, Submission
from kehoach.apps.obligations.services import on_time_rate, owed, record_submission
from kehoach.domain.assessment.calendar import Deadlines
from kehoach.domain.assessment.model import ReportStatus

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9):
    return dt.datetime(year, month, day, hour, tzinfo=HANOI)


def test_the_settings_are_a_single_row_with_defaults():
    settings = ReportingSettings.get()
    assert settings.pk == 1 and not ReportingSettings.objects.exists()
    assert settings.deadlines() == Deadlines() and settings.reminder_lead_days == 3

    settings.month_day = 20
    settings.save()
    ReportingSettings(quarter_day=25).save()  # saving another one replaces it
    assert ReportingSettings.objects.count() == 1
    assert ReportingSettings.get().deadlines() == Deadlines(month_day=18, quarter_day=25)


def test_a_month_report_covers_the_15th_to_the_14th_and_is_due_on_the_configured_day(monthly_tasks):
    dues = owed(date(2025, 3, 1))
    assert [d.period for d in dues] == [f"2025-{m:02d}" for m in range(3, 13)]  # owed from March on
    march = dues[0]
    assert (march.window_start, march.window_end, march.due) == (date(2025, 2, 15), date(2025, 3, 14),
                                                                 date(2025, 3, 18))
    assert (march.period_label, march.kind_label) == ("Tháng 3/2025", "Cập nhật nhiệm vụ")

    ReportingSettings(month_day=31).save()
    assert owed(date(2025, 3, 1))[1].due == date(2025, 4, 30)  # clamped to the month's last day


def test_quarters_halves_and_the_year(finance):
    ReportingObligation.objects.create(agency=finance, kind="figures", period_kinds=["quarter", "h1", "9m", "year"],
                                       start=date(2025, 1, 1))
    dues = {d.period: (d.window_start, d.window_end, d.due) for d in owed(date(2025, 1, 1))}
    assert dues["2025-Q1"] == (date(2024, 12, 15), date(2025, 3, 14), date(2025, 3, 18))
    assert dues["2025-H1"] == (date(2024, 12, 15), date(2025, 6, 14), date(2025, 6, 18))
    assert dues["2025-9M"] == (date(2024, 12, 15), date(2025, 9, 14), date(2025, 9, 18))
    assert dues["2025"] == (date(2024, 12, 15), date(2025, 12, 14), date(2025, 12, 18))


def test_submitted_late_missing_and_pending(monthly_tasks, finance, officer):
    record_submission(finance, "tasks", "2025-03", officer, at=at(2025, 3, 18, 23))
    record_submission(finance, "tasks", "2025-04", officer, at=at(2025, 4, 21))

    status = {d.period: (d.status, d.submitted_on) for d in owed(date(2025, 6, 1))}
    assert status["2025-03"] == (ReportStatus.SUBMITTED, date(2025, 3, 18))
    assert status["2025-04"] == (ReportStatus.LATE, date(2025, 4, 21))
    assert status["2025-05"] == (ReportStatus.MISSING, None)
    assert status["2025-06"] == (ReportStatus.PENDING, None)
    assert on_time_rate(finance, date(2025, 6, 1)) == (1, 3, Decimal(1) / Decimal(3))
    assert on_time_rate(finance, date(2025, 3, 1)) == (0, 0, None)


def test_a_submission_is_recorded_once(monthly_tasks, finance, officer):
    first = record_submission(finance, "tasks", "2025-03", officer, at=at(2025, 3, 17))
    again = record_submission(finance, "tasks", "2025-03", None, at=at(2025, 3, 20))
    assert again == first and Submission.objects.count() == 1
    assert first.submitted_by == officer and first.history.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(agency=finance, kind="tasks", period="2025-03")


@pytest.mark.parametrize(("kind", "period"), [("figures", "2025-03"), ("tasks", "2025-Q1"), ("tasks", "2025-13"),
                                              ("tasks", "2025-H2")])
def test_what_is_not_owed_cannot_be_submitted(monthly_tasks, finance, kind, period):
    with pytest.raises(ValidationError):
        record_submission(finance, kind, period)
    assert not Submission.objects.exists()


def test_the_period_kinds_are_checked(finance):
    for bad in ([], ["week"], "month"):
        with pytest.raises(ValidationError):
            ReportingObligation(agency=finance, kind="tasks", period_kinds=bad).full_clean()
