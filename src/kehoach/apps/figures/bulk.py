"""The one bulk loop of figures, with its dry run: ``kehoach actuals import``, the workspace's Excel
upload and the API's bulk upsert all record their checked rows here.

``record_all(entries, ...)`` records every entry in one transaction through ``write`` (the write
step: ``services.record_figure``, the one place a figure is recorded), optionally submits each
recorded draft as of a date (a figure the assessment would rate chậm or worse needs its
explanation: each refusal is collected, and then nothing is kept), and rolls everything back for a
dry run, so a dry run reports exactly what the recording does. A ``Conflict`` (the edit version an
entry carries has moved on) ends the loop and undoes the entries before it; it names the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kehoach.apps import locking
from kehoach.apps.figures import services
from kehoach.domain.assessment.model import FigureStatus


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


def write(entry: Entry, *, user=None, agency=None, status: str = FigureStatus.DRAFT.value) -> services.Recorded:
    """The write step: one entry recorded (a new figure, a new version, a draft completed, or nothing)."""
    row = entry.row
    return services.record_figure(
        row.indicator, row.period, row.scope, comparator=row.comparator.value, low=row.low, high=row.high,
        text=row.text, qualifier=row.qualifier, unit_text=row.unit_text, comparison=row.comparison,
        source=row.source, published=row.published, reporting_agency=agency, entered_by=user, status=status,
        expected_version=entry.expected_version, **entry.explanation,
    )


def record_all(entries, *, user=None, agency=None, status: str = FigureStatus.DRAFT.value,
               submit_as_of: date | None = None, dry_run: bool = False, after=None) -> list[Done]:
    """Record every entry in one transaction (see the module doc); ``Refused`` or ``Conflict``: nothing kept.
    ``after(done)``: called inside the transaction once every entry is recorded (a dry run's checks
    of what the stored rows would then say)."""
    done: list[Done] = []
    refused: list[tuple[Entry, ValidationError]] = []
    with transaction.atomic():
        for entry in entries:
            try:
                recorded = write(entry, user=user, agency=agency, status=status)
            except locking.Conflict as exc:
                exc.entry = entry
                raise
            done.append(Done(entry, recorded))
            figure = recorded.figure
            if submit_as_of is not None and figure.editable:
                try:
                    services.submit(figure, user, services.rating_if_counted(figure, submit_as_of))
                except services.ExplanationRequired as exc:
                    refused.append((entry, exc))
        if after is not None and not refused:
            after(done)
        if refused or dry_run:
            transaction.set_rollback(True)
    if refused:
        raise Refused(refused)
    return done
