"""The report's plain inputs from the stored plan's assessment (``assess_all``)."""

from __future__ import annotations

import re

from django.db.models import Q

from kehoach.apps.assessment.evaluate import Assessment
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus
from kehoach.domain.numbers import value_in_unit
from kehoach.domain.reporting import (
    Explanation,
    IndicatorInput,
    ProgressNote,
    ProjectInput,
    ReportInput,
    TaskInput,
    report_period,
)


def _target_texts(assessment: Assessment) -> dict[tuple[str, int, str], str]:
    """(indicator key, year, scope) -> the year's target as written; scope "" for any scope."""
    texts: dict[tuple[str, int, str], str] = {}
    for t in assessment.snapshot.targets:
        texts.setdefault((t.indicator, t.year, t.scope), value_in_unit(t.value))
        texts.setdefault((t.indicator, t.year, ""), value_in_unit(t.value))
    return texts


def _period_figures(assessment: Assessment, kind: str) -> dict[str, tuple]:
    """indicator key -> the approved figures published by the as-of date for exactly the report's period,
    when that period is not cumulative (quarter III, July): the latest version per scope, scopes sorted."""
    period = report_period(assessment.as_of, kind)
    if period.start.month == 1:
        return {}  # January, quarter I, 6 or 9 months, the year: the cumulative figures are the period's
    latest: dict[tuple[str, str], object] = {}
    for f in assessment.snapshot.figures:
        if (f.status == FigureStatus.APPROVED and f.published <= assessment.as_of
                and f.period.start == period.start and f.period.end == period.end):
            kept = latest.get((f.indicator, f.scope))
            if kept is None or f.version > kept.version:
                latest[(f.indicator, f.scope)] = f
    found: dict[str, list] = {}
    for (key, _scope), f in sorted(latest.items()):
        found.setdefault(key, []).append(f)
    return {key: tuple(figures) for key, figures in found.items()}


def indicator_inputs(assessment: Assessment, kind: str = "month") -> tuple[IndicatorInput, ...]:
    """Each assessed indicator with the target of the plan year it was assessed for (2025's in a report of
    December 2025 written in January 2026, whatever 2026's plan says), and the figures of the report's own
    period when it is not cumulative."""
    indicators = {i.key: i for i in assessment.snapshot.indicators}
    texts = _target_texts(assessment)
    own = _period_figures(assessment, kind)
    items = []
    for a in assessment.indicators:
        year = a.year or assessment.as_of.year
        text = a.annual_target_text or texts.get((a.indicator, year, a.scope)) or texts.get((a.indicator, year, ""), "")
        items.append(IndicatorInput(indicators[a.indicator], a, text, own.get(a.indicator, ())))
    return tuple(items)


def task_inputs(assessment: Assessment) -> tuple[TaskInput, ...]:
    rows = assessment.snapshot.task_rows
    items = []
    for a in assessment.tasks:
        row = rows[a.task]
        group = f"{row.group.code}. {row.group.title}".strip(". ") if row.group.title else row.group.code
        items.append(TaskInput(
            number=row.number, content=row.content, group=group,
            lead=tuple(x.name for x in row.lead.all()), leader=row.leader.name if row.leader else None,
            assessment=a, document=row.document.number or row.document.file_name,
        ))
    return tuple(items)


_FLAGGED_PROJECT = re.compile(r"^project (\d+): value '([^']*)' .* it looks like '([^']*)'")


def _doubtful_values() -> dict[tuple[int, int], str]:
    """(document id, project number) -> why its total is doubtful, from the import's "value-typo"
    warnings (``domain.importer.projects``: a thousands separator typed as a decimal comma). One query."""
    from kehoach.apps.documents.models import ImportWarning

    doubts = {}
    for document, message in ImportWarning.objects.filter(code="value-typo").values_list("document_id", "message"):
        if m := _FLAGGED_PROJECT.match(message):
            doubts[(document, int(m[1]))] = f"nghi nhầm dấu phân cách hàng nghìn, có thể là {m[3]}"
    return doubts


