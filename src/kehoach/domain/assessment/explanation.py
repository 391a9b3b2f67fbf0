"""When an entry must explain itself: the rule "nguyên nhân, khó khăn, đề xuất".

An entry people submit (a figure, a progress update) must give its causes (nguyên nhân), its
difficulties and obstacles (khó khăn, vướng mắc) and its proposals (đề xuất) when what it reports
is going badly:

* a figure whose indicator it would rate **chậm** or **nguy cơ** (``Rating.severity`` at least
  chậm's; chậm nhẹ, đạt and the unrated ratings need nothing);
* a progress update of a task that is **quá hạn** or **sắp đến hạn** as of the day it is submitted.

Pure: the services (``kehoach.apps.review.services``) ask ``needs_explanation`` with the rating or
status they computed, and ``missing_explanation`` with the entry's texts.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import TaskStatus
from .rules import Rating

EXPLANATION_FIELDS = ("cause", "difficulties", "proposals")
TASK_STATUSES_NEEDING_EXPLANATION = (TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.QUA_HAN, TaskStatus.SAP_DEN_HAN)


def needs_explanation(judgement: Rating | TaskStatus | str | None) -> bool:
    """True when an entry judged so must give its causes, difficulties and proposals.

    ``judgement`` is a figure's rating (``Rating``) or a task's status (``TaskStatus``); a plain
    string is read as a rating first, then as a task status. None (not judged): False.
    """
    if judgement is None:
        return False
    if isinstance(judgement, TaskStatus):
        return judgement in TASK_STATUSES_NEEDING_EXPLANATION
    if not isinstance(judgement, Rating):
        try:
            judgement = Rating(judgement)
        except ValueError:
            return TaskStatus(judgement) in TASK_STATUSES_NEEDING_EXPLANATION
    return judgement.is_rated and judgement.severity >= Rating.CHAM.severity


def missing_explanation(texts: Mapping[str, str | None]) -> list[str]:
    """The explanation fields (``EXPLANATION_FIELDS``, in that order) that are empty or blank."""
    return [name for name in EXPLANATION_FIELDS if not (texts.get(name) or "").strip()]
