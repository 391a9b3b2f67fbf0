"""Which stored indicator and which scope a cell of an imported table means.

Shared by the figures' import (``kehoach actuals import``, the workspace upload, the API) and the
target revisions (``revisions.py``, ``kehoach targets import``). The rules are those of
``kehoach.apps.figures.importing``'s module documentation (indicator, scope).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from kehoach.apps.indicators.models import Indicator
from kehoach.domain import entities as e
from kehoach.domain.indicators import IndicatorRegistry, clean_indicator_name
from kehoach.domain.territories import MERGERS_2025, REORGANISATION_2025, scope_for
from kehoach.domain.text import fold

_PARENT_SUB = re.compile(r"\s+[-–—]\s+")
_OLD_NEW = re.compile(r"^(?P<place>.*?)\s*\b(?P<when>cu|moi)$")
_KNOWN_PLACES = {fold(p) for p in MERGERS_2025} | {fold(a) for merged in MERGERS_2025.values() for a in merged}
_SCOPE_LABEL = re.compile(r"\((truoc|tu) \d{2}/\d{2}/\d{4}\)$")


# Scopes -----------------------------------------------------------------------------------------


def resolve_scope(text: str, place: str, period_end: date | None) -> str | None:
    """The scope label a scope cell stands for (see the module doc); None when it cannot be read."""
    text = " ".join(text.split())
    if not text:
        return scope_for(place, period_end) or None
    folded = fold(text)
    if _SCOPE_LABEL.search(folded):
        return text
    if m := _OLD_NEW.fullmatch(folded):
        who = _place_named(m["place"], place)
        if who is None:
            return None
        on = REORGANISATION_2025 - timedelta(days=1) if m["when"] == "cu" else REORGANISATION_2025
        return scope_for(who, on)
    if folded in ("ca nuoc", "toan quoc", "viet nam") or folded in _KNOWN_PLACES or (place and folded == fold(place)):
        return scope_for(text, period_end)
    return None


def _place_named(words: str, place: str) -> str | None:
    """The place a scope prefix names: "" or the import's place's name or initials, else a merged province's."""
    words = words.strip()
    if not words:
        return place or None
    if place and words in (fold(place), _initials(place)):
        return place
    found = [p for p in MERGERS_2025 if words in (fold(p), _initials(p))]
    return found[0] if len(found) == 1 else None


def _initials(place: str) -> str:
    return "".join(w[0] for w in fold(place).split() if w)


# Indicators -------------------------------------------------------------------------------------


class IndicatorMatcher:
    """Finds the stored indicator a name means, as the document importer recognises names.

    In order: the key; the name or an alias (folded; at top level first); ``parent - sub`` as the
    sub-indicator of the parent; the importer's ``IndicatorRegistry`` seeded with the stored
    indicators (catalogue patterns, then word similarity with a compatible unit).
    """

    def __init__(self) -> None:
        rows = list(Indicator.objects.select_related("parent"))
        self.by_key = {i.key: i for i in rows}
        self.by_name: dict[tuple[str | None, str], list[Indicator]] = defaultdict(list)
        self.any_parent: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in rows:
            parent = indicator.parent.key if indicator.parent else None
            for name in {indicator.name, *indicator.aliases}:
                folded = _folded_name(name)
                if indicator not in self.by_name[(parent, folded)]:
                    self.by_name[(parent, folded)].append(indicator)
                    self.any_parent[folded].append(indicator)
        self.registry = IndicatorRegistry(
            by_key={
                i.key: e.Indicator(
                    key=i.key, name=i.name, unit=i.unit, kind=e.MeasureKind(i.kind),
                    parent=i.parent.key if i.parent else None, aliases=set(i.aliases),
                )
                for i in rows
            }
        )

    def match(self, name: str, unit: str = "") -> Indicator | None:
        name = " ".join(name.split())
        if name in self.by_key:
            return self.by_key[name]
        exact = self._named(name, None) or _single(self.any_parent.get(_folded_name(name), []))
        if exact is not None:
            return exact
        parts = _PARENT_SUB.split(name)
        if len(parts) > 1:
            parent: Indicator | None = None
            for part in parts:
                parent = self._one(part, parent, unit)
                if parent is None:
                    break
            if parent is not None:
                return parent
        return self._registry(name, unit, None)

    def _one(self, name: str, parent: Indicator | None, unit: str) -> Indicator | None:
        return self._named(name, parent.key if parent else None) or self._registry(name, unit, parent)

    def _named(self, name: str, parent: str | None) -> Indicator | None:
        return _single(self.by_name.get((parent, _folded_name(name)), []))

    def _registry(self, name: str, unit: str, parent: Indicator | None) -> Indicator | None:
        parent_key = parent.key if parent else None
        before = set(self.registry.by_key)
        found = self.registry.match(name, unit or (parent.unit if parent else ""), parent_key)
        if found.key not in before:  # the registry made a new indicator: the name is not a stored one
            del self.registry.by_key[found.key]
            return None
        indicator = self.by_key.get(found.key)
        if indicator is None or (indicator.parent.key if indicator.parent else None) != parent_key:
            return None
        return indicator


def _folded_name(name: str) -> str:
    return " ".join(fold(clean_indicator_name(name)).split())


def _single(candidates: list[Indicator]) -> Indicator | None:
    return candidates[0] if len(candidates) == 1 else None