def project_inputs(assessment: Assessment) -> tuple[ProjectInput, ...]:
    projects = {p.pk: p for p in assessment.snapshot.projects}
    doubts = _doubtful_values()
    return tuple(
        ProjectInput(number=projects[a.project].number, name=projects[a.project].name,
                     group=projects[a.project].group_title or projects[a.project].get_group_display(),
                     value=projects[a.project].value_million_vnd, assessment=a,
                     value_text=projects[a.project].value_text,
                     value_doubt=doubts.get((projects[a.project].document_id, projects[a.project].number), ""))
        for a in assessment.projects
    )


def _group_heading(group) -> str:
    return f"{group.code}. {group.title}".strip(". ") if group.title else group.code


def _approved_progress(as_of, kind: str):
    """The approved progress updates dated inside the report period (three queries)."""
    from kehoach.apps.tasks.models import TaskProgress

    period = report_period(as_of, kind)
    return (TaskProgress.objects.filter(review_status=TaskProgress.APPROVED, on__gte=period.start, on__lte=period.end)
            .select_related("task__group", "entered_by").prefetch_related("task__lead", "entered_by__memberships")
            .order_by("on", "pk"))


def _agencies(progress) -> tuple[str, ...]:
    """The lead agencies that wrote the update: those of the task the entering officer works for (every
    lead agency when the update was entered by someone else)."""
    lead = list(progress.task.lead.all())
    mine = {m.agency_id for m in progress.entered_by.memberships.all()} if progress.entered_by else set()
    return tuple(agency.name for agency in ([a for a in lead if a.pk in mine] or lead))


def progress_notes(updates) -> tuple[ProgressNote, ...]:
    return tuple(
        ProgressNote(group=_group_heading(p.task.group), group_order=(p.task.group.document_id, p.task.group_id),
                     task_number=p.task.number, agencies=_agencies(p), on=p.on, note=p.note,
                     evidence=p.evidence_reference)
        for p in updates if p.note.strip()
    )


def _explained(rows):
    return rows.filter(~Q(cause="") | ~Q(difficulties="") | ~Q(proposals=""))


def explanations(updates, as_of, kind: str) -> tuple[Explanation, ...]:
    """Causes, difficulties, proposals of the approved updates, then of the current approved figures
    whose period ends inside the report period (one query for the figures)."""
    from kehoach.apps.figures.models import ActualFigure

    items = [Explanation(agency=", ".join(_agencies(p)), about=f"Nhiệm vụ số {p.task.number}", cause=p.cause,
                         difficulties=p.difficulties, proposals=p.proposals)
             for p in updates if (p.cause + p.difficulties + p.proposals).strip()]
    period = report_period(as_of, kind)
    figures = _explained(ActualFigure.objects.filter(review_status=FigureStatus.APPROVED.value, is_current=True)) \
        .select_related("indicator", "reporting_agency").order_by("indicator__key", "period", "scope")
    for f in figures:
        try:
            figure_period = FigurePeriod.parse(f.period)
        except ValueError:
            continue
        if not period.start <= figure_period.end <= period.end:
            continue
        items.append(Explanation(
            agency=f.reporting_agency.name if f.reporting_agency else "",
            about=f"Chỉ tiêu {f.indicator.name} ({figure_period.label_vi})",
            cause=f.cause, difficulties=f.difficulties, proposals=f.proposals))
    return tuple(items)


def report_input(assessment: Assessment, kind: str) -> ReportInput:
    updates = list(_approved_progress(assessment.as_of, kind))
    return ReportInput(as_of=assessment.as_of, kind=kind, indicators=indicator_inputs(assessment, kind),
                       tasks=task_inputs(assessment), projects=project_inputs(assessment),
                       progress_notes=progress_notes(updates),
                       explanations=explanations(updates, assessment.as_of, kind))
