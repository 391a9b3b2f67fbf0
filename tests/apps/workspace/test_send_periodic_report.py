"""An agency marks its periodic report as sent from its workspace: the reporting calendar records
the submission (late when past its due date) and nobody else can do it for the agency."""

from __future__ import annotations

import pytest

from kehoach.apps.obligations.models import Submission
from kehoach.apps.obligations.services import owed
from kehoach.apps.organisations.models import Agency

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


def workspace(name: str, action: str = "") -> str:
    return f"/agencies/{Agency.objects.get(name=name).pk}/workspace/{action}?as_of={AS_OF}"


def test_the_officer_sends_the_july_task_report_late(people, login):
    from datetime import date

    agency = Agency.objects.get(name="Sở Công Thương")
    client = login(people["officer_a"])
    assert 'name="report-period" value="2025-07"' in client.get(workspace("Sở Công Thương")).content.decode()

    response = client.post(workspace("Sở Công Thương", "reports/submit/"), {"action": "submit-report", "report-kind": "tasks",
                                                         "report-period": "2025-07"})

    assert response.status_code == 302
    submission = Submission.objects.get(agency=agency, kind="tasks", period="2025-07")
    assert submission.submitted_by == people["officer_a"]
    july = next(r for r in owed(date.today(), agency, year=2025) if r.kind == "tasks" and r.period == "2025-07")
    assert july.status.value == "late"  # due 18/07/2025, sent after


def test_another_agency_cannot_send_it(people, login):
    client = login(people["officer_b"])

    response = client.post(workspace("Sở Công Thương", "reports/submit/"), {"action": "submit-report", "report-kind": "tasks",
                                                         "report-period": "2025-07"})

    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_report_the_agency_does_not_owe_is_refused_with_a_message(people, login):
    client = login(people["officer_a"])

    page = client.post(workspace("Sở Công Thương", "reports/submit/"), {"action": "submit-report", "report-kind": "nothing",
                                                     "report-period": "2025-07"}, follow=True).content.decode()

    assert not Submission.objects.exists()
    assert "Sở Công Thương" in page and 'class="messages error" role="status" data-place="place-reports"' in page
