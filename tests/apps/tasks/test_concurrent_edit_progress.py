"""Two people edit the same draft progress update at once: the second save is refused with the
other change shown (who, when, what they saved), the second person's input stays in the form, the
first change stays in the database, and saving again replaces it deliberately. Nothing is lost:
both versions are in the history. The same in the admin, and for the API through the service."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kehoach.apps.locking import Conflict
from kehoach.apps.organisations.models import Membership
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import Q, act, agency, progress_post, task_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(people):
    """A second officer of Sở Công Thương."""
    user = get_user_model().objects.create_user("congthuong2", password="pw", first_name="Lê", last_name="Văn Hai")
    Membership.objects.create(user=user, agency=agency())
    return user


@pytest.fixture
def draft(people):
    return services.record_progress(task_of(), on=date(2025, 8, 5), status="in_progress", percent=40,
                                    note="Đang xây dựng dự thảo", user=people["officer_a"])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def opened(client: Client, draft: TaskProgress) -> int:
    """Open the draft in the workspace's form; the version the form carries."""
    html = client.get(reverse("workspace:agency", args=[agency().pk]) + Q + f"&edit_progress={draft.pk}"
                      ).content.decode()
    return int(re.search(r'name="prog-version" value="(\d+)"', html)[1])


def save(client: Client, draft: TaskProgress, version: int, **fields):
    return client.post(*act(agency(), progress_post(draft.task, draft=draft.pk, version=version, **fields)))


def test_the_second_save_shows_the_first_and_keeps_what_was_typed(people, colleague, draft):
    first, second = signed_in(people["officer_a"]), signed_in(colleague)
    version_first, version_second = opened(first, draft), opened(second, draft)
    assert version_first == version_second == draft.row_version

    assert save(first, draft, version_first, percent="60", note="Đã trình dự thảo lần 2").status_code == 302
    refused = save(second, draft, version_second, percent="70", note="Đã lấy ý kiến các sở")

    html = refused.content.decode()
    assert refused.status_code == 409
    assert "Cán bộ Sở Công Thương đã lưu bản ghi này lúc" in html
    assert "Tỷ lệ hoàn thành (%): 60; Ghi chú: Đã trình dự thảo lần 2" in html  # what the other one saved
    assert "Đã lấy ý kiến các sở" in html  # what this one typed is still in the form
    draft.refresh_from_db()
    assert (draft.percent, draft.note) == (60, "Đã trình dự thảo lần 2")  # the first change stays

    # Saving again, with the version the page now carries, replaces it deliberately.
    version_now = int(re.search(r'name="prog-version" value="(\d+)"', html)[1])
    assert version_now == draft.row_version
    assert save(second, draft, version_now, percent="70", note="Đã lấy ý kiến các sở").status_code == 302
    draft.refresh_from_db()
    assert (draft.percent, draft.note, draft.entered_by) == (70, "Đã lấy ý kiến các sở", colleague)
    notes = list(draft.history.values_list("note", flat=True))
    assert {"Đang xây dựng dự thảo", "Đã trình dự thảo lần 2", "Đã lấy ý kiến các sở"} <= set(notes)


def test_a_draft_submitted_meanwhile_is_a_conflict_too(people, colleague, draft):
    first, second = signed_in(people["officer_a"]), signed_in(colleague)
    version = opened(second, draft)
    first.post(*act(agency(), {"action": "submit-progress", "progress": draft.pk}))

    refused = save(second, draft, version, note="Bổ sung sau")

    assert refused.status_code == 409
    assert f"Trạng thái phê duyệt: {draft.__class__(review_status=TaskProgress.SUBMITTED).get_review_status_display()};" \
        in refused.content.decode()
    draft.refresh_from_db()
    assert draft.review_status == TaskProgress.SUBMITTED and draft.note == "Đang xây dựng dự thảo"


def test_the_service_refuses_a_stale_version_and_changes_nothing(people, draft):
    stale = draft.row_version
    services.update_draft(draft, {"percent": 50}, people["officer_a"], expected_version=stale)

    with pytest.raises(Conflict) as raised:
        services.update_draft(TaskProgress.objects.get(pk=draft.pk), {"percent": 90}, people["officer_a"],
                              expected_version=stale)

    assert raised.value.current.percent == 50 and raised.value.saved_by == "Cán bộ Sở Công Thương"
    assert TaskProgress.objects.get(pk=draft.pk).percent == 50


def test_every_save_moves_the_version_on(people, draft):
    versions = [draft.row_version]
    for percent in (45, 50):
        services.update_draft(draft, {"percent": percent}, people["officer_a"])
        versions.append(TaskProgress.objects.get(pk=draft.pk).row_version)
    assert versions == sorted(set(versions))


def admin_form(client: Client, draft: TaskProgress) -> dict:
    """The admin's change form of the update as the page shows it (every field's value)."""
    form = client.get(reverse("admin:tasks_taskprogress_change", args=[draft.pk])).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        shown = field.widget.format_value(value)
        data[name] = "" if shown is None else shown
    return data


def test_two_administrators_editing_in_the_admin(people, draft):
    finance, admin = signed_in(people["finance"]), signed_in(people["admin"])
    form_finance, form_admin = admin_form(finance, draft), admin_form(admin, draft)
    change = reverse("admin:tasks_taskprogress_change", args=[draft.pk])

    assert finance.post(change, {**form_finance, "note": "Sở Tài chính sửa"}).status_code == 302
    refused = admin.post(change, {**form_admin, "note": "Quản trị sửa"})

    html = refused.content.decode()
    assert refused.status_code == 200 and "đã lưu bản ghi này lúc" in html and "Sở Tài chính sửa" in html
    assert "Quản trị sửa" in html
    draft.refresh_from_db()
    assert draft.note == "Sở Tài chính sửa"
