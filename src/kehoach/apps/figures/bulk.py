"""The one bulk loop of figures, with its dry run: ``kehoach actuals import``, the workspace's Excel
upload and the API's bulk upsert all record their checked rows here.

``record_all(entries, ...)`` records every entry in one transaction through the set-based write
step (``bulk_write.record_figures``: ``services.record_figure``'s rules for many figures at once,
``COPY`` and one upsert on PostgreSQL, batched ``bulk_create`` elsewhere). An entry that repeats
a key (indicator, period, scope) of an earlier one is recorded in a later round, after it, as it
would be row by row. It then optionally submits each recorded draft as of a date (a figure the
assessment would rate chậm or worse needs its explanation: each refusal is collected, and then
nothing is kept), and rolls everything back for a dry run, so a dry run reports exactly what the
recording does. A ``Conflict`` (the edit version an entry carries has moved on) ends the loop and
undoes the entries before it; it names the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kehoach.apps import locking
from kehoach.apps.figures import bulk_write, services
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus


@dataclass
class Entry:
    """A checked figure to record: the importer's row (``importing.FigureRow``), where it came from
    (``position``: the file's line or the API body's item), its explanation and the edit version the
    user saw (None: no check)."""

    position: int
    row: object
    cause: str = ""
    difficulties: str = ""
    proposals: str = ""
    expected_version: int | None = None

    @property
    def explanation(self) -> dict[str, str]:
        return {"cause": self.cause, "difficulties": self.difficulties, "proposals": self.proposals}


@dataclass
class Done:
    entry: Entry
    recorded: services.Recorded

    @property
    def action(self) -> str:
        return self.recorded.action


class Refused(Exception):
    """Some recorded drafts could not be submitted: (entry, the ``ValidationError``) of each; nothing was kept."""

    def __init__(self, refusals: list[tuple[Entry, ValidationError]]):
        self.refusals = refusals
        super().__init__(f"{len(refusals)} figure(s) refused")


def record_all(entries, *, user=None, agency=None, status: str = FigureStatus.DRAFT.value,
               submit_as_of: date | None = None, dry_run: bool = False, after=None) -> list[Done]:
    """Record every entry in one transaction (see the module doc); ``Refused`` or ``Conflict``: nothing kept.
    ``after(done)``: called inside the transaction once every entry is recorded (a dry run's checks
    of what the stored rows would then say)."""
    entries = list(entries)
    recorded: list[services.Recorded | None] = [None] * len(entries)
    refused: list[tuple[Entry, ValidationError]] = []
    with transaction.atomic():
        for batch in _rounds(entries):
            try:
                results = bulk_write.record_figures([_input(entries[i]) for i in batch], status=status,
                                                    entered_by=user, agency=agency)
            except locking.Conflict as exc:
                exc.entry = entries[batch[exc.index]]
                raise
            for i, result in zip(batch, results, strict=True):
                recorded[i] = result
        done = [Done(entry, result) for entry, result in zip(entries, recorded, strict=True)]
        if submit_as_of is not None:
            for item in done:
                figure = item.recorded.figure
                if not figure.editable:
                    continue
                try:
                    services.submit(figure, user, services.rating_if_counted(figure, submit_as_of))
                except services.ExplanationRequired as exc:
                    refused.append((item.entry, exc))
        if after is not None and not refused:
            after(done)
        if refused or dry_run:
            transaction.set_rollback(True)
    if refused:
        raise Refused(refused)
    return done


def _rounds(entries: list[Entry]) -> list[list[int]]:
    """The entries' indexes in rounds where each key appears once: the n-th entry of a key in round n."""
    rounds: list[list[int]] = []
    seen: dict[tuple, int] = {}
    for i, entry in enumerate(entries):
        row = entry.row
        key = (row.indicator.pk, FigurePeriod.parse(row.period).code, row.scope)
        n = seen.get(key, 0)
        seen[key] = n + 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(i)
    return rounds


def _input(entry: Entry) -> bulk_write.FigureInput:
    row = entry.row
    return bulk_write.FigureInput(
        row.indicator, row.period, row.scope, comparator=row.comparator.value, low=row.low, high=row.high,
        text=row.text, qualifier=row.qualifier, unit_text=row.unit_text, comparison=row.comparison,
        source=row.source, published=row.published, expected_version=entry.expected_version, **entry.explanation,
    )
