"""Directives and comments on an indicator: leaders write directives (ý kiến chỉ đạo) with an
optional date; Sở Tài chính and the officers of the monitoring agencies add comments; nobody else
writes anything (403, nothing stored)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from kehoach.apps.indicators.models import Indicator
from kehoach.apps.steering.models import Comment

pytestmark = pytest.mark.django_db


def post(client, key: str, **data):
    fields = {f"comment-{name}": value for name, value in data.items()}
    return client.post(reverse("indicators:comment", args=[key]), fields)


def detail(client, key: str):
    return client.get(reverse("indicators:detail", args=[key]), {"as_of": "2025-08-06"})


def test_a_leader_writes_a_directive_with_a_date(people, login):
    client = login(people["leader"])

    response = post(client, "grdp", kind="directive", text="Rà soát các động lực tăng trưởng quý III.",
                    due="2025-09-15")

    assert response.status_code == 302 and response["Location"] == reverse("indicators:detail", args=["grdp"]) \
        + "#comments"
    comment = Comment.objects.get()
    assert (comment.kind, comment.indicator.key, comment.author, comment.due) == (
        "directive", "grdp", people["leader"], date(2025, 9, 15))
    html = client.get(response["Location"]).content.decode()
    assert "Đã gửi ý kiến chỉ đạo." in html
    thread = html[html.index('id="comments"'):]
    assert "Rà soát các động lực tăng trưởng quý III." in thread and "Ý kiến chỉ đạo" in thread
    assert "15/09/2025" in thread and "Chưa tiếp nhận" in thread and "Hoàng Minh Cường" in thread


def test_the_leader_sees_a_form_with_both_kinds(people, login):
    form = detail(login(people["leader"]), "grdp").context["comment_form"]

    assert [value for value, _label in form.fields["kind"].choices] == ["directive", "comment"]
    assert "due" in form.fields


def test_finance_comments_but_does_not_direct(people, login):
    client = login(people["finance"])

    assert post(client, "grdp", kind="comment", text="Đề nghị Chi cục Thống kê cập nhật số liệu.").status_code == 302
    assert post(client, "grdp", kind="directive", text="Chỉ đạo").status_code == 403
    assert list(Comment.objects.values_list("kind", "author__username")) == [("comment", "stc")]


def test_an_officer_of_a_monitoring_agency_replies_with_a_comment(people, login):
    client = login(people["officer_b"])  # Sở Văn hóa, Thể thao và Du lịch monitors tourists
    form = detail(client, "tourists").context["comment_form"]
    assert [value for value, _label in form.fields["kind"].choices] == ["comment"] and "due" not in form.fields

    response = post(client, "tourists", kind="comment", text="Sở đã tổng hợp số liệu tháng 7.")

    assert response.status_code == 302
    assert Comment.objects.get().text == "Sở đã tổng hợp số liệu tháng 7."


def test_an_officer_cannot_post_a_directive(people, login):
    response = post(login(people["officer_b"]), "tourists", kind="directive", text="Chỉ đạo", due="2025-09-01")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_an_officer_of_another_agency_cannot_comment(people, login):
    client = login(people["officer_b"])
    assert detail(client, "grdp").context["comment_form"] is None
    assert "comment-text" not in detail(client, "grdp").content.decode()

    assert post(client, "grdp", kind="comment", text="Ý kiến").status_code == 403
    assert not Comment.objects.exists()


def test_nobody_and_anonymous_users_cannot_write(people, login, client):
    assert post(client, "grdp", kind="comment", text="Ý kiến").status_code == 302  # to the login page
    assert post(login(people["nobody"]), "grdp", kind="comment", text="Ý kiến").status_code == 403
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused_with_the_reason(people, login):
    response = post(login(people["leader"]), "grdp", kind="comment", text="   ")

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not Comment.objects.exists()


def test_only_a_directive_has_a_date(people, login):
    response = post(login(people["leader"]), "grdp", kind="comment", text="Ý kiến", due="2025-09-01")

    assert response.status_code == 200
    assert "Chỉ ý kiến chỉ đạo mới có thời hạn thực hiện." in response.content.decode()
    assert not Comment.objects.exists()


def test_the_form_is_not_reachable_by_get(people, login):
    response = login(people["leader"]).get(reverse("indicators:comment", args=["grdp"]))

    assert response.status_code == 405


def test_comments_are_listed_in_order(people, login):
    grdp = Indicator.objects.get(key="grdp")
    Comment.objects.create(kind="directive", indicator=grdp, author=people["leader"], text="Thứ nhất")
    Comment.objects.create(kind="comment", indicator=grdp, author=people["officer_a"], text="Thứ hai")

    html = detail(login(people["finance"]), "grdp").content.decode()

    assert html.index("Thứ nhất") < html.index("Thứ hai")
    assert "Ý kiến trao đổi" in html
