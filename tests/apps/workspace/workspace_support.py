"""What the workspace and approval tests share: the as-of date of the demo, the agencies, the
posts of the workspace's forms, and a fingerprint of everything an agency can write."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.models import Disbursement, ProjectMilestone
from kehoach.apps.tasks.models import Task, TaskProgress

AS_OF = date(2025, 8, 6)
Q = "?as_of=2025-08-06"
CONG_THUONG = "Sở Công Thương"
VAN_HOA = "Sở Văn hóa, Thể thao và Du lịch"


def agency(name: str = CONG_THUONG) -> Agency:
    return Agency.objects.get(name=name)


def url(name: str, target: Agency | None = None) -> str:
    return reverse(name, args=[target.pk]) + Q if target is not None else reverse(name) + Q


def task_of(name: str = CONG_THUONG, number: int | None = None) -> Task:
    """A task the agency leads (and, without a number, that the other demo agency does not)."""
    tasks = Task.objects.filter(lead__name=name)
    if number is not None:
        return tasks.get(number=number)
    other = VAN_HOA if name == CONG_THUONG else CONG_THUONG
    return tasks.exclude(lead__name=other).order_by("number").first()


def figure_post(action: str = "figure", **fields) -> dict:
    data = {"indicator": "iip", "period": "2025-07", "value": "110", "scope": "HP cũ", "qualifier": "",
            "unit": "", "comparison": "", "source": "Chi cục Thống kê", "published": "2025-08-06",
            "cause": "", "difficulties": "", "proposals": ""}
    data.update(fields)
    return {"action": action, **{f"fig-{k}": v for k, v in data.items()}}


EXPLANATION = {"cause": "Đơn hàng điện tử giảm", "difficulties": "Thiếu lao động kỹ thuật",
               "proposals": "Hỗ trợ kết nối đơn hàng"}


def progress_post(task: Task, action: str = "progress", **fields) -> dict:
    data = {"task": task.pk, "on": "2025-08-06", "status": "in_progress", "percent": "60",
            "note": "Đã trình dự thảo lần 2", "evidence_reference": "Tờ trình 123/TTr-SCT", "cause": "",
            "difficulties": "", "proposals": "", "draft": ""}
    data.update(fields)
    return {"action": action, **{f"prog-{k}": v for k, v in data.items()}}


def written() -> tuple:
    """Everything the workspace can change, to assert that a refused request changed nothing."""
    return (
        sorted(ActualFigure.objects.values_list("pk", "review_status", "is_current", "public", "cause", "low")),
        sorted(TaskProgress.objects.values_list("pk", "review_status", "cause", "percent")),
        sorted(Disbursement.objects.values_list("pk", "period", "amount_million_vnd")),
        sorted(ProjectMilestone.objects.values_list("pk", "actual")),
    )


# Each action of the workspace has its own URL; the forms' "action" field says which (as the page's
# buttons do): ``client.post(*act(agency(), figure_post()))``.
ACTION_URLS = {"figure": "enter-figure", "figure-submit": "enter-figure", "submit-figure": "submit-figure",
               "progress": "enter-progress", "progress-submit": "enter-progress",
               "submit-progress": "submit-progress", "milestone": "record-milestone",
               "disbursement": "record-disbursement", "acknowledge": "acknowledge-directive",
               "submit-report": "submit-report", "confirm": "confirm-upload"}


def act(target: Agency, data: dict) -> tuple[str, dict]:
    """(the URL of the action ``data["action"]`` in the agency's workspace, ``data``)."""
    return url(f"workspace:{ACTION_URLS[data['action']]}", target), data
