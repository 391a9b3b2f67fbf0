"""Sở Tài chính's approval queue: submitted figures and task updates, each with its agency, value or
progress and explanation; Approve (then Publish, for figures). Once approved, the assessment uses
them. Only Sở Tài chính and administrators: everyone else gets 403 and nothing changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment.model import TaskStatus
from tests.apps.workspace.workspace_support import (
    AS_OF,
    EXPLANATION,
    Q,
    act,
    agency,
    figure_post,
    progress_post,
    task_of,
    url,
    written,
)

pytestmark = pytest.mark.django_db
APPROVALS = reverse("approvals:queue")


def submit_both(client, task):
    client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)))
    client.post(*act(agency(), progress_post(task, action="progress-submit", status="completed", percent="100",
                              note="Quyết định 2345/QĐ-UBND đã ban hành")))
    return (ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True),
            TaskProgress.objects.get(task=task))


def status_of(task):
    return next(a for a in assess_all(AS_OF).tasks if a.task == task.pk)


def iip():
    return next(a for a in assess_all(AS_OF).indicators if a.indicator == "iip")


def test_submitted_work_is_approved_and_then_counts(people, login, django_assert_max_num_queries):
    task = task_of(number=16)
    assert status_of(task).status == TaskStatus.QUA_HAN_CHUA_BAO_CAO and iip().period.code == "2025-H1"
    figure, update = submit_both(login(people["officer_a"]), task)
    assert iip().period.code == "2025-H1"  # submitted, not approved: not used yet
    finance = login(people["finance"])

    with django_assert_max_num_queries(45):
        queue = finance.get(APPROVALS + Q)

    html = queue.content.decode()
    assert queue.status_code == 200
    row = html[html.index(f'data-figure="{figure.pk}"'):]
    row = row[:row.index("</tr>")]
    assert "Sở Công Thương" in row and "110" in row and EXPLANATION["cause"] in row and "Chậm" in row
    row = html[html.index(f'data-progress="{update.pk}"'):]
    row = row[:row.index("</tr>")]
    assert "Sở Công Thương" in row and "Quyết định 2345/QĐ-UBND" in row and "(100%)" in row

    finance.post(reverse("approvals:approve-figure", args=[figure.pk]))
    done = finance.post(reverse("approvals:approve-progress", args=[update.pk]), follow=True)

    figure.refresh_from_db()
    update.refresh_from_db()
    assert figure.review_status == "approved" and figure.approved_by == people["finance"]
    assert update.review_status == "approved" and update.approved_by == people["finance"]
    assert "Đã phê duyệt cập nhật tiến độ nhiệm vụ 16." in done.content.decode()
    # The assessment uses them: the task is completed (late), July's IIP is the latest period assessed.
    assert status_of(task).status == TaskStatus.HOAN_THANH_QUA_HAN
    assessed = iip()
    assert assessed.period.code == "2025-07" and assessed.actual == Decimal("110")
    assert "tháng 7/2025 đạt 110" in assessed.reason


def test_an_approved_figure_is_published(people, login):
    figure, _update = submit_both(login(people["officer_a"]), task_of(number=16))
    finance = login(people["finance"])
    finance.post(reverse("approvals:approve-figure", args=[figure.pk]))

    html = finance.get(APPROVALS + Q).content.decode()
    assert f'data-figure="{figure.pk}"' in html[html.index('id="to-publish"'):]
    finance.post(reverse("approvals:publish-figure", args=[figure.pk]))

    figure.refresh_from_db()
    assert figure.public


def test_a_draft_cannot_be_approved(people, login):
    login(people["officer_a"]).post(*act(agency(), figure_post()))
    draft = ActualFigure.objects.get(indicator__key="iip", period="2025-07")

    response = login(people["finance"]).post(reverse("approvals:approve-figure", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert draft.review_status == "draft" and "error" in response.content.decode()


@pytest.mark.parametrize("role", ["officer_a", "officer_b", "leader", "nobody"])
def test_only_finance_and_administrators_open_the_queue(people, login, role):
    figure, update = submit_both(login(people["officer_a"]), task_of(number=16))
    before = written()
    client = login(people[role])

    assert client.get(APPROVALS).status_code == 403
    assert client.post(reverse("approvals:approve-figure", args=[figure.pk])).status_code == 403
    assert client.post(reverse("approvals:approve-progress", args=[update.pk])).status_code == 403
    assert written() == before


def test_administrators_approve_too(people, login):
    figure, _update = submit_both(login(people["officer_a"]), task_of(number=16))

    login(people["admin"]).post(reverse("approvals:approve-figure", args=[figure.pk]))

    figure.refresh_from_db()
    assert figure.review_status == "approved"


def test_officer_b_gets_403_on_every_url_of_sở_công_thương(people, login):
    """The whole flow's URLs, tried by the officer of Sở Văn hóa: 403 everywhere, nothing changed."""
    task = task_of(number=16)
    figure, update = submit_both(login(people["officer_a"]), task)
    client = login(people["officer_b"])
    before = written()
    workspace = url("workspace:agency", agency())

    responses = [
        client.get(workspace),
        client.get(url("workspace:template", agency())),
        client.get(url("workspace:upload", agency())),
        client.post(*act(agency(), {"action": "confirm", "digest": "x"})),
        client.post(*act(agency(), figure_post())),
        client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION))),
        client.post(*act(agency(), {"action": "submit-figure", "figure": figure.pk})),
        client.post(*act(agency(), progress_post(task))),
        client.post(*act(agency(), {"action": "submit-progress", "progress": update.pk})),
        client.get(APPROVALS),
        client.post(reverse("approvals:approve-figure", args=[figure.pk])),
        client.post(reverse("approvals:publish-figure", args=[figure.pk])),
        client.post(reverse("approvals:approve-progress", args=[update.pk])),
    ]

    assert [r.status_code for r in responses] == [403] * len(responses)
    assert written() == before


def test_anonymous_users_sign_in_first(client, people):
    response = client.get(APPROVALS)

    assert response.status_code == 302 and reverse("login") in response["Location"]
