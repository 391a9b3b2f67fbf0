"""Key projects as of a date: milestones, disbursement (giải ngân) against the year's capital plan.

* Disbursed: the sum of the disbursements of the plan's year reported on or before the as-of
  date, also given per period (``by_period``, in period order).
* Disbursement rate: disbursed / the year's capital plan.
* Planned share (what should have been disbursed by then, as a share of the plan): the largest
  share of the plan's ``schedule`` whose period has ended by the as-of date (0 before the first);
  without a schedule, linear: whole months elapsed in the plan's year / 12 (``LINEAR``).
* Behind plan when a milestone planned before the as-of date has no actual date by then, or the
  disbursement rate is below the planned share by more than ``Thresholds.disbursement_behind``
  (10 percentage points).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from kehoach.domain.numbers import format_number
from kehoach.domain.periods import last_day

from .model import CapitalPlan, Disbursement, FigurePeriod, ProjectAssessment, ProjectMilestone
from .rules import DEFAULT, Thresholds

SCHEDULE = "Theo lịch giải ngân của kế hoạch vốn"
LINEAR = "Tuyến tính theo số tháng đã qua (số tháng trọn ÷ 12)"


def disbursed(
    disbursements: Iterable[Disbursement], project: int, as_of: date, year: int
) -> tuple[Decimal, tuple[tuple[str, Decimal], ...]]:
    """Total disbursed for the project in ``year`` as reported by ``as_of``, and per period."""
    per_period: dict[str, tuple[FigurePeriod, Decimal]] = {}
    for d in disbursements:
        if d.project != project or d.reported_on > as_of:
            continue
        period = FigurePeriod.parse(d.period)
        if period.year != year:
            continue
        _, amount = per_period.get(period.code, (period, Decimal(0)))
        per_period[period.code] = (period, amount + d.amount)
    ordered = sorted(per_period.values(), key=lambda p: (p[0].start, p[0].end, p[0].code))
    by_period = tuple((fp.code, amount) for fp, amount in ordered)
    return sum((a for _, a in by_period), Decimal(0)), by_period


def planned_share(plan: CapitalPlan, as_of: date) -> tuple[Decimal, str]:
    """The share of the plan that should be disbursed by ``as_of``, and the method used."""
    if plan.schedule:
        due = [share for code, share in plan.schedule if FigurePeriod.parse(code).end <= as_of]
        return (max(due) if due else Decimal(0)), SCHEDULE
    if as_of.year < plan.year:
        months = 0
    elif as_of.year > plan.year:
        months = 12
    else:
        months = as_of.month if as_of == last_day(as_of.year, as_of.month) else as_of.month - 1
    return Decimal(months) / Decimal(12), LINEAR


def late_milestones(milestones: Iterable[ProjectMilestone], project: int, as_of: date) -> tuple[ProjectMilestone, ...]:
    """Milestones planned before ``as_of`` with no actual date by then, in planned order."""
    late = [
        m for m in milestones
        if m.project == project and m.planned is not None and m.planned < as_of
        and (m.actual is None or m.actual > as_of)
    ]
    return tuple(sorted(late, key=lambda m: (m.planned, m.kind, m.label)))


def assess_project(
    project: int,
    plan: CapitalPlan | None,
    disbursements: Iterable[Disbursement],
    milestones: Iterable[ProjectMilestone],
    as_of: date,
    thresholds: Thresholds = DEFAULT,
) -> ProjectAssessment:
    year = plan.year if plan else as_of.year
    total, by_period = disbursed(disbursements, project, as_of, year)
    late = late_milestones(milestones, project, as_of)
    rate = share = None
    method = ""
    if plan is not None and plan.amount > 0:
        rate = total / plan.amount
        share, method = planned_share(plan, as_of)
    slow = rate is not None and share is not None and share - rate > thresholds.disbursement_behind

    parts = []
    if rate is not None:
        text = (
            f"Giải ngân {_money(total)} triệu đồng, đạt {_pct(rate)} kế hoạch vốn năm {year} "
            f"({_money(plan.amount)} triệu đồng)"
        )
        if slow:
            text += f", thấp hơn mức cần đạt {_pct(share)}"
        parts.append(text)
    else:
        parts.append(f"Giải ngân {_money(total)} triệu đồng, chưa có kế hoạch vốn năm {year}")
    for m in late:
        parts.append(f"chưa {m.label_vi.lower()} (kế hoạch {m.planned:%d/%m/%Y})")
    return ProjectAssessment(
        project=project,
        plan=plan.amount if plan else None,
        disbursed=total,
        by_period=by_period,
        rate=rate,
        planned_share=share,
        planned_share_method=method,
        late_milestones=late,
        behind=bool(late) or slow,
        reason="; ".join(parts) + ".",
    )


def projects_behind(assessments: Iterable[ProjectAssessment]) -> list[int]:
    return sorted(a.project for a in assessments if a.behind)


def _money(value: Decimal) -> str:
    return format_number(value, 0)


def _pct(share: Decimal) -> str:
    return f"{format_number(share * 100, 1)}%"
