"""Approving a submitted progress update: only users allowed to (Sở Tài chính, ``tasks.approve_taskprogress``)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import override

from kehoach.apps.accounts.roles import FINANCE_GROUP, ensure_groups
from kehoach.apps.tasks.models import TaskProgress
from kehoach.apps.tasks.services import approve_progress, record_progress, submit_progress
from tests.apps.admin_pages import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(make_task, officer) -> TaskProgress:
    progress = record_progress(make_task(due=date(2025, 6, 30)), on=date(2025, 5, 1), status="in_progress",
                               percent=30, user=officer)
    return submit_progress(progress, officer, as_of=date(2025, 5, 1))


def test_the_permission_is_named_in_vietnamese():
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(content_type__app_label="tasks", codename="approve_taskprogress")
    assert permission.name == "Can approve task progress"
    with override("vi"):
        assert str(TaskProgress._meta.permissions[0][1]) == "Được duyệt tiến độ nhiệm vụ"


@pytest.mark.parametrize("user", ["officer", None])
def test_a_user_without_the_permission_may_not_approve(submitted, request, user):
    user = request.getfixturevalue(user) if user else None

    with pytest.raises(PermissionDenied) as refused:
        approve_progress(submitted, user)

    with override("vi"):
        assert str(refused.value) == "Chỉ Sở Tài chính được duyệt tiến độ nhiệm vụ."
    submitted.refresh_from_db()
    assert submitted.review_status == TaskProgress.SUBMITTED and submitted.approved_by is None


def test_a_user_with_the_permission_approves(submitted, approver):
    approve_progress(submitted, approver)

    submitted.refresh_from_db()
    assert submitted.review_status == TaskProgress.APPROVED and submitted.approved_by == approver


def test_so_tai_chinh_may_approve(submitted):
    ensure_groups()
    user = get_user_model().objects.create_user("ketoan", password="x")
    user.groups.add(Group.objects.get(name=FINANCE_GROUP))

    approve_progress(submitted, get_user_model().objects.get(pk=user.pk))

    submitted.refresh_from_db()
    assert submitted.review_status == TaskProgress.APPROVED


def test_the_admin_action_refuses_a_staff_member_without_the_permission(client, submitted, django_user_model):
    from django.contrib.auth.models import Permission

    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(content_type__app_label="tasks",
                                                          codename__in=["view_taskprogress", "change_taskprogress"]))
    client.force_login(clerk)

    response = client.post(admin_url(TaskProgress, "changelist"),
                           {"action": "approve", "_selected_action": [submitted.pk]}, follow=True)

    assert response.status_code == 200
    assert "Chỉ Sở Tài chính được duyệt tiến độ nhiệm vụ." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.review_status == TaskProgress.SUBMITTED
