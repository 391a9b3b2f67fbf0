"""POST /api/v1/figures/{id}/return and /api/v1/tasks/progress/{id}/return: Sở Tài chính returns a
submitted entry to its agency with a reason (``review.services.send_back``); the officers read the
reason on the entry, correct it and submit it again. A return needs its reason; nobody else may
return; only a submitted entry can be returned."""

from __future__ import annotations

import pytest

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.api.test_figure_workflow import draft
from tests.apps.workspace.workspace_support import EXPLANATION, task_of

pytestmark = pytest.mark.django_db

REASON = "Số liệu tháng 7 chưa khớp với báo cáo của Chi cục Thống kê, đề nghị kiểm tra lại"


def submitted_figure(officer) -> int:
    pk = draft(officer, **EXPLANATION)
    assert officer.post(f"figures/{pk}/submit", as_of="2025-08-06").json()["status"] == "submitted"
    return pk


def submitted_update(officer) -> int:
    task = task_of(number=16)
    body = {"on": "2025-08-06", "status": "in_progress", "percent": 60, "note": "Đã trình dự thảo lần 2",
            "submit": True, **EXPLANATION}
    response = officer.post(f"tasks/{task.pk}/progress", body, as_of="2025-08-06")
    assert response.status_code == 201 and response.json()["workflow"] == "submitted", response.content
    return response.json()["id"]


def test_finance_returns_a_figure_and_the_officer_reads_why_corrects_and_resubmits(api_as, people):
    officer, finance = api_as("officer_a"), api_as("finance")
    pk = submitted_figure(officer)

    returned = finance.post(f"figures/{pk}/return", {"return_reason": REASON})

    assert returned.status_code == 200, returned.content
    assert (returned.json()["status"], returned.json()["return_reason"]) == ("returned", REASON)
    seen = officer.get(f"figures/{pk}").json()
    assert (seen["status"], seen["return_reason"]) == ("returned", REASON) and seen["returned_at"]
    figure = ActualFigure.objects.get(pk=pk)
    assert figure.returned_by == people["finance"]

    again = officer.post(f"figures/{pk}/submit", as_of="2025-08-06")
    assert again.status_code == 200 and again.json()["status"] == "submitted"


def test_finance_returns_a_progress_update_and_the_officer_reads_why(api_as, people):
    officer, finance = api_as("officer_a"), api_as("finance")
    pk = submitted_update(officer)

    returned = finance.post(f"tasks/progress/{pk}/return", {"return_reason": REASON})

    assert returned.status_code == 200, returned.content
    assert (returned.json()["workflow"], returned.json()["return_reason"]) == ("returned", REASON)
    update = TaskProgress.objects.get(pk=pk)
    assert (update.review_status, update.returned_by) == ("returned", people["finance"])

    again = officer.post(f"tasks/progress/{pk}/submit", as_of="2025-08-06")
    assert again.status_code == 200 and again.json()["workflow"] == "submitted"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_return_without_a_reason_is_refused_naming_the_field(api_as, reason):
    officer, finance = api_as("officer_a"), api_as("finance")
    figure, update = submitted_figure(officer), submitted_update(officer)

    for path in (f"figures/{figure}/return", f"tasks/progress/{update}/return"):
        refused = finance.post(path, {"return_reason": reason})

        assert refused.status_code == 400, refused.content
        assert [e["field"] for e in refused.json()["errors"]] == ["return_reason"]
    assert ActualFigure.objects.get(pk=figure).review_status == "submitted"
    assert TaskProgress.objects.get(pk=update).review_status == "submitted"


@pytest.mark.parametrize("role", ["officer_a", "officer_b", "leader"])
def test_only_finance_returns(api_as, role):
    officer = api_as("officer_a")
    figure, update = submitted_figure(officer), submitted_update(officer)

    for path in (f"figures/{figure}/return", f"tasks/progress/{update}/return"):
        assert api_as(role).post(path, {"return_reason": REASON}).status_code == 403
    assert ActualFigure.objects.get(pk=figure).review_status == "submitted"
    assert TaskProgress.objects.get(pk=update).review_status == "submitted"


def test_a_draft_cannot_be_returned(api_as):
    pk = draft(api_as("officer_a"), **EXPLANATION)

    refused = api_as("finance").post(f"figures/{pk}/return", {"return_reason": REASON})

    assert refused.status_code == 400 and refused.json()["detail"]
    assert ActualFigure.objects.get(pk=pk).review_status == "draft"
