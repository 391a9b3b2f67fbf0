"""Recording many figures at once, in set-based statements: the write step of the one bulk loop
(``bulk.record_all``: ``kehoach actuals import``, the workspace upload, the API's bulk upsert).

``record_figures(items)`` does for a whole checked file what ``services.record_figure`` does for
one figure, with the same result row by row (same versions, ``row_version``, history rows,
submitted/approved stamps, a draft completed in place, the edit-version check, and outcome), but
in a fixed number of statements:

1. the current figure and the last version of every key, read in one query (locked on PostgreSQL);
   an item carrying an edit version that the key's current figure no longer has (or a key that
   has no current figure) raises ``locking.Conflict`` (``index``: the first such item) before
   anything is written;
2. the figures replaced by a new version marked not current, and the drafts completed in place
   given their new wording, in one ``bulk_update`` each, with their "~" history rows;
3. the new figures written: on PostgreSQL ``COPY`` into a temporary staging table and one
   ``INSERT ... SELECT ... RETURNING id`` (elsewhere batched ``bulk_create``);
4. their history rows (COPY on PostgreSQL, simple-history's ``bulk_history_create`` elsewhere,
   with the running command's attribution), and ``changes.bulk_saved`` sent (bulk statements send
   no ``post_save``; the assessment's data version is raised after the commit).

Call it inside a transaction (the importer's), with items whose keys (indicator, period, scope)
are all different (``bulk.record_all`` splits a file that repeats a key into rounds) and whose
values are already canonical (``indicators.values.canonical_value``).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from kehoach.apps import locking
from kehoach.apps.attribution import current_reason
from kehoach.apps.changes import bulk_saved
from kehoach.apps.documents.upsert import to_decimal
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import (
    CREATED,
    REVISED,
    SAME_FIGURE_FIELDS,
    UNCHANGED,
    UPDATED,
    WORDING_FIELDS,
    Recorded,
)
from kehoach.apps.indicators.models import Indicator
from kehoach.domain import entities as e
from kehoach.domain.assessment import model as m

BATCH = 1000


@dataclass
class FigureInput:
    """One figure to record (``record_figure``'s arguments)."""

    indicator: Indicator
    period: str  # a code FigurePeriod.parse reads
    scope: str
    comparator: str = e.Comparator.EQ.value
    low: Decimal | None = None
    high: Decimal | None = None
    text: str = ""
    qualifier: str = ""
    unit_text: str = ""
    comparison: str = ""
    source: str = ""
    published: date | None = None
    cause: str = ""
    difficulties: str = ""
    proposals: str = ""
    expected_version: int | None = None  # the current figure's ``row_version`` the user saw (None: no check)

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.indicator.pk, self.period, self.scope)


def record_figures(items: Sequence[FigureInput], *, status: str = m.FigureStatus.DRAFT.value,
                   entered_by=None, agency=None) -> list[Recorded]:
    """Record every item (see the module doc); one ``Recorded`` per item, in their order.
    ``agency``: the reporting agency of the figures (None: none, as an official import)."""
    if not connection.in_atomic_block:
        raise RuntimeError("record_figures runs inside the caller's transaction")
    status = m.FigureStatus(status).value
    items = [_canonical(item) for item in items]
    if len({item.key for item in items}) != len(items):
        raise ValueError("record_figures: every item must have its own (indicator, period, scope)")
    if not items:
        return []
    current, last = _existing(items)
    _check_versions(items, current)
    now = timezone.now()
    stamps = {}
    if status in (m.FigureStatus.SUBMITTED, m.FigureStatus.APPROVED):
        stamps.update(submitted_by=entered_by, submitted_at=now)
    if status == m.FigureStatus.APPROVED:
        stamps.update(approved_by=entered_by, approved_at=now)
    user_id, agency_id = getattr(entered_by, "pk", None), getattr(agency, "pk", None)

    results: list[Recorded] = []
    new: list[ActualFigure] = []
    replaced: list[ActualFigure] = []
    completed: list[ActualFigure] = []
    for item in items:
        old = current.get(item.key)
        before = copy.copy(old)  # the key's figure as it was: ``Recorded.previous``
        values = {"comparator": item.comparator, "low": item.low, "high": item.high, "text": item.text,
                  "qualifier": item.qualifier, "unit_text": item.unit_text, "comparison": item.comparison,
                  "source": item.source, "published": item.published, "review_status": status,
                  "cause": item.cause, "difficulties": item.difficulties, "proposals": item.proposals}
        if old is not None and all(getattr(old, f) == values[f] for f in SAME_FIGURE_FIELDS):
            if status != m.FigureStatus.DRAFT or not old.editable or _same_wording(old, values, user_id, agency_id):
                results.append(Recorded(old, UNCHANGED, before))
                continue
            for name in WORDING_FIELDS:  # a draft of the same figure completed in place
                if name not in ("reporting_agency", "entered_by"):
                    setattr(old, name, values[name])
            old.reporting_agency, old.entered_by = agency, entered_by
            old.row_version += 1  # as Versioned.save does
            completed.append(old)
            results.append(Recorded(old, UPDATED, before))
            continue
        figure = ActualFigure(indicator=item.indicator, period=item.period, scope=item.scope, **values, **stamps,
                              reporting_agency=agency, entered_by=entered_by, entered_at=now,
                              version=last.get(item.key, 0) + 1, is_current=True)
        if old is not None:
            old.is_current = False  # kept as it was: a revision never overwrites a figure
            old.row_version += 1  # as Versioned.save does for the update
            figure.row_version = old.row_version + 1  # the key's edit version keeps going up
            replaced.append(old)
        new.append(figure)
        results.append(Recorded(figure, REVISED if old is not None else CREATED, before))

    reason = (current_reason() or "")[:100]
    for rows, fields in ((replaced, ["is_current", "row_version"]),
                         (completed, [*WORDING_FIELDS, "row_version"])):
        if rows:
            ActualFigure.objects.bulk_update(rows, fields, batch_size=BATCH)
            ActualFigure.history.bulk_history_create(rows, batch_size=BATCH, update=True,
                                                     default_change_reason=reason or None, default_date=now)
    if new:
        _insert(new)
        _history(new, reason, now)
    if new or replaced or completed:
        bulk_saved.send(sender=ActualFigure)  # no post_save: the assessment's data version follows this
    return results


