"""Sở Tài chính ticks several submitted entries in the queue and approves them with one click; each
goes through the same rules as its own Approve button: who entered or submitted an entry still may
not approve it (maker-checker), and that refusal is said by name while the others are approved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import (
    EXPLANATION,
    Q,
    act,
    agency,
    figure_post,
    progress_post,
    task_of,
    written,
)

pytestmark = pytest.mark.django_db
QUEUE = reverse("approvals:queue")


def current(indicator: str, period: str) -> ActualFigure:
    return ActualFigure.objects.get(indicator__key=indicator, period=period, is_current=True)


def submit_three_figures(client) -> list[ActualFigure]:
    client.post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)))
    client.post(*act(agency(), figure_post(action="figure-submit", indicator="exports", period="2025-Q2",
                                           value="9,5")))
    client.post(*act(agency(), figure_post(action="figure-submit", indicator="exports", period="2025-07",
                                           value="1.234,5", **EXPLANATION)))
    return [current("iip", "2025-07"), current("exports", "2025-Q2"), current("exports", "2025-07")]


def test_the_queue_offers_a_tick_box_on_each_row_and_one_button(people, login):
    figures = submit_three_figures(login(people["officer_a"]))

    html = login(people["finance"]).get(QUEUE + Q).content.decode()

    assert html.count('form="bulk-figures"') == 3
    for figure in figures:
        assert f'name="figure" value="{figure.pk}" form="bulk-figures"' in html
    assert 'id="bulk-figures"' in html and "Phê duyệt các số liệu đã chọn" in html


def test_the_ticked_figures_are_approved_with_one_click_and_the_others_wait(people, login):
    iip, exports_q2, exports_july = submit_three_figures(login(people["officer_a"]))
    finance = login(people["finance"])

    done = finance.post(reverse("approvals:approve-figures") + Q, {"figure": [iip.pk, exports_q2.pk]}, follow=True)

    statuses = {f.pk: f.review_status for f in ActualFigure.objects.filter(pk__in=[iip.pk, exports_q2.pk,
                                                                                  exports_july.pk])}
    assert statuses == {iip.pk: "approved", exports_q2.pk: "approved", exports_july.pk: "submitted"}
    assert {f.approved_by for f in ActualFigure.objects.filter(pk__in=[iip.pk, exports_q2.pk])} == {people["finance"]}
    html = done.content.decode()
    assert "Đã phê duyệt 2 số liệu." in html
    queued = html[html.index('id="submitted-figures"'):html.index('id="h-progress"')]
    assert f'data-figure="{exports_july.pk}"' in queued and f'data-figure="{iip.pk}"' not in queued


def test_maker_checker_holds_for_each_entry_of_a_bulk_approval(people, login):
    """The administrator entered one figure himself: the others are approved, his own is refused by name."""
    officer_figure = submit_three_figures(login(people["officer_a"]))[1]
    admin = login(people["admin"])
    admin.post(*act(agency(), figure_post(action="figure-submit", indicator="exports", period="2025-Q1",
                                          value="9,8")))
    own = current("exports", "2025-Q1")

    done = admin.post(reverse("approvals:approve-figures"), {"figure": [own.pk, officer_figure.pk]}, follow=True)

    own.refresh_from_db()
    officer_figure.refresh_from_db()
    assert (own.review_status, officer_figure.review_status) == ("submitted", "approved")
    html = done.content.decode()
    assert "Đã phê duyệt 1 số liệu." in html
    assert "Chưa phê duyệt: Kim ngạch xuất khẩu, Quý I/2025" in html and "người khác phải duyệt" in html


def test_task_updates_are_approved_many_at_once_too(people, login):
    officer = login(people["officer_a"])
    tasks = list(TaskProgress.objects.none())
    for number in (16, None):
        task = task_of(number=number) if number else task_of()
        officer.post(*act(agency(), progress_post(task, action="progress-submit", status="completed", percent="100",
                                                  note="Đã hoàn thành", **EXPLANATION)))
        tasks.append(task)
    updates = list(TaskProgress.objects.filter(task__in=tasks, review_status="submitted"))
    assert len(updates) == 2

    done = login(people["finance"]).post(reverse("approvals:approve-progress-many"),
                                         {"progress": [u.pk for u in updates]}, follow=True)

    assert set(TaskProgress.objects.filter(pk__in=[u.pk for u in updates]).values_list("review_status",
                                                                                          flat=True)) == {"approved"}
    assert "Đã phê duyệt 2 cập nhật tiến độ." in done.content.decode()


def test_nothing_ticked_is_said_and_changes_nothing(people, login):
    submit_three_figures(login(people["officer_a"]))
    before = written()

    done = login(people["finance"]).post(reverse("approvals:approve-figures"), {}, follow=True)

    assert "Hãy đánh dấu các mục cần phê duyệt trước." in done.content.decode() and written() == before


@pytest.mark.parametrize("role", ["officer_a", "officer_b", "leader", "nobody"])
def test_only_finance_and_administrators_approve_many(people, login, role):
    figures = submit_three_figures(login(people["officer_a"]))
    before = written()

    response = login(people[role]).post(reverse("approvals:approve-figures"), {"figure": [f.pk for f in figures]})

    assert response.status_code == 403 and written() == before
