"""Sở Tài chính returns a submitted figure or progress update with a reason; the officer sees the
reason in the workspace, corrects the entry and submits it again; the history keeps each round."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import (
    EXPLANATION,
    act,
    agency,
    figure_post,
    progress_post,
    task_of,
    url,
    written,
)

pytestmark = pytest.mark.django_db
REASON = "Số liệu chưa khớp với báo cáo của Chi cục Thống kê."


def submitted_figure(client) -> ActualFigure:
    client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)))
    return ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True)


def test_a_returned_figure_shows_its_reason_and_goes_back_to_the_queue_once_corrected(people, login):
    figure = submitted_figure(login(people["officer_a"]))

    finance = login(people["finance"])  # the test client signs in as one user at a time
    done = finance.post(reverse("approvals:return-figure", args=[figure.pk]), {"return_reason": REASON},
                        follow=True)

    assert done.status_code == 200
    figure.refresh_from_db()
    assert (figure.review_status, figure.return_reason, figure.returned_by) == ("returned", REASON, people["finance"])
    assert f'data-figure="{figure.pk}"' not in finance.get(url("approvals:queue")).content.decode()
    officer = login(people["officer_a"])
    page = officer.get(url("workspace:agency", agency())).content.decode()
    assert REASON in page and "Bị trả lại" in page

    officer.post(*act(agency(), {"action": "submit-figure", "figure": figure.pk}))

    figure.refresh_from_db()
    assert figure.review_status == "submitted"
    assert f'data-figure="{figure.pk}"' in login(people["finance"]).get(url("approvals:queue")).content.decode()
    rounds = list(figure.history.order_by("history_date", "history_id").values_list("review_status", flat=True))
    assert rounds[-3:] == ["submitted", "returned", "submitted"]


def test_a_returned_update_is_corrected_in_its_form_and_resubmitted(people, login):
    officer = login(people["officer_a"])
    task = task_of(number=16)
    officer.post(*act(agency(), progress_post(task, action="progress-submit", status="completed", percent="100",
                               note="Quyết định 2345/QĐ-UBND đã ban hành")))
    update = TaskProgress.objects.get(task=task)

    login(people["finance"]).post(reverse("approvals:return-progress", args=[update.pk]), {"return_reason": REASON})

    update.refresh_from_db()
    assert update.review_status == "returned"
    officer = login(people["officer_a"])
    assert REASON in officer.get(url("workspace:agency", agency())).content.decode()
    officer.post(*act(agency(), progress_post(task, action="progress-submit", status="completed", percent="100",
                               note="Quyết định 2345/QĐ-UBND ngày 01/8/2025", draft=update.pk,
                               version=update.row_version)))
    update.refresh_from_db()
    assert (update.review_status, update.note) == ("submitted", "Quyết định 2345/QĐ-UBND ngày 01/8/2025")
    assert TaskProgress.objects.filter(task=task).count() == 1  # corrected in place, not a second update


def test_a_return_without_a_reason_changes_nothing(people, login):
    figure = submitted_figure(login(people["officer_a"]))
    before = written()

    done = login(people["finance"]).post(reverse("approvals:return-figure", args=[figure.pk]), {"return_reason": " "},
                                         follow=True)

    assert done.status_code == 200 and written() == before


@pytest.mark.parametrize("role", ["officer_a", "leader"])
def test_only_finance_returns(people, login, role):
    figure = submitted_figure(login(people["officer_a"]))
    before = written()

    response = login(people[role]).post(reverse("approvals:return-figure", args=[figure.pk]),
                                        {"return_reason": REASON})

    assert response.status_code == 403 and written() == before
