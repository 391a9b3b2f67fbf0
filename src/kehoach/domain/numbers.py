"""Numbers as Vietnamese documents write them, and the values of table cells.

Vietnamese format: "." groups thousands in groups of exactly three digits and "," is the
decimal mark: "2.513.243", "116.387,596", "-3,4". The parsed Decimal keeps exactly what was
written ("150,00" -> Decimal("150.00")), so the number of decimals printed is never lost.

A cell value (``parse_value``) reads, in this order:

    [lead words] [comparator] number [- number] [trailing text]

* lead words: a closed list (``LEAD_WORDS``) of verbs and qualifiers that say how the number
  is meant without bounding it: "khoảng", "ước", "gần", "xấp xỉ", "trên dưới", "Giảm",
  "Tăng", "Đạt", "ở mức", "Phấn đấu" ... They are kept, as written, in ``Value.note``.
  "gần" (nearly) and "khoảng" (about) are approximations, not bounds: the value stays "=".
* comparator: a symbol (">", "≥", ">=", "<", "≤", "<=", "=") or a phrase of
  ``COMPARATOR_WORDS`` ("Trên", "Hơn", "Dưới", "Không quá", "ở mức thấp hơn" ...), right
  before a single number. A comparator applied to a range is not understood.
* a range is two numbers joined by a dash ("-", "–", "—", "−"), spaces allowed. A range
  written high-low ("1.765-1.741") is sorted and flagged ``reversed``. "-3,4" is a negative
  number, never a range.
* trailing text goes to ``Value.note`` as written: units ("%", "MW"), a second target
  ("Phấn đấu 7,0-7,5"), a conversion ("(500 triệu USD)"). "trở lên" / "trở xuống" right
  after a single number make it ">=" / "<=".
* When lead words and trailing text are both present, the note is "<lead> … <trailing>".

Anything else (an unknown word before the first number, no number, a malformed number) is
``Comparator.TEXT`` with no bounds: a qualitative target such as "Hoàn thành 100% số xã".
``parse_value`` never raises; ``parse_number`` is strict and raises ``NumberFormatError``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kehoach.domain.entities import Comparator, Value
from kehoach.domain.text import fold

LOCALE = "vi_VN"
_VI_SEPARATORS = str.maketrans(",.", ".,")
EXAMPLES = "'2.513.243', '116.387,596', '-3,4' or '12,5%'"

_SIGNS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash
_SIGN = f"[{re.escape(_SIGNS)}]"
_DASH = f"[{re.escape('-‐‑‒–—―−')}]"
_UNSIGNED = r"(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
_NUMBER = re.compile(rf"\s*(?P<number>{_SIGN}?{_UNSIGNED})\s*%?\s*")
_CORE = re.compile(
    rf"(?<![\w.,{re.escape(_SIGNS)}])"
    r"(?:(?P<op>>=|<=|=|>|<|≥|≤)\s*)?"
    rf"(?P<a>{_SIGN}?{_UNSIGNED})"
    rf"(?:(?P<pct>\s*%)?\s*{_DASH}\s*(?P<b>{_SIGN}?{_UNSIGNED}))?"
)

SYMBOLS: dict[str, Comparator] = {
    "=": Comparator.EQ,
    ">": Comparator.GT,
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "<": Comparator.LT,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
}

# Folded phrases (see text.fold) that bound the number that follows them.
COMPARATOR_WORDS: dict[str, Comparator] = {
    "tren": Comparator.GT,
    "hon": Comparator.GT,
    "cao hon": Comparator.GT,
    "lon hon": Comparator.GT,
    "nhieu hon": Comparator.GT,
    "toi thieu": Comparator.GE,
    "it nhat": Comparator.GE,
    "khong duoi": Comparator.GE,
    "khong thap hon": Comparator.GE,
    "khong it hon": Comparator.GE,
    "duoi": Comparator.LT,
    "thap hon": Comparator.LT,
    "nho hon": Comparator.LT,
    "it hon": Comparator.LT,
    "toi da": Comparator.LE,
    "khong qua": Comparator.LE,
    "khong vuot qua": Comparator.LE,
    "khong cao hon": Comparator.LE,
    "khong lon hon": Comparator.LE,
}

# Folded phrases that may precede the number without bounding it: kept in the note.
LEAD_WORDS: frozenset[str] = frozenset(
    {
        "khoang", "uoc", "uoc dat", "uoc tinh", "gan", "xap xi", "tren duoi", "du kien",
        "tang", "giam", "dat", "bang", "muc", "o muc", "dat muc", "phan dau", "phan dau dat",
    }
)

# Folded phrases right after a single number that make it a bound.
TRAILING_BOUNDS: dict[str, Comparator] = {"tro len": Comparator.GE, "tro xuong": Comparator.LE}

_PHRASES = {**dict.fromkeys(LEAD_WORDS), **COMPARATOR_WORDS}
_LONGEST_PHRASE = max(len(p.split()) for p in _PHRASES)


class NumberFormatError(ValueError):
    """A text that is not a number in Vietnamese format."""

    def __init__(self, text: str, problem: str):
        self.text = text
        self.problem = problem
        self.expected = f"a Vietnamese number such as {EXAMPLES} ('.' groups thousands, ',' is the decimal mark)"
        super().__init__(f"found {text!r} ({problem}); expected {self.expected}")


def parse_number(text: str) -> Decimal:
    """A number in strict Vietnamese format; surrounding spaces and a trailing "%" allowed."""
    m = _NUMBER.fullmatch(unicodedata.normalize("NFC", text))
    if not m:
        raise NumberFormatError(text, _diagnose(text))
    return _to_decimal(m.group("number"))


def decimals_written(text: str) -> int:
    """How many decimals the text prints: "150,00" -> 2, "2.513.243" -> 0."""
    return _decimals(parse_number(text))


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """Vietnamese format ("1.234,5"); keeps the decimals of ``value`` unless ``decimals`` is given.

    Rounding is half up, as official tables round.
    """
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"cannot format {value}: expected a finite number")
    places = _decimals(value) if decimals is None else decimals
    if places < 0:
        raise ValueError(f"decimals must be 0 or more, got {places}")
    with localcontext() as ctx:
        ctx.prec = max(28, len(value.as_tuple().digits) + abs(value.as_tuple().exponent) + places + 2)
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        # vi_VN's pattern "#,##0.00" (Babel gives the same text, 100 times slower): groups of three
        # digits with ".", decimals after ",".
        return f"{rounded:,.{places}f}".translate(_VI_SEPARATORS)


def parse_value(text: str) -> Value | None:
    """The value of a table cell as written; None for a blank cell. Never raises."""
    written = " ".join(unicodedata.normalize("NFC", text).split())
    if not written:
        return None
    m = _CORE.search(written)
    if not m:
        return _text(written)
    lead, comparator = _read_lead(written[: m.start()])
    if lead is None:
        return _text(written)
    tail = written[m.end() :].strip()
    a = _to_decimal(m.group("a"))
    if m.group("b") is not None:
        if comparator is not None or m.group("op"):
            return _text(written)
        b = _to_decimal(m.group("b"))
        if m.group("pct") and not tail.startswith("%"):
            tail = ("%" + " " + tail).strip() if tail else "%"
        return Value(
            text=written, comparator=Comparator.RANGE, low=min(a, b), high=max(a, b),
            note=_note(lead, tail), reversed=a > b,
        )
    if m.group("op"):
        if comparator is not None:
            return _text(written)
        comparator = SYMBOLS[m.group("op")]
    if comparator is None:
        comparator, tail = _trailing_bound(tail)
    return _bounded(written, comparator, a, _note(lead, tail))


def _bounded(written: str, comparator: Comparator, number: Decimal, note: str) -> Value:
    low = number if comparator in (Comparator.EQ, Comparator.GT, Comparator.GE) else None
    high = number if comparator in (Comparator.EQ, Comparator.LT, Comparator.LE) else None
    return Value(text=written, comparator=comparator, low=low, high=high, note=note)


def _text(written: str) -> Value:
    return Value(text=written, comparator=Comparator.TEXT)


def _read_lead(prefix: str) -> tuple[str | None, Comparator | None]:
    """The lead words before the number (as written) and the comparator they end with.

    Returns (None, None) when a word is not recognised: the cell is then text.
    """
    words = prefix.split()
    folded = [fold(w) for w in words]
    i, kept, comparator = 0, [], None
    while i < len(words):
        if comparator is not None:
            return None, None  # a comparator must come right before the number
        for size in range(min(_LONGEST_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(folded[i : i + size])
            if phrase in _PHRASES:
                break
        else:
            return None, None
        if phrase in COMPARATOR_WORDS:
            comparator = COMPARATOR_WORDS[phrase]
        else:
            kept.extend(words[i : i + size])
        i += size
    return " ".join(kept), comparator


def _trailing_bound(tail: str) -> tuple[Comparator, str]:
    words = tail.split()
    for phrase, comparator in TRAILING_BOUNDS.items():
        size = len(phrase.split())
        if fold(" ".join(words[:size])) == phrase:
            return comparator, " ".join(words[size:])
    return Comparator.EQ, tail


def _note(lead: str, tail: str) -> str:
    if lead and tail:
        return f"{lead} … {tail}"
    return lead or tail


def _to_decimal(number: str) -> Decimal:
    negative = number[0] in _SIGNS
    digits = number.lstrip(_SIGNS).replace(".", "").replace(",", ".")
    return Decimal(("-" if negative else "") + digits)


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _diagnose(text: str) -> str:
    """What is wrong with a text that is not a number, in words."""
    body = text.strip().rstrip("%").strip().lstrip(_SIGNS)
    if not body:
        return "no digits"
    if not any(ch.isdigit() for ch in body):
        return "no digits"
    stray = next((ch for ch in body if not (ch in "0123456789.," or ch.isspace())), None)
    if stray is not None:
        return f"unexpected character {stray!r}"
    if " " in body:
        return "spaces inside the number"
    if body.count(",") > 1:
        return "more than one decimal mark ','"
    whole, _, fraction = body.partition(",")
    if "." in fraction:
        return "a '.' after the decimal mark ','"
    if fraction == "" and "," in body:
        return "no digits after the decimal mark ','"
    groups = whole.split(".")
    if not groups[0]:
        return "no digits before the first mark"
    if len(groups) > 1:
        if len(groups[0]) > 3 or groups[0].startswith("0"):
            return f"the first thousands group {groups[0]!r} must have 1 to 3 digits and no leading zero"
        bad = next((g for g in groups[1:] if len(g) != 3), None)
        if bad is not None:
            return f"the thousands group {bad!r} after '.' must have exactly 3 digits"
    return "not a number"


_SHOWN_COMPARATOR = {Comparator.GT: "> ", Comparator.GE: "≥ ", Comparator.LT: "< ", Comparator.LE: "≤ "}


def value_in_unit(value: Value) -> str:
    """A plan value as it reads next to its indicator's unit.

    The text as written when its numbers are the stored ones; otherwise the value was converted
    into the indicator's unit when it was read, and the stored numbers are printed with the
    written bound: "4,5" tỷ USD stored as 4.500 triệu USD reads "4.500", ">10" triệu lượt under
    "1.000 lượt" reads "> 10.000", an IIP target written "17" (growth) and stored as the index 117
    reads "117". A value without a number (a qualitative target) is its text.
    """
    if not value.is_number:
        return value.text
    written = parse_value(value.text)
    if written is not None and (written.low, written.high) == (value.low, value.high):
        return value.text
    if value.comparator == Comparator.RANGE and value.low is not None and value.high is not None:
        return f"{format_number(value.low.normalize())}–{format_number(value.high.normalize())}"
    number = value.low if value.low is not None else value.high
    return _SHOWN_COMPARATOR.get(value.comparator, "") + format_number(number.normalize())
