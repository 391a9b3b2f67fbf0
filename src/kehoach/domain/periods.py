"""Periods of a year: a month, a quarter, a half, the first nine months, the whole year.

One model for every period a plan or a report speaks of. Each period has a stable code used
as a key everywhere (``ScenarioValue.period``, ``ReportedFigure.period``):

=========  ===========  =============================  ==================
kind       code         months                         label_vi
=========  ===========  =============================  ==================
month      ``2025-01``  (1,)                           Tháng 1/2025
quarter    ``2025-Q1``  (1, 2, 3)                      Quý I/2025
h1         ``2025-H1``  (1, ..., 6)                    6 tháng đầu năm 2025
h2         ``2025-H2``  (7, ..., 12)                   6 tháng cuối năm 2025
9m         ``2025-9M``  (1, ..., 9)                    9 tháng năm 2025
year       ``2025``     (1, ..., 12)                   Năm 2025
=========  ===========  =============================  ==================

``index`` is the month (1-12) or the quarter (1-4); for the kinds that occur once a year it is
fixed by the kind (h1: 1, h2: 2, 9m: 1, year: 1) and may be left out.

The cumulative kinds (h1, 9m, year) start in January: they are what Vietnamese reports call
"lũy kế" figures, and a flow indicator's value for them is the sum of its months.

``period_name(start, end)`` is **the one way a period is said to a person** (pages, exports,
messages, previews, templates, reports): every period label in kehoach comes from it, and no
code (``2025-H1``) or ISO date is ever shown in its place.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTH = "month"
QUARTER = "quarter"
H1 = "h1"
H2 = "h2"
NINE_MONTHS = "9m"
YEAR = "year"

KINDS = (MONTH, QUARTER, H1, H2, NINE_MONTHS, YEAR)
CUMULATIVE_KINDS = frozenset({H1, NINE_MONTHS, YEAR})

MIN_YEAR = 1
MAX_YEAR = 9999

# Kinds that occur once a year: their index is fixed.
_FIXED_INDEX = {H1: 1, H2: 2, NINE_MONTHS: 1, YEAR: 1}
_INDEX_RANGE = {MONTH: 12, QUARTER: 4}

_CODE = re.compile(r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<quarter>\d)|(?P<half>H[12])|(?P<nine>9M)))?", re.ASCII)

# Roman numerals: thousands, hundreds, tens, units.
_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(n: int) -> str:
    """1 -> "I", 4 -> "IV", 12 -> "XII" (1..3999; quarters and group codes use I..XII)."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n!r}: expected an integer from 1 to 3999")
    out = []
    for value, letters in _ROMAN_VALUES:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(s: str) -> int:
    """ "IV" -> 4, "xii" -> 12 (any case, surrounding spaces ignored); only canonical forms ("IIII" is refused)."""
    letters = s.strip().upper() if isinstance(s, str) else ""
    if not letters or any(ch not in _ROMAN_DIGITS for ch in letters):
        raise ValueError(f"not a Roman numeral: {s!r}")
    total = 0
    for i, ch in enumerate(letters):
        value = _ROMAN_DIGITS[ch]
        following = _ROMAN_DIGITS[letters[i + 1]] if i + 1 < len(letters) else 0
        total += -value if value < following else value
    if not 1 <= total <= 3999 or roman(total) != letters:
        raise ValueError(f"not a canonical Roman numeral: {s!r}")
    return total


def last_day(year: int, month: int) -> date:
    """The last day of a month: last_day(2024, 2) == date(2024, 2, 29)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(day: date) -> str:
    """26/4/2025: the day and month without leading zeros, as Vietnamese documents write a period's end."""
    return f"{day.day}/{day.month}/{day.year}"


