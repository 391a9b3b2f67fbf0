"""``kehoach assess``: each agency's scorecard counts its reports of the year due by the as-of date
and those submitted on time (the reporting calendar of ``kehoach.apps.obligations``), in a number of
queries that does not grow with the agencies."""

from __future__ import annotations

import datetime as dt
import json
from datetime import date
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.obligations.models import ReportingObligation
from kehoach.apps.obligations.services import on_time_rate, record_submission
from kehoach.apps.organisations.models import Agency

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
AS_OF = date(2025, 6, 1)


def at(year, month, day, hour=9):
    return dt.datetime(year, month, day, hour, tzinfo=HANOI)


def owes_monthly_task_updates(agency: Agency) -> None:
    ReportingObligation.objects.create(agency=agency, kind="tasks", period_kinds=["month"], start=date(2025, 3, 1))


@pytest.fixture
def finance(stored_plan) -> Agency:
    """Sở Tài chính, lead of task 1: owes its monthly task updates from March 2025; March's on time,
    April's late, May's missing (due 18/06, June's is not due yet on 01/06)."""
    agency = Agency.objects.get(name="Sở Tài chính")
    owes_monthly_task_updates(agency)
    record_submission(agency, "tasks", "2025-03", at=at(2025, 3, 18, 23))
    record_submission(agency, "tasks", "2025-04", at=at(2025, 4, 21))
    return agency


def scorecards(as_of: date) -> dict[str, dict]:
    out = StringIO()
    call_command("assess", "--as-of", as_of.isoformat(), "--json", stdout=out)
    return {card["name"]: card for card in json.loads(out.getvalue())["agencies"]}


def test_reports_due_and_on_time(finance):
    card = scorecards(AS_OF)["Sở Tài chính"]

    assert (card["reports_due"], card["reports_on_time"]) == (3, 1)
    assert card["on_time_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert on_time_rate(finance, AS_OF) == (1, 3, Decimal(1) / Decimal(3))  # as the reporting calendar says


def test_nothing_due_yet_gives_no_rate(finance):
    card = scorecards(date(2025, 3, 1))["Sở Tài chính"]

    assert (card["reports_due"], card["reports_on_time"], card["on_time_rate"]) == (0, 0, None)


def test_an_agency_that_only_reports_has_a_scorecard(finance):
    owes_monthly_task_updates(Agency.objects.create(name="Sở Nội vụ"))

    card = scorecards(AS_OF)["Sở Nội vụ"]

    assert (card["reports_due"], card["reports_on_time"], card["on_time_rate"]) == (3, 0, 0)
    assert card["task_count"] == 0


def test_the_number_of_queries_does_not_grow_with_the_agencies(finance):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assess_all(AS_OF)
        return len(captured)

    before = queries()
    for name in ("Sở Nội vụ", "Sở Y tế", "Sở Xây dựng"):
        agency, _created = Agency.objects.get_or_create(name=name)
        owes_monthly_task_updates(agency)
        record_submission(agency, "tasks", "2025-03", at=at(2025, 3, 10))

    assert queries() == before
    assert scorecards(AS_OF)["Sở Y tế"]["reports_on_time"] == 1
