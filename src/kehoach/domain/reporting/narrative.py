"""The narrative parts as officials write them today, compiled from what the agencies reported:

* "Kết quả thực hiện các nhiệm vụ": under each task group of the plan (in the plan's order), the
  notes of the approved progress updates of the period, "- Nhiệm vụ số 16 (Sở Công Thương): <note> (<evidence>)";
* the lines of "Đánh giá chung" (causes and difficulties) and of "Nhiệm vụ, giải pháp trọng tâm" of the
  next period (proposals): what the agencies gave with approved progress updates and figures of the period,
  "- Sở Công Thương, nhiệm vụ số 16: Nguyên nhân: ...; khó khăn, vướng mắc: ...", agencies in alphabetical order.
"""

from __future__ import annotations

from collections.abc import Iterable

from kehoach.domain.text import fold

from .model import Explanation, Narrative, NarrativeGroup, ProgressNote

RESULTS_HEADING = "Kết quả thực hiện các nhiệm vụ"
NO_RESULTS = "Trong kỳ chưa có báo cáo tiến độ nhiệm vụ nào được duyệt."
NO_AGENCY = "Chưa xác định cơ quan"


def _clause(text: str) -> str:
    """One line of free text: whitespace collapsed, no final full stop (the line adds its own)."""
    return " ".join(text.split()).rstrip(" .;")


def progress_line(note: ProgressNote) -> str:
    """ "- Nhiệm vụ số 16 (Sở Công Thương): Đã trình UBND thành phố đề án (Tờ trình số 12/TTr-SCT)."."""
    agencies = f" ({', '.join(note.agencies)})" if note.agencies else ""
    evidence = f" ({_clause(note.evidence)})" if note.evidence.strip() else ""
    return f"- Nhiệm vụ số {note.task_number}{agencies}: {_clause(note.note)}{evidence}."


def results_narrative(notes: Iterable[ProgressNote]) -> Narrative:
    """The notes under their task groups, groups in the plan's order, tasks by number, updates by date."""
    notes = sorted((n for n in notes if n.note.strip()), key=lambda n: (n.group_order, n.group, n.task_number, n.on))
    groups: list[NarrativeGroup] = []
    for note in notes:
        if not groups or groups[-1].heading != note.group:
            groups.append(NarrativeGroup(note.group, ()))
        groups[-1] = NarrativeGroup(note.group, groups[-1].lines + (progress_line(note),))
    return Narrative(RESULTS_HEADING, tuple(groups), NO_RESULTS)


def _explained(item: Explanation, fields: tuple[tuple[str, str], ...]) -> str | None:
    """ "- Sở Công Thương, nhiệm vụ số 16: Nguyên nhân: ...; khó khăn, vướng mắc: ..." from the given
    (label, attribute) pairs of the explanation; None when none of them was given."""
    parts = [f"{label}: {_clause(getattr(item, name))}" if label else _clause(getattr(item, name))
             for label, name in fields if getattr(item, name).strip()]
    if not parts:
        return None
    body = "; ".join(parts)
    agency, about = item.agency.strip(), item.about.strip()
    who = f"{agency}, {about[:1].lower()}{about[1:]}" if agency else about
    return f"- {who}: {body[0].upper()}{body[1:]}."


CAUSE_FIELDS = (("nguyên nhân", "cause"), ("khó khăn, vướng mắc", "difficulties"))
PROPOSAL_FIELDS = (("", "proposals"),)


def _by_agency(items: Iterable[Explanation], fields) -> tuple[str, ...]:
    """The explanations' lines, agencies in alphabetical order (an unknown agency last), each agency's
    lines in the order given, a repeated line once."""
    by_agency: dict[str, list[str]] = {}
    for item in items:
        line = _explained(item, fields)
        if line is None:
            continue
        lines = by_agency.setdefault(item.agency.strip() or NO_AGENCY, [])
        if line not in lines:
            lines.append(line)
    order = sorted(by_agency, key=lambda name: (name == NO_AGENCY, fold(name)))
    return tuple(line for name in order for line in by_agency[name])


def cause_lines(items: Iterable[Explanation]) -> tuple[str, ...]:
    """The causes and difficulties the agencies gave (for "Tồn tại, hạn chế và nguyên nhân")."""
    return _by_agency(items, CAUSE_FIELDS)


def proposal_lines(items: Iterable[Explanation]) -> tuple[str, ...]:
    """The agencies' proposals (for "Nhiệm vụ, giải pháp trọng tâm" of the next period)."""
    return _by_agency(items, PROPOSAL_FIELDS)


def narratives(notes: Iterable[ProgressNote]) -> tuple[Narrative, ...]:
    return (results_narrative(notes),)