def period_name(start: date, end: date, *, in_sentence: bool = False) -> str:
    """The period from ``start`` to ``end`` (both inclusive) as a person says it, in Vietnamese.

    ==============================  ==========================  ==============================
    days                            label                       ``in_sentence``
    ==============================  ==========================  ==============================
    July 2025                       Tháng 7/2025                tháng 7 năm 2025
    April to June                   Quý II/2025                 quý II năm 2025
    January to June                 6 tháng đầu năm 2025        6 tháng đầu năm 2025
    July to December                6 tháng cuối năm 2025       6 tháng cuối năm 2025
    January to September            9 tháng năm 2025            9 tháng năm 2025
    the whole year                  Năm 2025                    năm 2025
    January to July (lũy kế)        Lũy kế 7 tháng năm 2025     lũy kế 7 tháng năm 2025
    March to May                    Từ tháng 3 đến tháng 5/2025 từ tháng 3 đến tháng 5 năm 2025
    1 January to 26 April           Từ đầu năm đến ngày 26/4/2025
    any other days                  Từ ngày 3/2/2025 đến ngày 26/4/2025
    ==============================  ==========================  ==============================
    """
    if start > end:
        raise ValueError(f"a period starts before it ends, got {start} to {end}")
    y = end.year
    whole_months = start.day == 1 and end == last_day(end.year, end.month) and start.year == y
    if whole_months:
        first, last = start.month, end.month
        if first == last:
            text = f"tháng {last} năm {y}" if in_sentence else f"Tháng {last}/{y}"
        elif first % 3 == 1 and last == first + 2:
            q = roman(last // 3)
            text = f"quý {q} năm {y}" if in_sentence else f"Quý {q}/{y}"
        elif (first, last) == (1, 6):
            text = f"6 tháng đầu năm {y}"
        elif (first, last) == (7, 12):
            text = f"6 tháng cuối năm {y}"
        elif (first, last) == (1, 9):
            text = f"9 tháng năm {y}"
        elif (first, last) == (1, 12):
            text = f"năm {y}"
        elif first == 1:
            text = f"lũy kế {last} tháng năm {y}"
        else:
            text = f"từ tháng {first} đến tháng {last} năm {y}" if in_sentence else f"từ tháng {first} đến tháng {last}/{y}"
    elif start == date(y, 1, 1):
        text = f"từ đầu năm đến ngày {_day(end)}"
    else:
        text = f"từ ngày {_day(start)} đến ngày {_day(end)}"
    return text if in_sentence else text[0].upper() + text[1:]


@dataclass(frozen=True, order=True)
class Period:
    """A period of one calendar year. ``str(p)`` is its code, ``Period.parse`` reads it back.

    Ordering (from ``order=True``) is by year, then kind name, then index: stable, suitable for
    sorting keys, but not chronological across kinds; compare ``start``/``end`` for that.
    """

    year: int
    kind: str
    index: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"period year must be an integer from {MIN_YEAR} to {MAX_YEAR}, got {self.year!r}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown period kind {self.kind!r}: expected one of {', '.join(KINDS)}")
        if self.kind in _FIXED_INDEX:
            fixed = _FIXED_INDEX[self.kind]
            if self.index is None:
                object.__setattr__(self, "index", fixed)
            elif self.index != fixed:
                raise ValueError(f"a {self.kind} period has index {fixed}, got {self.index!r}")
            return
        top = _INDEX_RANGE[self.kind]
        if isinstance(self.index, bool) or not isinstance(self.index, int) or not 1 <= self.index <= top:
            raise ValueError(f"a {self.kind} period needs an index from 1 to {top}, got {self.index!r}")

    # Constructors -------------------------------------------------------------------------

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        return cls(year, MONTH, month)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        return cls(year, QUARTER, quarter)

    @classmethod
    def first_half(cls, year: int) -> Period:
        return cls(year, H1)

    @classmethod
    def second_half(cls, year: int) -> Period:
        return cls(year, H2)

    @classmethod
    def nine_months(cls, year: int) -> Period:
        return cls(year, NINE_MONTHS)

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(year, YEAR)

    @classmethod
    def month_of(cls, day: date) -> Period:
        """The month a date falls in."""
        return cls(day.year, MONTH, day.month)

    @classmethod
    def quarter_of(cls, day: date) -> Period:
        """The quarter a date falls in."""
        return cls(day.year, QUARTER, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, code: str) -> Period:
        """Read a code: "2025-01", "2025-Q1", "2025-H1", "2025-H2", "2025-9M", "2025" (letters in any case)."""
        if not isinstance(code, str):
            raise ValueError(f"a period code is a string, got {code!r}")
        m = _CODE.fullmatch(code.strip().upper())
        if not m:
            raise ValueError(
                f"not a period code: {code!r} (expected YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M or YYYY)"
            )
        year = int(m["year"])
        try:
            if m["month"]:
                return cls(year, MONTH, int(m["month"]))
            if m["quarter"]:
                return cls(year, QUARTER, int(m["quarter"]))
            if m["half"]:
                return cls(year, H1 if m["half"] == "H1" else H2)
            if m["nine"]:
                return cls(year, NINE_MONTHS)
            return cls(year, YEAR)
        except ValueError as exc:
            raise ValueError(f"not a valid period code: {code!r}: {exc}") from None

    # Meaning ------------------------------------------------------------------------------

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        y = f"{self.year:04d}"
        if self.kind == MONTH:
            return f"{y}-{self.index:02d}"
        if self.kind == QUARTER:
            return f"{y}-Q{self.index}"
        return {H1: f"{y}-H1", H2: f"{y}-H2", NINE_MONTHS: f"{y}-9M", YEAR: y}[self.kind]

    @property
    def months(self) -> tuple[int, ...]:
        """The month numbers the period covers, in order."""
        if self.kind == MONTH:
            return (self.index,)
        if self.kind == QUARTER:
            first = 3 * (self.index - 1) + 1
            return (first, first + 1, first + 2)
        first, last = {H1: (1, 6), H2: (7, 12), NINE_MONTHS: (1, 9), YEAR: (1, 12)}[self.kind]
        return tuple(range(first, last + 1))

    @property
    def start(self) -> date:
        """The first day."""
        return date(self.year, self.months[0], 1)

    @property
    def end(self) -> date:
        """The last day (inclusive)."""
        return last_day(self.year, self.months[-1])

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def is_cumulative(self) -> bool:
        """True for h1, 9m and year: the periods that run from January ("lũy kế")."""
        return self.kind in CUMULATIVE_KINDS

    def parts(self) -> tuple[Period, ...]:
        """The next smaller periods: a quarter's months; a year's, h1's, h2's or 9m's quarters; () for a month."""
        if self.kind == MONTH:
            return ()
        if self.kind == QUARTER:
            return tuple(Period(self.year, MONTH, m) for m in self.months)
        return tuple(Period(self.year, QUARTER, (m - 1) // 3 + 1) for m in self.months[::3])

    @staticmethod
    def ytd(period: Period) -> tuple[Period, ...]:
        """Year to date: the months from January to the period's last month ("lũy kế đến tháng ...").

        ``Period.ytd(Period.parse("2025-03"))`` is the months 2025-01, 2025-02, 2025-03.
        """
        return tuple(Period(period.year, MONTH, m) for m in range(1, period.months[-1] + 1))

    @property
    def label_vi(self) -> str:
        """ "Tháng 7/2025", "Quý II/2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "Năm 2025"."""
        return period_name(self.start, self.end)

    @property
    def words(self) -> str:
        """The label inside a sentence: "tháng 7 năm 2025", "quý II năm 2025"."""
        return period_name(self.start, self.end, in_sentence=True)


ytd = Period.ytd
