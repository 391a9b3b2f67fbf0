"""A published value in the indicator's unit and canonical form (``canonical_value``).

Shared by what reads values against an indicator: the figures' import, entry and API
(``kehoach.apps.figures``) and the target revisions (``revisions.py``). Units are converted
(``nghìn tỷ đồng`` → ``tỷ đồng``) and a growth rate of an index indicator becomes the index
(IIP "tăng 15,16%" → 115,16).
"""

from __future__ import annotations

import re
from decimal import Decimal

from kehoach.apps.indicators.models import Indicator
from kehoach.domain import entities as e
from kehoach.domain.text import fold
from kehoach.domain.units import convert

_GROWTH = re.compile(r"\b(tang|giam)\b")
_FLIP = {e.Comparator.GT: e.Comparator.LT, e.Comparator.LT: e.Comparator.GT,
         e.Comparator.GE: e.Comparator.LE, e.Comparator.LE: e.Comparator.GE}


def canonical_value(
    indicator: Indicator,
    comparator: e.Comparator,
    low: Decimal | None,
    high: Decimal | None,
    unit: str,
    comparison: str = "",
) -> tuple[e.Comparator, Decimal | None, Decimal | None]:
    """A published value in the indicator's unit and canonical form.

    * ``unit`` (empty: the indicator's own) is converted to the indicator's unit; incompatible
      units raise ``kehoach.domain.units.IncompatibleUnits``.
    * Growth ("tăng"/"giảm" in ``comparison``) of an index indicator becomes the index:
      tăng 15,16 → 115,16, giảm 2 → 98. Of a growth indicator, "giảm 2" becomes -2.
      Without those words an index indicator's value is taken as the index itself.
    """
    source_unit = unit.strip() or indicator.unit
    bounds = [convert(x, source_unit, indicator.unit) if x is not None else None for x in (low, high)]
    kind = e.MeasureKind(indicator.kind)
    words = _GROWTH.findall(fold(comparison))
    decrease = bool(words) and words[0] == "giam"
    if kind == e.MeasureKind.INDEX and words:
        bounds = [(Decimal(100) - x if decrease else Decimal(100) + x) if x is not None else None for x in bounds]
    elif kind == e.MeasureKind.GROWTH and decrease:
        bounds = [-x if x is not None else None for x in bounds]
    else:
        return comparator, bounds[0], bounds[1]
    if not decrease:
        return comparator, bounds[0], bounds[1]
    # Subtracting reverses the order: a lower bound becomes an upper one, a range swaps its ends.
    low, high = bounds[1], bounds[0]
    return _FLIP.get(comparator, comparator), low, high
