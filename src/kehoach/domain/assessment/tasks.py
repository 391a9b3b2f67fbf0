"""Task progress as of a date: the national task-tracking statuses.

A deadline (``entities.Deadline``, as ``deadlines.parse_deadline`` reads it) becomes the things
that fall due (``occurrences``):

* a single due date (possibly none: "Thường xuyên", a phrasing not understood);
* a recurrence ("Hàng tháng", "Hàng quý trong năm 2025", "Trong năm 2025 và các năm tiếp
  theo"): one occurrence per period of each kind (month, quarter, half, year), due on the
  period's last day, from the deadline's start (else 1 January of its first year: the due date's
  year, or the as-of year if earlier) to ``recurrence.until`` (else 31 December of the as-of
  year: an open recurrence carries into every following year);
* milestones (a bulleted deadline): one per milestone, tracked each.

A conditional deadline ("Sau khi được phê duyệt") has no due date until a ``ConditionEvent``
for the task (and milestone) is recorded on or before the as-of date. Then it is due on the
event's own ``due``, else the deadline's date, else ``Thresholds.condition_days`` after the event.

Which updates count: those dated on or before the as-of date; the latest one (by date, then
input order) says where the item stands. An update with a ``milestone`` index reports on that
milestone; without one, on every milestone. An update with an ``occurrence`` code reports on
that occurrence. Without one, a "completed" update closes the earliest occurrence not yet
completed that had started by the update's date and is still reportable (the next occurrence of
its kind has not ended: a report of 03/03 closes February, never a January left unreported), and
any other open one due the same day (the March report is also the first quarter's); any other
update reports on the occurrences current on its date (whose period contains it; the last ones
after the recurrence has ended).

Status of one item, in order:

1. completed (the latest update is "completed", completion on or before the as-of date):
   hoàn thành đúng hạn if completed on or before the due date (or there is none), else hoàn
   thành quá hạn;
2. waiting for its triggering event: chờ điều kiện;
3. the as-of date is after the due date: quá hạn chưa hoàn thành when there is a report on the
   item, else quá hạn, chưa báo cáo;
4. due before the next periodic report (``soon_before``: the next ``Thresholds.report_day`` after
   the as-of date) or at most ``soon_days`` days ahead, the due day included: sắp đến hạn;
5. started (the latest report says in progress, or a percentage above 0): đang thực hiện trong
   hạn (an occurrence of a recurrence with no report of its own continues the task's latest
   report when that one is in progress: work that goes on into the next month or year);
6. no report on the task at all, and the item's work is under way (no due date — "Thường xuyên" —, or its
   start, such as the first day of a recurring period, has come): chưa báo cáo;
7. otherwise: chưa đến hạn.

A task's status (``task_status``):

* recurring: the status of its *current occurrence* (the first, by due date, whose period
  contains the as-of date; the last one once the recurrence has ended, the first before it has
  begun), plus ``missed``: the earlier occurrences, ended before the as-of date, with no report
  of their own. "Hàng tháng, quý trong năm 2025" in December is about December, not January;
  "Trong năm 2025 và các năm tiếp theo" on 15/01/2026 is about 2026.
* otherwise that of its most pressing item, in the order ``PRIORITY`` (the earliest due first):
  a task is complete only when every item is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from kehoach.domain.entities import Deadline, Task
from kehoach.domain.periods import H1, H2, MONTH, QUARTER, YEAR, Period

from .calendar import next_report_date
from .model import ConditionEvent, Occurrence, ProgressStatus, ProgressUpdate, TaskAssessment, TaskStatus
from .rules import DEFAULT, Thresholds

# Recurrence words (entities.Recurrence.every) -> period kinds.
_KINDS = {"month": (MONTH,), "quarter": (QUARTER,), "half": (H1, H2), "year": (YEAR,)}

# The one order of the task statuses, most pressing first: how a task's status is chosen among its
# items (``task_status``) and how every page, table and count lists them (tasks, leaders, dashboard).
PRIORITY = (
    TaskStatus.QUA_HAN_CHUA_BAO_CAO,
    TaskStatus.QUA_HAN,
    TaskStatus.SAP_DEN_HAN,
    TaskStatus.CHUA_BAO_CAO,
    TaskStatus.DANG_THUC_HIEN_TRONG_HAN,
    TaskStatus.CHO_DIEU_KIEN,
    TaskStatus.CHUA_DEN_HAN,
    TaskStatus.HOAN_THANH_QUA_HAN,
    TaskStatus.HOAN_THANH_DUNG_HAN,
)


def occurrences(deadline: Deadline, as_of: date) -> list[Occurrence]:
    """What falls due under a deadline, in due order (see the module docstring)."""
    if deadline.milestones:
        return [
            Occurrence(due=m.due, milestone=i, label=m.text, condition=m.condition, start=deadline.start)
            for i, m in enumerate(deadline.milestones)
        ]
    if deadline.recurrence is not None:
        first_year = deadline.start.year if deadline.start else min(
            deadline.due.year if deadline.due else as_of.year, as_of.year
        )
        begin = deadline.start or date(first_year, 1, 1)
        last = deadline.recurrence.until or date(as_of.year, 12, 31)
        found: list[Occurrence] = []
        for word in deadline.recurrence.every:
            for kind in _KINDS.get(word, ()):
                for year in range(first_year, last.year + 1):
                    for period in _periods(kind, year):
                        if begin <= period.end <= last:
                            found.append(
                                Occurrence(due=period.end, period=period.code, label=period.label_vi,
                                           condition=deadline.condition, start=period.start)
                            )
        return sorted(found, key=lambda o: (o.due, -o.start.toordinal(), o.period))  # shorter first
    return [Occurrence(due=deadline.due, condition=deadline.condition, start=deadline.start)]


def _periods(kind: str, year: int) -> list[Period]:
    if kind == MONTH:
        return [Period.of_month(year, m) for m in range(1, 13)]
    if kind == QUARTER:
        return [Period.of_quarter(year, q) for q in range(1, 5)]
    return [Period(year, kind)]


def soon_before(as_of: date, thresholds: Thresholds = DEFAULT) -> date:
    """Items due before this day (and not yet late) are "sắp đến hạn": the next periodic report
    date after ``as_of`` (``Thresholds.report_day``), or ``soon_days`` days ahead if that is later."""
    floor = as_of + timedelta(days=thresholds.soon_days + 1)
    if not thresholds.report_day:
        return floor
    return max(next_report_date(as_of, thresholds.report_day), floor)


def assess_occurrences(
    deadline: Deadline,
    updates: Iterable[ProgressUpdate],
    as_of: date,
    events: Iterable[ConditionEvent] = (),
    thresholds: Thresholds = DEFAULT,
    task: int | None = None,
) -> list[TaskAssessment]:
    """The status of every item of a deadline (occurrence, milestone or the single due date)."""
    items = occurrences(deadline, as_of)
    mine = [u for u in updates if (task is None or u.task == task) and u.on <= as_of]
    mine = [u for _, u in sorted(enumerate(mine), key=lambda p: (p[1].on, p[0]))]
    happened = [e for e in events if (task is None or e.task == task) and e.on <= as_of]
    per_item = _assign(items, mine, deadline)
    number = task if task is not None else (mine[0].task if mine else 0)
    # An occurrence with no report of its own continues the task's latest report if in progress.
    carried = mine[-1] if deadline.recurrence is not None and mine and mine[-1].completion_date is None else None
    limit = soon_before(as_of, thresholds)
    return [
        _assess_item(number, item, per_item[i], carried, bool(mine), _event_for(item, happened), as_of, deadline,
                     limit, thresholds.condition_days)
        for i, item in enumerate(items)
    ]


def task_status(
    deadline: Deadline,
    updates: Iterable[ProgressUpdate],
    as_of: date,
    events: Iterable[ConditionEvent] = (),
    thresholds: Thresholds = DEFAULT,
    task: int | None = None,
) -> TaskAssessment:
    """The task's status as of a date (see the module docstring): a recurring task's current
    occurrence with the earlier ones missed, else its most pressing item."""
    items = assess_occurrences(deadline, updates, as_of, events, thresholds, task)
    if deadline.recurrence is not None and not deadline.milestones and items:
        return _current(items, occurrences(deadline, as_of), as_of)
    rank = {s: i for i, s in enumerate(PRIORITY)}
    return min(items, key=lambda a: (rank[a.status], a.due is None, a.due or date.max))


def assess_tasks(
    tasks: Iterable[Task],
    updates: Iterable[ProgressUpdate],
    as_of: date,
    events: Iterable[ConditionEvent] = (),
    thresholds: Thresholds = DEFAULT,
) -> list[TaskAssessment]:
    """One status per task (``task_status``), in the order of the tasks."""
    by_task: dict[int, tuple[list[ProgressUpdate], list[ConditionEvent]]] = {}
    for update in updates:
        by_task.setdefault(update.task, ([], []))[0].append(update)
    for event in events:
        by_task.setdefault(event.task, ([], []))[1].append(event)
    nothing: tuple[list[ProgressUpdate], list[ConditionEvent]] = ([], [])
    out = []
    for t in tasks:
        mine, events_of = by_task.get(t.number, nothing)
        out.append(task_status(t.deadline, mine, as_of, events_of, thresholds, t.number))
    return out


def current_index(items: list[Occurrence], as_of: date) -> int:
    """Which occurrence of a recurrence a task's status is about: the first (by due date) whose
    period contains ``as_of``; the last due once all have ended; the first before any began."""
    for i, item in enumerate(items):
        if item.due is not None and (item.start is None or item.start <= as_of) and as_of <= item.due:
            return i
    dated = [i for i, item in enumerate(items) if item.due is not None]
    if dated and all(items[i].due < as_of for i in dated):
        latest = max(items[i].due for i in dated)
        return next(i for i in dated if items[i].due == latest)
    return 0


def _current(assessed: list[TaskAssessment], items: list[Occurrence], as_of: date) -> TaskAssessment:
    index = current_index(items, as_of)
    now = assessed[index]
    missed = tuple(
        a.occurrence for i, (a, item) in enumerate(zip(assessed, items, strict=True))
        if item.due is not None and item.due < as_of and item.due != items[index].due  # not the current one(s)
        and a.status == TaskStatus.QUA_HAN_CHUA_BAO_CAO
    )
    if not missed:
        return now
    labels = {item.period: item.label for item in items}
    count = f"{len(missed)} kỳ trước chưa báo cáo" if len(missed) > 1 else "1 kỳ trước chưa báo cáo"
    detail = f"{now.detail.rstrip('.')}; {count} (gần nhất: {labels[missed[-1]]})."
    return TaskAssessment(
        task=now.task, status=now.status, due=now.due, occurrence=now.occurrence, milestone=now.milestone,
        completed_on=now.completed_on, percent=now.percent, days_late=now.days_late, detail=detail, missed=missed,
    )


def _assign(items: list[Occurrence], updates: list[ProgressUpdate], deadline: Deadline) -> list[list[ProgressUpdate]]:
    per_item: list[list[ProgressUpdate]] = [[] for _ in items]
    if deadline.milestones:
        for u in updates:
            for i, item in enumerate(items):
                if u.milestone is None or u.milestone == item.milestone:
                    per_item[i].append(u)
        return per_item
    if deadline.recurrence is None:
        per_item[0].extend(updates)
        return per_item
    done = [False] * len(items)
    for u in updates:
        if u.occurrence is not None:
            targets = [i for i, item in enumerate(items) if item.period == u.occurrence]
        elif u.status == ProgressStatus.COMPLETED:
            open_items = [i for i in range(len(items)) if not done[i]]
            started = [i for i in open_items if items[i].start is None or items[i].start <= u.on]
            recent = [i for i in started if _still_reportable(items, i, u.on)]
            first = (recent or started or open_items)[:1]
            targets = [i for i in open_items if first and items[i].due == items[first[0]].due]
        else:
            current = current_index(items, u.on) if items else None
            targets = [] if current is None else [
                i for i, item in enumerate(items)
                if item.due == items[current].due or (item.start is not None and item.start <= u.on <= (item.due or u.on))
            ]
        for i in targets:
            per_item[i].append(u)
            if u.status == ProgressStatus.COMPLETED:
                done[i] = True
    return per_item


def _still_reportable(items: list[Occurrence], index: int, on: date) -> bool:
    """An occurrence a report made on ``on`` can close: the next one of the same kind has not ended
    (the report of 03/03 closes February, not January: January, never reported, stays missed)."""
    kind = _kind(items[index].period)
    later = [item for item in items[index + 1:] if _kind(item.period) == kind and item.due != items[index].due]
    return not later or later[0].due is None or later[0].due >= on


def _kind(code: str | None) -> str:
    return Period.parse(code).kind if code else ""


def _event_for(item: Occurrence, events: list[ConditionEvent]) -> ConditionEvent | None:
    if not item.condition:
        return None
    matching = [e for e in events if e.milestone is None or e.milestone == item.milestone]
    return min(matching, key=lambda e: e.on) if matching else None


def _assess_item(
    task: int,
    item: Occurrence,
    updates: list[ProgressUpdate],
    carried: ProgressUpdate | None,
    any_report: bool,
    event: ConditionEvent | None,
    as_of: date,
    deadline: Deadline,
    soon_limit: date,
    condition_days: int,
) -> TaskAssessment:
    due = item.due
    waiting = bool(item.condition) and event is None
    if item.condition and event is not None:
        due = event.due or item.due or event.on + timedelta(days=condition_days)
    elif waiting:
        due = None
    last = updates[-1] if updates else None
    completed = last.completion_date if last else None
    percent = last.percent if last else None
    basis = last or carried
    started = basis is not None and (basis.status != ProgressStatus.NOT_STARTED or (basis.percent or 0) > 0)
    unreported = last is None
    common = {"task": task, "due": due, "occurrence": item.period, "milestone": item.milestone, "percent": percent}
    where = f" ({item.label})" if item.label else ""

    if completed is not None and completed <= as_of:
        if due is None or completed <= due:
            return TaskAssessment(
                **common, status=TaskStatus.HOAN_THANH_DUNG_HAN, completed_on=completed,
                detail=f"Hoàn thành ngày {completed:%d/%m/%Y}{_due_text(due)}{where}.",
            )
        late = (completed - due).days
        return TaskAssessment(
            **common, status=TaskStatus.HOAN_THANH_QUA_HAN, completed_on=completed, days_late=late,
            detail=f"Hoàn thành ngày {completed:%d/%m/%Y}, chậm {late} ngày so với hạn {due:%d/%m/%Y}{where}.",
        )
    progress = f", tiến độ {percent}%" if percent is not None else ""
    if waiting:
        return TaskAssessment(
            **common, status=TaskStatus.CHO_DIEU_KIEN,
            detail=f"Chưa có hạn: chờ điều kiện “{item.condition}”{where}.",
        )
    if due is not None and as_of > due:
        late = (as_of - due).days
        if unreported:
            return TaskAssessment(
                **common, status=TaskStatus.QUA_HAN_CHUA_BAO_CAO, days_late=late,
                detail=f"Quá hạn {late} ngày (hạn {due:%d/%m/%Y}), chưa có báo cáo tiến độ{where}.",
            )
        return TaskAssessment(
            **common, status=TaskStatus.QUA_HAN, days_late=late,
            detail=f"Quá hạn {late} ngày (hạn {due:%d/%m/%Y}) chưa hoàn thành{progress}{where}.",
        )
    silent = ", chưa có báo cáo tiến độ" if unreported and not started else ""
    if due is not None and due < soon_limit:
        left = (due - as_of).days
        when = "đến hạn hôm nay" if left == 0 else f"còn {left} ngày đến hạn"
        return TaskAssessment(
            **common, status=TaskStatus.SAP_DEN_HAN,
            detail=f"Sắp đến hạn: {when} ({due:%d/%m/%Y}){progress}{silent}{where}.",
        )
    under_way = due is None or (item.start is not None and item.start <= as_of)
    if started:
        status = TaskStatus.DANG_THUC_HIEN_TRONG_HAN
    elif not any_report and under_way:
        status = TaskStatus.CHUA_BAO_CAO
    else:
        status = TaskStatus.CHUA_DEN_HAN
    if due is None:
        text = deadline.note or deadline.text
        return TaskAssessment(**common, status=status,
                              detail=f"{status.label}, không có hạn cụ thể ({text}){progress}{where}.")
    return TaskAssessment(**common, status=status, detail=f"{status.label}, hạn {due:%d/%m/%Y}{progress}{where}.")


def _due_text(due: date | None) -> str:
    return f" (hạn {due:%d/%m/%Y})" if due else ""
