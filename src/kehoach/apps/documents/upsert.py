"""The idempotent upsert an import is made of (``importing._Store``): every row found by its natural
key; a missing one created; an existing one saved only when a field (or a many-to-many set) differs,
so an identical re-import writes nothing and adds no history row; the rows a new version of a
document no longer has deleted one by one (the history keeps them); a key given twice reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import models

from kehoach.domain import entities as e

_QUANTUM = Decimal("0.000001")  # the decimal_places of every DecimalField
_UNKNOWN_KIND = "khac"  # AgencyKind.OTHER / IndicatorGroup.OTHER: the parser's "don't know"


def to_decimal(value: Any) -> Decimal | None:
    """A value as a Decimal with the models' six decimal places, through str to avoid float error."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(_QUANTUM)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class Upsert:
    """The upsert steps; the store that uses them keeps ``summary`` (an ``importing.ImportSummary``: what
    was created, updated, unchanged, deleted, and the findings) and ``extra_warnings`` (per document key)."""

    def put(
        self,
        model: type[models.Model],
        existing: dict,
        key: Any,
        create: dict[str, Any],
        values: dict[str, Any],
        m2m: dict[str, set[int]] | None = None,
    ) -> models.Model:
        """Create or update the row with natural key ``key``; save only what differs."""
        name = model.__name__
        obj = existing.get(key)
        if obj is None:
            obj = model(**create, **values)
            obj.save()
            for attr, ids in (m2m or {}).items():
                if ids:
                    getattr(obj, attr).set(ids)
            existing[key] = obj
            self.summary.created[name] += 1
            return obj
        changed = [attr for attr, value in values.items() if getattr(obj, attr) != value]
        for attr in changed:
            setattr(obj, attr, values[attr])
        if changed:
            obj.save()
        for attr, ids in (m2m or {}).items():
            manager = getattr(obj, attr)
            if set(manager.values_list("pk", flat=True)) != ids:
                manager.set(ids)
                changed.append(attr)
        (self.summary.updated if changed else self.summary.unchanged)[name] += 1
        return obj

    def prune(self, model: type[models.Model], existing: dict, seen: Iterable) -> None:
        """Delete the rows of ``existing`` whose natural key is not in ``seen``, one by one (history keeps them)."""
        keep = set(seen)
        stale = [obj for key, obj in existing.items() if key not in keep]
        for obj in stale:
            obj.delete()
        self.summary.deleted[model.__name__] += len(stale)

    def unique(self, document_key: str, kind: str, items: Iterable[tuple[Any, Any]]) -> dict:
        """Items by natural key; a key given twice keeps the last item and is reported as a warning."""
        out: dict = {}
        for key, item in items:
            if key in out:
                location = getattr(item, "location", None)
                finding = e.Finding(
                    f"duplicate-{kind}",
                    f"the document gives {kind} {key!r} twice; the later one was stored",
                    location,
                )
                self.extra_warnings[document_key].append(finding)
                self.summary.findings.append(finding)
            out[key] = item
        return out


def union(old: list[str], new: Iterable[str]) -> list[str]:
    return sorted(set(old) | set(new))


def keep_known(old: models.Model | None, attr: str, new: str) -> str:
    """The new value, unless it is the parser's "other" and an earlier import knew better."""
    if new == _UNKNOWN_KIND and old is not None:
        return getattr(old, attr)
    return new
