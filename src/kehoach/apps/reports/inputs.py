"""The report's plain inputs from the stored plan's assessment (``assess_all``)."""

from __future__ import annotations

from kehoach.apps.assessment.evaluate import Assessment
from kehoach.domain.reporting import IndicatorInput, ProjectInput, ReportInput, TaskInput


def _target_texts(assessment: Assessment) -> dict[tuple[str, str], str]:
    """(indicator key, scope) -> the as-of year's target as written; scope "" for any scope."""
    texts: dict[tuple[str, str], str] = {}
    for t in assessment.snapshot.targets:
        if t.year == assessment.as_of.year:
            texts.setdefault((t.indicator, t.scope), t.value.text)
            texts.setdefault((t.indicator, ""), t.value.text)
    return texts


def indicator_inputs(assessment: Assessment) -> tuple[IndicatorInput, ...]:
    indicators = {i.key: i for i in assessment.snapshot.indicators}
    texts = _target_texts(assessment)
    return tuple(
        IndicatorInput(indicators[a.indicator], a,
                       texts.get((a.indicator, a.scope)) or texts.get((a.indicator, ""), ""))
        for a in assessment.indicators
    )


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


def project_inputs(assessment: Assessment) -> tuple[ProjectInput, ...]:
    projects = {p.pk: p for p in assessment.snapshot.projects}
    return tuple(
        ProjectInput(number=projects[a.project].number, name=projects[a.project].name,
                     group=projects[a.project].group_title or projects[a.project].get_group_display(),
                     value=projects[a.project].value_million_vnd, assessment=a)
        for a in assessment.projects
    )


def report_input(assessment: Assessment, kind: str) -> ReportInput:
    return ReportInput(as_of=assessment.as_of, kind=kind, indicators=indicator_inputs(assessment),
                       tasks=task_inputs(assessment), projects=project_inputs(assessment))
