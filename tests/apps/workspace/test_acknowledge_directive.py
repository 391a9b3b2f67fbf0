"""A leader's directive reaches the agencies responsible: they see it in their workspace and
acknowledge it; nobody else can."""

from __future__ import annotations

import pytest

from kehoach.apps.organisations.models import Agency
from kehoach.apps.steering import services as steering
from kehoach.apps.steering.models import Comment
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(people):
    task = Task.objects.get(document__number="86/KH-UBND", number=16)  # led by Sở Công Thương
    return steering.post(people["leader"], [a.pk for a in task.lead.all()], kind=Comment.DIRECTIVE,
                         text="Khẩn trương trình ban hành Quy chế trong tháng 8/2025.", task=task)


def workspace(agency_name: str, action: str = "") -> str:
    return f"/agencies/{Agency.objects.get(name=agency_name).pk}/workspace/{action}"


def test_the_lead_agency_sees_the_directive_and_acknowledges_it(people, login, directive):
    client = login(people["officer_a"])

    page = client.get(workspace("Sở Công Thương")).content.decode()
    assert "Khẩn trương trình ban hành Quy chế" in page and f'data-directive="{directive.pk}"' in page

    response = client.post(workspace("Sở Công Thương", "directives/acknowledge/"), {"action": "acknowledge", "comment": directive.pk})
    assert response.status_code == 302
    directive.refresh_from_db()
    assert directive.acknowledged_by == people["officer_a"] and directive.acknowledged_at is not None


def test_another_agency_neither_sees_nor_acknowledges_it(people, login, directive):
    client = login(people["officer_b"])

    own = client.get(workspace("Sở Văn hóa, Thể thao và Du lịch")).content.decode()
    assert "Khẩn trương trình ban hành Quy chế" not in own
    # through its own workspace: not its directive
    assert client.post(workspace("Sở Văn hóa, Thể thao và Du lịch", "directives/acknowledge/"),
                       {"action": "acknowledge", "comment": directive.pk}).status_code == 403
    # through the other agency's workspace: not its workspace
    assert client.post(workspace("Sở Công Thương", "directives/acknowledge/"),
                       {"action": "acknowledge", "comment": directive.pk}).status_code == 403
    directive.refresh_from_db()
    assert directive.acknowledged_at is None


def test_a_leader_reads_whether_it_was_acknowledged(people, login, directive):
    page = login(people["leader"]).get(workspace("Sở Công Thương")).content.decode()

    assert "Khẩn trương trình ban hành Quy chế" in page and "Chưa tiếp nhận" in page
