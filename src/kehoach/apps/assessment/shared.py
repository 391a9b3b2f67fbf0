"""The assessment computed once per data version for every server process, through Django's cache.

The cache (``settings.CACHES["default"]``) is Redis when ``REDIS_URL`` is set, else the database's
cache table, so the embedded default shares it too. For an as-of date the cache holds one entry:
the data version (``freshness.current()``), when it was computed, and the assessment.

A process that finds the entry of another version takes the lock of the version it read
(``cache.add``: atomic on Redis and on the database) and computes; while one process computes,
the others serve the entry they found (of an older version) marked ``stale``, or wait for the
new one when there is none, and compute themselves if the lock's holder takes longer than
``LOCK_SECONDS`` (it may have died). A change is therefore seen by the next request of any process
unless another process is computing that very version at that moment; then the page says that
its figures are being updated.

Entries expire after ``freshness.MAX_AGE`` seconds, as the process-local ones do. An entry that
cannot be read (another version of kehoach wrote it) counts as missing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.cache import caches

import kehoach

log = logging.getLogger(__name__)

LOCK_SECONDS = 60.0  # the longest an assessment may take before another process computes it too
POLL_SECONDS = 0.05
SCHEMA = f"{kehoach.__version__}:1"  # part of every key: a new release never reads an old pickle


@dataclass
class Entry:
    version: tuple[str, int] | None
    computed_at: float  # time.time()
    value: object


def _key(as_of: date) -> str:
    return f"assessment:{SCHEMA}:{as_of.isoformat()}"


def _lock_key(as_of: date, version) -> str:
    return f"{_key(as_of)}:lock:{version[0]}:{version[1]}" if version else f"{_key(as_of)}:lock:none"


class SharedCache:
    """The shared layer of ``freshness.Kept``."""

    def __init__(self, alias: str = "default", max_age: float = 600.0):
        self.alias = alias
        self.max_age = max_age

    @property
    def cache(self):
        return caches[self.alias]

    def _read(self, as_of: date) -> Entry | None:
        try:
            entry = self.cache.get(_key(as_of))
        except Exception:  # unreadable (another release's pickle) or the cache is down: compute
            log.warning("the shared assessment cache could not be read", exc_info=True)
            return None
        if not isinstance(entry, Entry) or time.time() - entry.computed_at > self.max_age:
            return None
        return entry

    def _write(self, as_of: date, entry: Entry) -> None:
        try:
            self.cache.set(_key(as_of), entry, timeout=self.max_age)
        except Exception:
            log.warning("the shared assessment cache could not be written", exc_info=True)

    def get(self, as_of: date, version, compute: Callable[[date], object]) -> tuple[object, bool]:
        """(assessment, fresh): of ``version`` (fresh), or an older one while another process computes."""
        entry = self._read(as_of)
        if entry is not None and entry.version == version:
            return entry.value, True
        lock = _lock_key(as_of, version)
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                mine = self.cache.add(lock, os.getpid(), timeout=LOCK_SECONDS)
            except Exception:
                log.warning("the shared assessment lock could not be taken", exc_info=True)
                mine = True
            if mine:
                try:
                    value = compute(as_of)
                    self._write(as_of, Entry(version, time.time(), value))
                    return value, True
                finally:
                    try:
                        self.cache.delete(lock)
                    except Exception:
                        log.warning("the shared assessment lock could not be released", exc_info=True)
            if entry is not None:  # another process computes this version: serve the one before, marked
                return entry.value, False
            time.sleep(POLL_SECONDS)
            found = self._read(as_of)
            if found is not None and found.version == version:
                return found.value, True
            if time.monotonic() > deadline:  # the holder died or is stuck: compute here
                value = compute(as_of)
                self._write(as_of, Entry(version, time.time(), value))
                return value, True
