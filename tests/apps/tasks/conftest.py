"""Tasks to report progress on: the stored hand-built plan's, and tasks made with a given deadline."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from kehoach.apps.documents.models import Document
from kehoach.apps.tasks.models import Task, TaskGroup, TaskMilestone


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user("officer", email="officer@example.vn", password="x")


@pytest.fixture
def approver(db):
    """A staff member of Sở Tài chính: allowed to approve progress updates."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("stc", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="approve_taskprogress"))
    return get_user_model().objects.get(pk=user.pk)  # fresh: permissions are cached per instance


@pytest.fixture
def milestone_task(stored_plan) -> Task:
    """Task 1 of the plan: milestones "Trình HĐND" (due 31/05/2025) and "Ban hành" (no date)."""
    return Task.objects.get(number=1)


@pytest.fixture
def quarterly_task(stored_plan) -> Task:
    """Task 2 of the plan: "Hằng quý", open-ended."""
    return Task.objects.get(number=2)


@pytest.fixture
def make_task(stored_plan):
    """make_task(due=..., condition=..., recurrence=..., milestones=[(text, due, condition)])."""
    document = Document.objects.get(number="10/KH-UBND")
    group = TaskGroup.objects.filter(document=document).first()
    numbers = iter(range(100, 200))

    def make(*, due: date | None = None, condition: str = "", recurrence=None, milestones=(), text: str = "") -> Task:
        task = Task.objects.create(
            document=document, number=next(numbers), group=group, content="Nhiệm vụ thử",
            deadline_text=text or (f"{due:%d/%m/%Y}" if due else condition), due=due, condition=condition,
            recurrence=recurrence,
        )
        for order, (ms_text, ms_due, ms_condition) in enumerate(milestones, start=1):
            TaskMilestone.objects.create(task=task, order=order, text=ms_text, due=ms_due, condition=ms_condition)
        return task

    return make
