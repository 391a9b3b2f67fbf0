"""An officer sees in the header how many notices they have not read, and in the inbox what they
are: the leaders' directives to their agency, the entries Sở Tài chính returned (with the reason),
their reports due soon and overdue (what `kehoach remind` e-mails). Read or unread is kept per user:
opening a notice marks it read for that officer only; a second return of the same entry is new."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Membership
from kehoach.apps.steering.models import Comment
from tests.apps.workspace.workspace_support import EXPLANATION, Q, act, agency, figure_post

pytestmark = pytest.mark.django_db
INBOX = reverse("inbox:list") + Q
REASON = "Số liệu chưa khớp với báo cáo của Chi cục Thống kê."


def badge(client) -> int:
    html = client.get(reverse("workspace:home") + Q, follow=True).content.decode()
    found = re.search(r'data-unread="(\d+)"', html)
    assert 'id="inbox-link"' in html
    return int(found.group(1)) if found else 0


def returned_figure(people, login) -> ActualFigure:
    login(people["officer_a"]).post(*act(agency(), figure_post(action="figure-submit", **EXPLANATION)))
    figure = ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True)
    login(people["finance"]).post(reverse("approvals:return-figure", args=[figure.pk]), {"return_reason": REASON})
    return figure


def directive_to_sở_công_thương(people) -> Comment:
    task = agency().lead_tasks.order_by("number").first()
    return Comment.objects.create(kind=Comment.DIRECTIVE, task=task, author=people["leader"],
                                  text="Khẩn trương hoàn thành trước 30/9/2025.")


def test_a_return_and_a_directive_appear_in_the_header_count_and_the_inbox(people, login):
    before = badge(login(people["officer_a"]))
    figure = returned_figure(people, login)
    directive_to_sở_công_thương(people)

    officer = login(people["officer_a"])
    assert badge(officer) == before + 2
    html = officer.get(INBOX).content.decode()
    assert f"Bị trả lại: {figure.indicator.name}, Tháng 7/2025" in html
    assert REASON in html and "Khẩn trương hoàn thành trước 30/9/2025." in html
    assert "Chỉ đạo của" in html
    assert "2025-07" not in re.sub(r"<[^>]+>", " ", html)  # periods in words (a form's hidden key aside)


def test_overdue_reports_are_notices_as_the_reminder_e_mails_say(people, login):
    html = login(people["officer_a"]).get(INBOX).content.decode()
    assert 'data-notice="report-overdue"' in html and "Báo cáo quá hạn:" in html and "quá hạn" in html


def test_opening_a_notice_marks_it_read_for_that_officer_only(people, login):
    returned_figure(people, login)
    colleague = get_user_model().objects.create_user("congthuong2", password="pw")
    Membership.objects.create(user=colleague, agency=agency())
    officer = login(people["officer_a"])
    count = badge(officer)
    key = f"returned-figure:{ActualFigure.objects.get(indicator__key='iip', period='2025-07', is_current=True).pk}"
    html = officer.get(INBOX).content.decode()
    full_key = re.search(rf'name="key" value="({re.escape(key)}:\d+)"', html).group(1)

    opened = officer.post(reverse("inbox:open") + Q, {"key": full_key})

    assert opened.status_code == 302 and opened["Location"].startswith(reverse("workspace:agency",
                                                                               args=[agency().pk]))
    assert badge(officer) == count - 1
    assert badge(login(colleague)) == count  # the colleague has not read it


def test_mark_all_as_read_empties_the_count_and_a_second_return_is_new(people, login):
    figure = returned_figure(people, login)
    officer = login(people["officer_a"])
    officer.post(reverse("inbox:read-all") + Q)
    assert badge(officer) == 0 and 'class="badge rating-risk">Mới' not in officer.get(INBOX).content.decode()

    officer.post(*act(agency(), {"action": "submit-figure", "figure": figure.pk}))
    login(people["finance"]).post(reverse("approvals:return-figure", args=[figure.pk]),
                                  {"return_reason": "Vẫn chưa khớp."})

    assert badge(login(people["officer_a"])) == 1


def test_another_agency_s_notices_are_neither_shown_nor_opened(people, login):
    returned_figure(people, login)
    other = login(people["officer_b"])

    assert REASON not in other.get(INBOX).content.decode()
    figure = ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True)
    opened = other.post(reverse("inbox:open"), {"key": f"returned-figure:{figure.pk}:0"})
    assert opened["Location"] == reverse("inbox:list")


def test_users_without_an_agency_have_no_badge_and_an_empty_inbox(people, login):
    finance = login(people["finance"])
    assert 'id="inbox-link"' not in finance.get(reverse("approvals:queue")).content.decode()
    assert "Không có thông báo" in finance.get(INBOX).content.decode()


def test_signed_out_visitors_sign_in_first(client, db):
    assert client.get(INBOX).status_code == 302