def _same_wording(old: ActualFigure, values: dict, user_id, agency_id) -> bool:
    """``record_figure``'s "nothing to complete": the draft's wording, author and agency are those given."""
    return old.reporting_agency_id == agency_id and old.entered_by_id == user_id and \
        all(getattr(old, f) == values[f] for f in WORDING_FIELDS if f not in ("reporting_agency", "entered_by"))


def _check_versions(items: list[FigureInput], current: dict) -> None:
    """``locking.Conflict`` (with ``index``) for the first item whose edit version is not its key's current one."""
    for index, item in enumerate(items):
        if item.expected_version is None:
            continue
        old = current.get(item.key)
        if old is None or old.row_version != item.expected_version:
            conflict = locking.Conflict(old)
            conflict.index = index
            raise conflict


def _canonical(item: FigureInput) -> FigureInput:
    item.period = m.FigurePeriod.parse(item.period).code
    item.comparator = e.Comparator(item.comparator).value
    item.low, item.high = to_decimal(item.low), to_decimal(item.high)
    if item.qualifier not in ("", *m.QUALIFIERS):
        raise ValueError(f"not a qualifier: {item.qualifier!r}")
    return item


def _existing(items: list[FigureInput]):
    """{key: the current figure} (locked on PostgreSQL) and {key: the last version} of the items' keys."""
    keys = {item.key for item in items}
    indicators = {item.indicator.pk: item.indicator for item in items}
    periods = {item.period for item in items}
    rows = ActualFigure.objects.filter(indicator_id__in=indicators, period__in=periods)
    current: dict[tuple, ActualFigure] = {}
    last: dict[tuple, int] = {}
    for figure in rows.filter(is_current=True).select_for_update():
        key = (figure.indicator_id, figure.period, figure.scope)
        if key in keys:
            figure.indicator = indicators[figure.indicator_id]
            current[key] = figure
    for indicator_id, period, scope, version in rows.values_list("indicator_id", "period", "scope", "version"):
        key = (indicator_id, period, scope)
        if key in keys and version > last.get(key, 0):
            last[key] = version
    return current, last


_COLUMNS = [f for f in ActualFigure._meta.concrete_fields if not f.primary_key]


def _insert(figures: list[ActualFigure]) -> None:
    if connection.vendor != "postgresql":
        ActualFigure.objects.bulk_create(figures, batch_size=BATCH)  # ids set (RETURNING on SQLite 3.35+)
        return
    table = connection.ops.quote_name(ActualFigure._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in _COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE kehoach_figures_staging ON COMMIT DROP AS SELECT {names} FROM {table} "
                       "WITH NO DATA")
        with cursor.cursor.copy(f"COPY kehoach_figures_staging ({names}) FROM STDIN") as copy:
            for figure in figures:
                copy.write_row([getattr(figure, f.attname) for f in _COLUMNS])  # plain values psycopg adapts
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM kehoach_figures_staging "
                       "RETURNING id, indicator_id, period, scope")
        ids = {(indicator_id, period, scope): pk for pk, indicator_id, period, scope in cursor.fetchall()}
        cursor.execute("DROP TABLE kehoach_figures_staging")
    for figure in figures:
        figure.pk = ids[(figure.indicator_id, figure.period, figure.scope)]  # one new figure per key
        figure._state.adding = False
        figure._state.db = connection.alias



def _history(figures: list[ActualFigure], reason: str, now) -> None:
    """The "+" history row of every new figure: what simple-history's ``bulk_history_create`` writes
    (the user of the web request when there is one), by ``COPY`` on PostgreSQL."""
    history = ActualFigure.history
    if connection.vendor != "postgresql":
        history.bulk_history_create(figures, batch_size=BATCH, default_change_reason=reason or None, default_date=now)
        return
    model = history.model
    user = model.get_default_history_user(figures[0]) if figures else None
    tracked = [f.attname for f in model.tracked_fields]
    names = ", ".join(connection.ops.quote_name(c) for c in
                      [*tracked, "history_date", "history_change_reason", "history_type", "history_user_id"])
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for figure in figures:
            copy.write_row([*(getattr(figure, name) for name in tracked), now, reason or None, "+",
                            user.pk if user is not None else None])
