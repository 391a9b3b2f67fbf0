"""Lãnh đạo: each supervising leader's portfolio, worst first.

* ``organisations:leader-home``: a leader (``roles.leader_of``) goes to their own page; anyone
  else sees every leader with their scorecard (tasks by status, overdue tasks), the worst first;
* ``organisations:leader`` (pk): one leader's tasks by severity (quá hạn, sắp đến hạn, ...), the
  agencies that lead them, and the indicators those agencies monitor (chậm and nguy cơ first).

Everything comes from one ``assess_all`` as of the page's date: its leader scorecards and task
assessments, and its snapshot's task rows (agencies prefetched), so the pages cost the same
queries whatever the number of tasks.
"""

from __future__ import annotations

from collections import Counter

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from kehoach.apps.accounts import roles
from kehoach.apps.assessment.evaluate import Assessment, current_assessment
from kehoach.apps.organisations.models import Leader
from kehoach.apps.organisations.tables import leader_table
from kehoach.apps.tasks.services import severity_key
from kehoach.domain.assessment.model import TaskStatus
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.web.export import ExportMixin
from kehoach.web.views.generic import StaffMixin


def status_counts(card, tasks=()) -> list[tuple[TaskStatus, int]]:
    """(status, count) in severity order, from the scorecard (else from the task assessments)."""
    counts = dict(card.tasks_by_status) if card is not None else Counter(a.status for a in tasks)
    return [(status, counts.get(status, 0)) for status in PRIORITY]


def scoreboard(assessment: Assessment, leaders) -> list[dict]:
    """Every leader with their scorecard, the most overdue tasks first, then the most due soon."""
    cards = {card.owner: card for card in assessment.leaders}
    rows = []
    for leader in leaders:
        card = cards.get(leader.name)
        counts = status_counts(card)
        by_status = dict(counts)
        rows.append({
            "leader": leader,
            "card": card,
            "counts": counts,
            "total": card.task_count if card else 0,
            "overdue": sum(n for s, n in counts if s.is_overdue),
            "soon": by_status[TaskStatus.SAP_DEN_HAN],
        })
    rows.sort(key=lambda r: (-r["overdue"], -r["soon"], -r["total"], r["leader"].name))
    return rows


def _rating_rank(assessment) -> tuple[int, int]:
    """Nguy cơ, chậm, chậm nhẹ, đạt, then the ratings off the scale, then the indicators not assessed."""
    if assessment is None:
        return (2, 0)
    severity = assessment.rating.severity
    return (1, 0) if severity is None else (0, -severity)


def portfolio(assessment: Assessment, leader: Leader) -> dict:
    """One leader's tasks (worst first), their lead agencies and the indicators those agencies monitor."""
    snapshot = assessment.snapshot
    rows = snapshot.task_rows
    mine = [a for a in assessment.tasks if rows[a.task].leader_id == leader.pk]
    mine.sort(key=lambda a: (severity_key(a), rows[a.task].document_id, rows[a.task].number))
    tasks = [(rows[a.task], a) for a in mine]

    agencies: dict[int, dict] = {}
    for task, a in tasks:
        for agency in task.lead.all():
            entry = agencies.setdefault(agency.pk, {"agency": agency, "tasks": 0, "overdue": 0, "soon": 0})
            entry["tasks"] += 1
            entry["overdue"] += a.status.is_overdue
            entry["soon"] += a.status == TaskStatus.SAP_DEN_HAN
    agency_rows = sorted(agencies.values(), key=lambda r: (-r["overdue"], -r["soon"], -r["tasks"], r["agency"].name))

    names = {row["agency"].name for row in agency_rows}
    assessed = {a.indicator: a for a in assessment.indicators}
    indicators = []
    for indicator in snapshot.indicators:
        monitoring = [name for name in indicator.monitoring_agencies if name in names]
        if monitoring:
            indicators.append({"indicator": indicator, "a": assessed.get(indicator.key), "agencies": monitoring})
    indicators.sort(key=lambda r: (_rating_rank(r["a"]), r["indicator"].name))

    card = next((c for c in assessment.leaders if c.owner == leader.name), None)
    return {
        "card": card,
        "counts": status_counts(card, mine),
        "total": len(tasks),
        "tasks": tasks,
        "overdue": [(task, a) for task, a in tasks if a.status.is_overdue],
        "agencies": agency_rows,
        "indicators": indicators,
    }


class LeaderHomeView(ExportMixin, StaffMixin, TemplateView):
    """A leader's own portfolio; for everyone else (or with ``?all=1``) the list of leaders
    (``?export=csv|xlsx``: the list as a file)."""

    template_name = "organisations/leader_list.html"
    export_name = "lanh-dao"

    def export_table(self):
        return leader_table(scoreboard(current_assessment(self.as_of), Leader.objects.order_by("name")), PRIORITY)

    def get(self, request, *args, **kwargs):
        own = roles.leader_of(request.user)
        if own is not None and not request.GET.get("all"):
            query = request.GET.urlencode()
            return redirect(reverse("organisations:leader", args=[own.pk]) + (f"?{query}" if query else ""))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = current_assessment(self.as_of)
        context.update(active="leaders", statuses=PRIORITY,
                       rows=scoreboard(assessment, Leader.objects.order_by("name")))
        return context


class LeaderView(StaffMixin, TemplateView):
    template_name = "organisations/leader_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        leader = get_object_or_404(Leader, pk=self.kwargs["pk"])
        own = roles.leader_of(self.request.user)
        context.update(active="leaders", leader=leader, own=own is not None and own.pk == leader.pk,
                       **portfolio(current_assessment(self.as_of), leader))
        for row in context["agencies"]:  # no link to a workspace the user cannot open
            row["open"] = roles.may_open_workspace(self.request.user, row["agency"].pk)
        return context
