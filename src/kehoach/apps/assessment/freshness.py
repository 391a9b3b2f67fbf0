"""When the data the assessment reads last changed, and the assessments computed since.

The assessment as of a date depends only on the stored data and the date (``evaluate.assess_all``),
and it is the costly part of every page that shows ratings (a snapshot of the whole plan, then the
domain's rules). A server process keeps the assessments it computed, keyed by the as-of date and
the data version: one row (``DataVersion``) whose number goes up after every committed save,
deletion or many-to-many change of a model the assessment reads. Every process, and every
server, sees the new number once the change is committed, so no process serves an assessment
older than the data.

Rules that keep this exact:

* The number is raised after the commit (``transaction.on_commit``), once per transaction. A
  reader that comes between the commit and the raise computes from the new data and stores it
  under the old number, which is harmless: the next reader sees the new number and computes again.
* Assessments are kept and reused only outside a transaction (``connection.in_atomic_block``):
  inside one, the data may be uncommitted or about to be rolled back (a failed save, and every
  test of the suite, which runs in a transaction).
* A process that dies between its commit and the raise would leave the old number in force, so
  an assessment is also reused for ``MAX_AGE`` seconds at most.
* ``QuerySet.update()`` and raw SQL send no signals: the services that change assessed rows save
  them (the history needs that too). ``kehoach restore`` runs with the servers stopped
  (docs/deployment.md).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

# The apps whose rows the assessment reads (assessment.snapshot, reporting records, settings).
ASSESSED_APPS = frozenset({"organisations", "documents", "indicators", "figures", "tasks", "projects", "reporting",
                           "assessment"})
MAX_AGE = 600.0  # seconds
KEPT = 8  # as-of dates kept per process


def current() -> tuple[str, int] | None:
    """The data version now: (epoch, number), None before the first change."""
    from kehoach.apps.assessment.models import DataVersion

    return DataVersion.objects.filter(pk=1).values_list("epoch", "number").first()


def bump() -> None:
    """Raise the data version by one (in its own statement, after the change was committed)."""
    from kehoach.apps.assessment.models import DataVersion

    if DataVersion.objects.filter(pk=1).update(number=F("number") + 1):
        return
    try:
        with transaction.atomic():
            DataVersion.objects.create(pk=1, number=1)  # with a new epoch
    except IntegrityError:  # another process created it in between
        DataVersion.objects.filter(pk=1).update(number=F("number") + 1)


def _assessed(sender) -> bool:
    meta = sender._meta
    return (meta.app_label in ASSESSED_APPS and not sender.__name__.startswith("Historical")
            and meta.model_name != "dataversion")


def changed(sender, raw: bool = False, **_kwargs) -> None:
    """Signal receiver: a row the assessment reads changed; raise the version once this transaction commits."""
    if raw or not _assessed(sender):
        return
    if connection.in_atomic_block and any(func is bump for _sids, func, _robust in connection.run_on_commit):
        return  # already scheduled for this transaction
    transaction.on_commit(bump, robust=True)


def connect() -> None:
    """Called from ``AssessmentConfig.ready``."""
    from kehoach.apps.changes import bulk_saved

    for signal in (post_save, post_delete, m2m_changed, bulk_saved):
        signal.connect(changed, dispatch_uid="kehoach.assessment.freshness")


class Kept:
    """The assessments a process computed, by as-of date, each with the data version it was computed at.

    With ``shared`` (``kehoach.apps.assessment.shared.SharedCache``), an assessment not kept here is
    taken from the cache every process shares, and computed by one process only; an older one
    served while another process computes is returned with ``stale`` set and not kept here."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, shared=None):
        self._clock = clock
        self._shared = shared
        self._lock = threading.Lock()
        self._entries: OrderedDict[date, tuple[tuple[str, int] | None, float, object]] = OrderedDict()

    def get(self, as_of: date, compute: Callable[[date], object]):
        if connection.in_atomic_block:
            return compute(as_of)
        version = current()
        with self._lock:
            entry = self._entries.get(as_of)
            if entry is not None and entry[0] == version and self._clock() - entry[1] < MAX_AGE:
                self._entries.move_to_end(as_of)
                return entry[2]
        if self._shared is None:
            result = compute(as_of)
        else:
            result, fresh = self._shared.get(as_of, version, compute)
            if not fresh:
                return dataclasses.replace(result, stale=True)
        with self._lock:
            self._entries[as_of] = (version, self._clock(), result)
            self._entries.move_to_end(as_of)
            while len(self._entries) > KEPT:
                self._entries.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _shared():
    from kehoach.apps.assessment.shared import SharedCache

    return SharedCache(max_age=MAX_AGE)


kept = Kept(shared=_shared())
