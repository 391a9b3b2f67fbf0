"""The narrative parts as officials write them today, compiled from what the agencies reported:

* "Kết quả thực hiện các nhiệm vụ": under each task group of the plan (in the plan's order), the
  notes of the approved progress updates of the period, "- Nhiệm vụ số 16 (Sở Công Thương): <note> (<evidence>)";
* "Nguyên nhân, khó khăn vướng mắc và đề xuất": per agency, the causes, difficulties and proposals
  given with approved progress updates and figures of the period.
"""

from __future__ import annotations

from collections.abc import Iterable

from kehoach.domain.text import fold

from .model import Explanation, Narrative, NarrativeGroup, ProgressNote

RESULTS_HEADING = "Kết quả thực hiện các nhiệm vụ"
CAUSES_HEADING = "Nguyên nhân, khó khăn vướng mắc và đề xuất"
NO_RESULTS = "Trong kỳ chưa có báo cáo tiến độ nhiệm vụ nào được duyệt."
NO_CAUSES = "Trong kỳ các cơ quan chưa nêu nguyên nhân, khó khăn vướng mắc hay đề xuất nào."
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


def explanation_line(item: Explanation) -> str | None:
    """ "- Nhiệm vụ số 16: Nguyên nhân: ...; khó khăn, vướng mắc: ...; đề xuất: ..." (None: nothing given)."""
    parts = [f"{label}: {_clause(text)}" for label, text in (
        ("nguyên nhân", item.cause), ("khó khăn, vướng mắc", item.difficulties), ("đề xuất", item.proposals))
        if text.strip()]
    if not parts:
        return None
    body = "; ".join(parts)
    return f"- {item.about}: {body[0].upper()}{body[1:]}."


def causes_narrative(items: Iterable[Explanation]) -> Narrative:
    """The explanations per agency (agencies in alphabetical order, an unknown agency last), each
    agency's lines in the order given, a repeated line once."""
    by_agency: dict[str, list[str]] = {}
    for item in items:
        line = explanation_line(item)
        if line is None:
            continue
        lines = by_agency.setdefault(item.agency.strip() or NO_AGENCY, [])
        if line not in lines:
            lines.append(line)
    order = sorted(by_agency, key=lambda name: (name == NO_AGENCY, fold(name)))
    return Narrative(CAUSES_HEADING, tuple(NarrativeGroup(name, tuple(by_agency[name])) for name in order), NO_CAUSES)


def narratives(notes: Iterable[ProgressNote], explanations: Iterable[Explanation]) -> tuple[Narrative, ...]:
    return (results_narrative(notes), causes_narrative(explanations))
