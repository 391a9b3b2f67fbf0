"""Sở Tài chính returns a submitted progress update with a reason; the agency corrects and resubmits it.

A returned update does not count for the task's status until it is submitted again.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import TaskProgress

pytestmark = pytest.mark.django_db
REASON = "Chưa có số văn bản làm minh chứng."


@pytest.fixture
def submitted(make_task, officer) -> TaskProgress:
    progress = services.record_progress(make_task(due=date(2025, 6, 30)), on=date(2025, 5, 1),
                                        status="completed", completed_on=date(2025, 5, 1), user=officer)
    return services.submit_progress(progress, officer, as_of=date(2025, 5, 1))


def test_a_returned_update_no_longer_counts_until_it_is_resubmitted(submitted, officer, approver):
    assert services.status_of(submitted.task, date(2025, 5, 2)).status.is_completed

    services.return_progress(submitted, approver, REASON)

    submitted.refresh_from_db()
    assert (submitted.review_status, submitted.return_reason, submitted.returned_by) == ("returned", REASON, approver)
    assert not services.status_of(submitted.task, date(2025, 5, 2)).status.is_completed
    assert submitted not in services.counted_progress()

    corrected = services.update_draft(submitted, {"evidence_reference": "45/BC-SCT"}, officer,
                                      expected_version=submitted.row_version)
    services.submit_progress(corrected, officer, as_of=date(2025, 5, 2))

    corrected.refresh_from_db()
    assert corrected.review_status == "submitted" and corrected.evidence_reference == "45/BC-SCT"
    assert services.status_of(corrected.task, date(2025, 5, 2)).status.is_completed
    statuses = list(corrected.history.order_by("history_date", "history_id").values_list("review_status", flat=True))
    assert statuses == ["draft", "submitted", "returned", "returned", "submitted"]


def test_an_officer_may_not_return_an_update(submitted, officer):
    with pytest.raises(PermissionDenied):
        services.return_progress(submitted, officer, REASON)
    submitted.refresh_from_db()
    assert submitted.review_status == "submitted"
