"""Which target is current: among the targets of one (indicator, year, basis, scope), the latest document's.

Run after a document is stored (``kehoach.apps.plan_import.importing.store``) and after a
target is revised (``kehoach.apps.indicators.revisions``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from kehoach.apps.indicators.models import Target


def update_supersession() -> int:
    """Mark, per (indicator, year, basis, scope), every target but the latest-dated document's as superseded.

    The latest document is the one with the latest date; a document without a date counts as
    the oldest, and between equal dates the one stored last wins. Saves only what changes;
    returns how many targets changed.
    """
    groups: dict[tuple, list[Target]] = defaultdict(list)
    for target in Target.objects.select_related("document").order_by("pk"):
        groups[(target.indicator_id, target.year, target.basis, target.scope)].append(target)
    changed = 0
    for targets in groups.values():
        latest = max(targets, key=lambda t: (t.document.date or date.min, t.document_id))
        for target in targets:
            wanted = None if target is latest else latest.pk
            if target.superseded_by_id != wanted:
                target.superseded_by_id = wanted
                target.save()
                changed += 1
    return changed
