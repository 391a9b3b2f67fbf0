"""Directives and comments on a task: a leader directs, an officer of the lead agency replies,
anyone else is refused and nothing is written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kehoach.apps.steering.models import Comment
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


@pytest.fixture
def work(people) -> Task:
    """Task 16 of Kế hoạch 86: led by Sở Công Thương (officer_a), supervised by Hoàng Minh Cường."""
    return Task.objects.get(document__number="86/KH-UBND", number=16)


def comment_url(task: Task) -> str:
    return reverse("tasks:comment", args=[task.pk])


def detail(client, task: Task) -> str:
    return client.get(task.get_absolute_url(), {"as_of": AS_OF}).content.decode()


def test_the_leader_directs_and_the_lead_agency_replies(people, login, work):
    leader = login(people["leader"])
    assert "Gửi ý kiến chỉ đạo hoặc trao đổi" in detail(leader, work)
    response = leader.post(comment_url(work), {"kind": "directive", "text": "Hoàn thành trước 30/09/2025.",
                                               "due": "2025-09-30"})
    assert response.status_code == 302 and response["Location"].startswith(work.get_absolute_url())
    directive = Comment.objects.get(task=work)
    assert (directive.kind, directive.author, str(directive.due)) == ("directive", people["leader"], "2025-09-30")

    officer = login(people["officer_a"])
    html = detail(officer, work)
    assert "Hoàn thành trước 30/09/2025." in html and "Ý kiến chỉ đạo" in html and "30/09/2025" in html
    assert "Trả lời" in html and 'value="directive"' not in html  # a reply form, no directive
    response = officer.post(comment_url(work), {"text": "Sở Công Thương đã tiếp thu, đang hoàn thiện hồ sơ."})
    assert response.status_code == 302
    reply = Comment.objects.filter(task=work).last()
    assert (reply.kind, reply.author, reply.due) == ("comment", people["officer_a"], None)

    html = detail(login(people["finance"]), work)
    assert html.index("Hoàn thành trước 30/09/2025.") < html.index("Sở Công Thương đã tiếp thu")
    assert "Cán bộ Sở Công Thương" in html


def test_another_agency_s_officer_is_refused_and_nothing_is_written(people, login, work):
    officer_b = login(people["officer_b"])
    assert "Trả lời" not in detail(officer_b, work)  # no form
    response = officer_b.post(comment_url(work), {"kind": "comment", "text": "Ý kiến của đơn vị khác"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_an_officer_may_not_write_a_directive(people, login, work):
    response = login(people["officer_a"]).post(comment_url(work), {"kind": "directive", "text": "Chỉ đạo"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_nobody_and_anonymous_users_write_nothing(client, people, login, work):
    response = client.post(comment_url(work), {"kind": "comment", "text": "Ẩn danh"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(people["nobody"]).post(comment_url(work), {"kind": "comment", "text": "Không vai trò"}).status_code \
        == 403
    assert not Comment.objects.exists()


def test_an_empty_message_is_refused_with_a_reason(people, login, work):
    response = login(people["leader"]).post(comment_url(work), {"kind": "directive", "text": "   "})
    assert response.status_code == 400
    assert "Vui lòng nhập nội dung." in response.content.decode()
    assert not Comment.objects.exists()


def test_the_comment_address_only_takes_posts(people, login, work):
    assert login(people["leader"]).get(comment_url(work)).status_code == 405
