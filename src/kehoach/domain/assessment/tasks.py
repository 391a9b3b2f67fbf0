"""Task progress as of a date: the national task-tracking statuses.

A deadline (``entities.Deadline``, as ``deadlines.parse_deadline`` reads it) becomes the things
that fall due (``occurrences``):

* a single due date (possibly none: "Thường xuyên", a phrasing not understood);
* a recurrence ("Hàng tháng", "Hàng quý trong năm 2025"): one occurrence per period of each kind
  (month, quarter, half, year), due on the period's last day, from the deadline's start (else
  1 January of its first year: the due date's year, or the as-of year if earlier) to
  ``recurrence.until`` (else 31 December of the as-of year);
* milestones (a bulleted deadline): one per milestone, tracked each.

A conditional deadline ("Sau khi được phê duyệt") has no due date until a ``ConditionEvent``
for the task (and milestone) is recorded on or before the as-of date. Then it is due on the
event's own ``due``, else the deadline's date, else ``Thresholds.condition_days`` after the event.

Which updates count: those dated on or before the as-of date; the latest one (by date, then
input order) says where the item stands. An update with a ``milestone`` index reports on that
milestone; without one, on every milestone. An update with an ``occurrence`` code reports on
that occurrence; without one it goes to the earliest occurrence not yet completed that had
started by the update's date.

Status of one item, in order:

1. completed (the latest update is "completed", completion on or before the as-of date):
   hoàn thành đúng hạn if completed on or before the due date (or there is none), else hoàn
   thành quá hạn;
2. waiting for its triggering event: chờ điều kiện;
3. no due date: đang thực hiện trong hạn if started, else chưa đến hạn;
4. the as-of date is after the due date: quá hạn chưa hoàn thành;
5. at most ``soon_days`` (3) days before the due date, the due day included: sắp đến hạn;
6. started (in progress, or a percentage above 0): đang thực hiện trong hạn; else chưa đến hạn.

A task's status (``task_status``) is that of its most pressing item, in the order quá hạn, sắp
đến hạn, đang thực hiện trong hạn, chờ điều kiện, chưa đến hạn, hoàn thành quá hạn, hoàn thành
đúng hạn (the earliest due first): a task is complete only when every item is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from kehoach.domain.entities import Deadline, Task
from kehoach.domain.periods import H1, H2, MONTH, QUARTER, YEAR, Period

from .model import ConditionEvent, Occurrence, ProgressStatus, ProgressUpdate, TaskAssessment, TaskStatus
from .rules import DEFAULT, Thresholds

# Recurrence words (entities.Recurrence.every) -> period kinds.
_KINDS = {"month": (MONTH,), "quarter": (QUARTER,), "half": (H1, H2), "year": (YEAR,)}

# The one order of the task statuses, most pressing first: how a task's status is chosen among its
# items (``task_status``) and how every page, table and count lists them (tasks, leaders, dashboard).
PRIORITY = (
    TaskStatus.QUA_HAN,
    TaskStatus.SAP_DEN_HAN,
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


def assess_occurrences(
    deadline: Deadline,
    updates: Iterable[ProgressUpdate],
    as_of: date,
    events: Iterable[ConditionEvent] = (),
    soon_days: int = DEFAULT.soon_days,
    task: int | None = None,
    condition_days: int = DEFAULT.condition_days,
) -> list[TaskAssessment]:
    """The status of every item of a deadline (occurrence, milestone or the single due date)."""
    items = occurrences(deadline, as_of)
    mine = [u for u in updates if (task is None or u.task == task) and u.on <= as_of]
    mine = [u for _, u in sorted(enumerate(mine), key=lambda p: (p[1].on, p[0]))]
    happened = [e for e in events if (task is None or e.task == task) and e.on <= as_of]
    per_item = _assign(items, mine, deadline)
    number = task if task is not None else (mine[0].task if mine else 0)
    return [
        _assess_item(number, item, per_item[i], _event_for(item, happened), as_of, deadline, soon_days, condition_days)
        for i, item in enumerate(items)
    ]


def task_status(
    deadline: Deadline,
    updates: Iterable[ProgressUpdate],
    as_of: date,
    events: Iterable[ConditionEvent] = (),
    soon_days: int = DEFAULT.soon_days,
    task: int | None = None,
    condition_days: int = DEFAULT.condition_days,
) -> TaskAssessment:
    """The task's status as of a date: its most pressing item's (see the module docstring)."""
    items = assess_occurrences(deadline, updates, as_of, events, soon_days, task, condition_days)
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
        out.append(task_status(t.deadline, mine, as_of, events_of, thresholds.soon_days, t.number,
                               thresholds.condition_days))
    return out


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
        else:
            open_items = [i for i in range(len(items)) if not done[i]]
            started = [i for i in open_items if items[i].start is None or items[i].start <= u.on]
            targets = (started or open_items)[:1]
        for i in targets:
            per_item[i].append(u)
            if u.status == ProgressStatus.COMPLETED:
                done[i] = True
    return per_item


def _event_for(item: Occurrence, events: list[ConditionEvent]) -> ConditionEvent | None:
    if not item.condition:
        return None
    matching = [e for e in events if e.milestone is None or e.milestone == item.milestone]
    return min(matching, key=lambda e: e.on) if matching else None


def _assess_item(
    task: int,
    item: Occurrence,
    updates: list[ProgressUpdate],
    event: ConditionEvent | None,
    as_of: date,
    deadline: Deadline,
    soon_days: int,
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
    started = last is not None and (last.status != ProgressStatus.NOT_STARTED or (last.percent or 0) > 0)
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
    if due is None:
        status = TaskStatus.DANG_THUC_HIEN_TRONG_HAN if started else TaskStatus.CHUA_DEN_HAN
        text = deadline.note or deadline.text
        return TaskAssessment(**common, status=status, detail=f"Không có hạn cụ thể ({text}){progress}{where}.")
    if as_of > due:
        late = (as_of - due).days
        return TaskAssessment(
            **common, status=TaskStatus.QUA_HAN, days_late=late,
            detail=f"Quá hạn {late} ngày (hạn {due:%d/%m/%Y}) chưa hoàn thành{progress}{where}.",
        )
    left = (due - as_of).days
    if left <= soon_days:
        when = "đến hạn hôm nay" if left == 0 else f"còn {left} ngày đến hạn"
        return TaskAssessment(
            **common, status=TaskStatus.SAP_DEN_HAN,
            detail=f"Sắp đến hạn: {when} ({due:%d/%m/%Y}){progress}{where}.",
        )
    status = TaskStatus.DANG_THUC_HIEN_TRONG_HAN if started else TaskStatus.CHUA_DEN_HAN
    return TaskAssessment(**common, status=status, detail=f"{status.label}, hạn {due:%d/%m/%Y}{progress}{where}.")


def _due_text(due: date | None) -> str:
    return f" (hạn {due:%d/%m/%Y})" if due else ""
