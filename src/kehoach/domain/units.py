"""Units of measure as documents write them: "Tỷ đồng", "1.000 lượt", "triệu USD", "Điểm %".

A unit is a dimension (what is measured: VND, USD, persons, tonnes ...) and a scale against
the dimension's base ("tỷ đồng" is 10⁹ "đồng"). Units are read from a rule table after
folding (case, diacritics and spaces do not matter): an optional written multiplier
("1.000"), multiplier words ("nghìn", "triệu", "tỷ", "nghìn tỷ"), then a base unit.
A unit text the table does not know is its own dimension: it is compatible only with the
same text (up to case, diacritics and spaces), never an error.

Conversions are exact Decimal arithmetic: scales are whole powers of ten or written numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext

from kehoach.domain.numbers import NumberFormatError, parse_number
from kehoach.domain.text import fold

VND = "money_vnd"
USD = "money_usd"
PERSONS = "persons"  # people or visits: lượt, lượt khách, lượt người, người, lao động
MASS = "mass_tonne"
TEU = "containers_teu"
PERCENT = "percent"
PERCENTAGE_POINT = "percentage_point"
COMMUNES = "communes"
AREA = "area_ha"
LENGTH = "length_km"
POWER = "power_mw"
VND_PER_PERSON = "money_vnd_per_person"
USD_PER_PERSON = "money_usd_per_person"
OTHER = "other"  # prefix of the dimension of an unknown unit: "other:<folded text>"

# Folded base unit -> (dimension, scale, whether multiplier words may precede it).
BASES: dict[str, tuple[str, Decimal, bool]] = {
    "dong": (VND, Decimal(1), True),
    "vnd": (VND, Decimal(1), True),
    "usd": (USD, Decimal(1), True),
    "do la my": (USD, Decimal(1), True),
    "luot": (PERSONS, Decimal(1), True),
    "luot khach": (PERSONS, Decimal(1), True),
    "luot nguoi": (PERSONS, Decimal(1), True),
    "luot lao dong": (PERSONS, Decimal(1), True),
    "luot lao dong/nam": (PERSONS, Decimal(1), True),
    "nguoi": (PERSONS, Decimal(1), True),
    "lao dong": (PERSONS, Decimal(1), True),
    "nguoi/nam": (PERSONS, Decimal(1), True),
    "lao dong/nam": (PERSONS, Decimal(1), True),
    "tan": (MASS, Decimal(1), True),
    "teu": (TEU, Decimal(1), True),
    "%": (PERCENT, Decimal(1), False),
    "phan tram": (PERCENT, Decimal(1), False),
    "diem %": (PERCENTAGE_POINT, Decimal(1), False),
    "diem phan tram": (PERCENTAGE_POINT, Decimal(1), False),
    "xa": (COMMUNES, Decimal(1), False),
    "ha": (AREA, Decimal(1), True),
    "km2": (AREA, Decimal(100), False),
    "m2": (AREA, Decimal("0.0001"), False),
    "km": (LENGTH, Decimal(1), True),
    "m": (LENGTH, Decimal("0.001"), False),
    "mw": (POWER, Decimal(1), True),
    "kw": (POWER, Decimal("0.001"), False),
    "gw": (POWER, Decimal(1000), False),
    "dong/nguoi": (VND_PER_PERSON, Decimal(1), True),
    "usd/nguoi": (USD_PER_PERSON, Decimal(1), True),
}

# Folded multiplier words; several may follow each other ("nghìn tỷ").
MULTIPLIERS: dict[str, Decimal] = {
    "nghin": Decimal(10**3),
    "ngan": Decimal(10**3),
    "trieu": Decimal(10**6),
    "ty": Decimal(10**9),
    "ti": Decimal(10**9),
}

_SLASH = re.compile(r"\s*/\s*")


@dataclass(frozen=True)
class Unit:
    text: str  # as written (NFC, spaces collapsed)
    dimension: str
    scale: Decimal  # how many base units one of this unit is


class IncompatibleUnits(ValueError):
    """A conversion between units that do not measure the same thing."""


def parse_unit(text: str) -> Unit:
    """The unit a text names; unknown units are their own dimension with scale 1. Never raises."""
    written = " ".join(unicodedata.normalize("NFC", text).split())
    key = _SLASH.sub("/", fold(written))
    found = _read(key)
    if found is None:
        return Unit(written, f"{OTHER}:{key}", Decimal(1))
    dimension, scale = found
    return Unit(written, dimension, scale)


def compatible(a: Unit | str, b: Unit | str) -> bool:
    """True when both units measure the same thing, so values convert between them."""
    return _unit(a).dimension == _unit(b).dimension


def convert(value: Decimal, source: Unit | str, target: Unit | str) -> Decimal:
    """``value`` in ``source`` expressed in ``target``: 4,5 tỷ USD -> 4500 triệu USD.

    Exact; a value whose scale changes comes back without trailing zeros (4500, not 4500,0).
    """
    source, target = _unit(source), _unit(target)
    if source.dimension != target.dimension:
        raise IncompatibleUnits(
            f"cannot convert {value} from {source.text!r} ({source.dimension}) to {target.text!r} "
            f"({target.dimension}): expected two units of the same quantity"
        )
    value = Decimal(value)
    if source.scale == target.scale:
        return value
    with localcontext() as ctx:
        ctx.prec = 100
        result = (value * source.scale / target.scale).normalize()
        return result.quantize(Decimal(1)) if result.as_tuple().exponent > 0 else result


def _unit(unit: Unit | str) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit)


def _read(key: str) -> tuple[str, Decimal] | None:
    """(dimension, scale) of a folded unit text, or None when the table does not know it."""
    if key in BASES:
        dimension, scale, _ = BASES[key]
        return dimension, scale
    words = key.split(" ")
    scale = Decimal(1)
    if words and words[0][:1].isdigit():
        try:
            scale = parse_number(words[0])
        except NumberFormatError:
            return None
        if scale <= 0:
            return None
        words = words[1:]
    while words and words[0] in MULTIPLIERS:
        scale *= MULTIPLIERS[words[0]]
        words = words[1:]
    base = BASES.get(" ".join(words))
    if base is None or not base[2]:
        return None
    dimension, base_scale, _ = base
    return dimension, scale * base_scale


_MULTIPLIER = re.compile(r"^1[.,\s]?000(?P<million>[.,\s]?000)?\s+(?P<rest>\S.*)$")


def unit_label(unit: str, kind: str | None = None) -> str:
    """A unit as a person reads it next to a number, written once and right: "1.000 lượt" is
    "nghìn lượt" ("hơn 5.200 nghìn lượt", never "5.200 1.000 lượt"), "1.000.000 USD" "triệu USD";
    an index (``kind`` "index", same period of last year = 100) has no "%": "(cùng kỳ = 100)"; a
    growth rate says what it grows against: "% (tăng so với cùng kỳ)"."""
    text = " ".join((unit or "").split())
    if kind == "index" and text in ("", "%"):
        return "(cùng kỳ = 100)"
    if kind == "growth" and text == "%":
        return "% (tăng so với cùng kỳ)"
    if m := _MULTIPLIER.match(text):
        return f"{'triệu' if m['million'] else 'nghìn'} {m['rest']}"
    return text
