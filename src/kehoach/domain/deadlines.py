"""Deadlines as Vietnamese plans write them: "Quý II/2025", "Trong năm 2025 và các năm tiếp theo", ...

``parse_deadline(text)`` returns a ``Deadline``: the text exactly as written plus what it means.
It never guesses: a phrasing it does not know gives ``understood=False`` and no due date, so
the importer can report it. It never raises on any text.

How it reads a text
-------------------
The text is cleaned (NFC, markup removed, dashes made "-", spaces collapsed, trailing
punctuation dropped) and folded for matching (lower case, no diacritics: "Hằng"/"Hàng"/"HANG"
all read "hang"). The folded form keeps one character per original character, so every note,
condition or milestone label is cut from the original text, diacritics intact.

Then, in order:

1. ``RULES``: one regular expression per basic phrasing ("Quý II/2025", "6/2025",
   "Giai đoạn 2025-2030", "Theo quy định ...", "Thường xuyên"), matched against the whole text.
2. ``COMBINATORS``: a composite text is split and its parts read again (recursively):
   a leading qualifier ("Trong", "Trước", "Chậm nhất", "Đến", "Thường xuyên, ..."), a recurrence
   ("Hàng tháng, quý trong năm 2025"), "... và các năm tiếp theo", a range ("A - B",
   "Từ A đến B"), a trailing note ("... theo kế hoạch ...", "... (…)").
3. A bulleted list ("- Hồ sơ trình Ban Thường vụ tháng 6/2025 - Triển khai theo ...") becomes
   milestones; the deadline is due at the latest dated milestone. An item that only refers to
   another document's schedule ("Triển khai theo tiến độ yêu cầu của Nghị quyết", "Theo lộ trình
   được giao tại …") is no condition to wait for when another item is dated: it becomes the
   deadline's ``note``, not a milestone.

Rules for ambiguous phrasings
-----------------------------
* A period is due on its last day: "Quý II/2025" -> 30/6/2025, "Năm 2025" -> 31/12/2025,
  "6 tháng đầu năm 2025" -> 30/6/2025. "Trong", "Vào", "Đến", "Chậm nhất", "Hoàn thành",
  "Cuối" do not change that ("Đến năm 2030" -> 31/12/2030).
* "Trước X" means strictly before X starts: due the day before X's first day.
  "Trước tháng 9/2025" -> 31/8/2025, "Trước ngày 15/6/2025" -> 14/6/2025. One rule for days
  and periods; for monitoring it errs on the early side. "Chậm nhất ngày X" is inclusive.
* ``start`` is set only for an explicit range: "Quý I-II/2025", "Quý III và Quý IV/2025",
  "2025-2026", "Giai đoạn 2025-2030", "Quý IV/2025 - Quý I/2026", "Từ tháng 3 đến tháng 6/2025".
  A single period ("Quý II/2025") has no start.
* "... và các năm tiếp theo" / "... và hằng năm": due at the end of the first period, then every
  year with no end (``Recurrence(["year"], until=None)``).
* "Hàng tháng, quý trong năm 2025": ``Recurrence(["month", "quarter"], until=31/12/2025)``,
  due 31/12/2025. A recurrence with no bound ("Hằng năm", "Hằng tháng", "Định kỳ hàng quý")
  is open-ended; it is due at the end of ``default_year`` when one is given, else has no due.
  A bound must carry its own year ("Hằng năm vào tháng 12" is not read).
* "Thường xuyên" / "Liên tục" / "Nhiệm vụ thường xuyên": continuous work, understood, no due and no
  recurrence, the phrase kept in ``note``. "Thường xuyên trong năm 2025" is due 31/12/2025 with that note.
* "Bắt đầu triển khai từ năm 2026", "Từ Quý I/2026": work that starts then and does not end: understood,
  ``start`` is the first day, no due date, the phrase kept in ``note`` ("Từ A đến B" is a range).
* What a recurrence does each time is a note, not a bound: "Thường xuyên, định kỳ hằng quý báo cáo về
  Sở Tài chính" recurs every quarter (open-ended), note "Thường xuyên; báo cáo về Sở Tài chính".
* Spellings: "Quí" is read as "Quý" (``SPELLINGS``); a trailing dot is dropped ("Hằng năm.").
* "Theo quy định ...", "Sau khi ...", "Khi ...", "Căn cứ ...": the due date depends on an
  outside event; no due, ``condition`` is the text. After a date ("Trong năm 2025 và theo
  yêu cầu ...", "... theo kế hoạch ...") the "theo ..." part is a ``note``; "... sau khi ..."
  after a date is a ``condition`` kept with the due date.
* A day, month or quarter with no year ("Tháng 6", "Quý II") uses ``default_year``; without it
  the text is not understood. Years are read only from 1900 to 2199; two-digit years are not read.
* A month alone must be written "Tháng 6/2025", "6/2025" or "06/2025": "12/2025" inside a
  sentence ("Nghị quyết 12/2025") is never a milestone date; a milestone needs a time word
  ("tháng", "quý", "năm", "ngày", "trước", ...) or a full date.
* Invalid dates ("31/02/2025", "Tháng 13/2025", "Quý V/2025") are not understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from kehoach.domain.entities import Deadline, Milestone, Recurrence
from kehoach.domain.periods import Period, from_roman
from kehoach.domain.text import clean, fold, normalise_dashes

MIN_YEAR = 1900
MAX_YEAR = 2199

# Work limits for one parse: composite texts are split and re-read, which must stay cheap on
# any input (a pasted paragraph, random text).
_MAX_CALLS = 1000
_MAX_DEPTH = 10

# Characters dropped from both ends of a text or of a part of it.
_TRIM = " ,;:."


# --------------------------------------------------------------------------------------------
# Text


@dataclass(frozen=True)
class _Span:
    """A piece of cleaned text and its folded key, character for character (same length)."""

    raw: str
    key: str

    @classmethod
    def of(cls, text: str) -> _Span:
        raw = re.sub(r"\s+", " ", normalise_dashes(clean(text)))
        return cls(raw, _spellings(_fold_aligned(raw))).trimmed()

    def trimmed(self) -> _Span:
        i, j = 0, len(self.key)
        while i < j and self.key[i] in _TRIM:
            i += 1
        while j > i and self.key[j - 1] in _TRIM:
            j -= 1
        return _Span(self.raw[i:j], self.key[i:j])

    def cut(self, start: int, end: int | None = None) -> _Span:
        return _Span(self.raw[start:end], self.key[start:end]).trimmed()


def _fold_aligned(raw: str) -> str:
    """``text.fold`` one character at a time, so that positions in the key are positions in raw."""
    out = []
    for ch in raw:
        folded = fold(ch)
        if len(folded) == 1:
            out.append(folded)
        elif ch.isspace():
            out.append(" ")
        else:
            lower = ch.lower()
            out.append(lower if len(lower) == 1 else ch)
    return "".join(out)


#: Variant spellings read as the common one, on the folded key; each pair has the same length so
#: that the key stays aligned with the text ("Quí" is an old spelling of "Quý").
SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"(?<![a-z])qui(?![a-z])", "quy"),
)
_SPELLINGS = [(re.compile(pattern, re.ASCII), common) for pattern, common in SPELLINGS]


def _spellings(key: str) -> str:
    for pattern, common in _SPELLINGS:
        key = pattern.sub(common, key)
    return key


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


# --------------------------------------------------------------------------------------------
# Meaning


@dataclass(frozen=True)
class _Meaning:
    """What a text or a part of it says, before it becomes a ``Deadline``."""

    first: date | None = None  # first day of the time spoken of
    last: date | None = None  # last day: the due date
    is_range: bool = False  # an explicit range: ``first`` becomes Deadline.start
    recurrence: Recurrence | None = None
    condition: str = ""
    note: str = ""
    continuous: bool = False

    @property
    def is_time(self) -> bool:
        """A plain time (a day, a period or a range), nothing else."""
        return (
            self.last is not None
            and self.recurrence is None
            and not self.condition
            and not self.continuous
            and not self.note
        )

    def with_note(self, note: str) -> _Meaning:
        return _replace(self, note=_join(self.note, note))


def _replace(meaning: _Meaning, **changes) -> _Meaning:
    values = {
        "first": meaning.first,
        "last": meaning.last,
        "is_range": meaning.is_range,
        "recurrence": meaning.recurrence,
        "condition": meaning.condition,
        "note": meaning.note,
        "continuous": meaning.continuous,
    }
    values.update(changes)
    return _Meaning(**values)


def _period(period: Period) -> _Meaning:
    return _Meaning(first=period.start, last=period.end)


def _day(day: date) -> _Meaning:
    return _Meaning(first=day, last=day)


def _between(first: date, last: date) -> _Meaning:
    return _Meaning(first=first, last=last, is_range=True)


@dataclass
class _Context:
    calls: int = 0
    depth: int = 0
    memo: dict[tuple[str, int | None], _Meaning | None] = field(default_factory=dict)

    @property
    def exhausted(self) -> bool:
        return self.calls >= _MAX_CALLS


# --------------------------------------------------------------------------------------------
# Building blocks of the rule patterns (they match the folded key)

_Y = r"(?P<y>\d{4})"
# An optional year after a month, quarter or half: "/2025", "-2025", ".2025", " năm 2025".
_OPT_Y = rf"(?:\s*[/.,-]?\s*(?:nam\s+)?{_Y})?"
_Q = r"(?:[ivx]+|\d{1,2})"
_LIST_SEP = r"\s*(?:-|,|va|den)\s*"


def _year(m: re.Match, default_year: int | None, group: str = "y") -> int | None:
    written = m.groupdict().get(group)
    year = int(written) if written else default_year
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return year


def _make_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _quarter_number(token: str) -> int | None:
    try:
        number = int(token) if token.isdigit() else from_roman(token)
    except ValueError:
        return None
    return number if 1 <= number <= 4 else None


def _month_number(token: str) -> int | None:
    number = int(token)
    return number if 1 <= number <= 12 else None


# --------------------------------------------------------------------------------------------
# Rule handlers: (match, span, default_year) -> meaning, or None when the values are invalid

Handler = Callable[[re.Match, _Span, "int | None"], "_Meaning | None"]


def _on_date(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    day = _make_date(_year(m, default_year), int(m["m"]), int(m["d"]))
    return _day(day) if day else None


def _on_month(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    year, month = _year(m, default_year), _month_number(m["m"])
    return _period(Period.of_month(year, month)) if year and month else None


def _on_months(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    year = _year(m, default_year)
    months = [_month_number(t) for t in re.findall(r"\d+", m["ms"])]
    if not year or None in months or months != sorted(set(months)):
        return None
    return _between(Period.of_month(year, months[0]).start, Period.of_month(year, months[-1]).end)


def _on_quarter(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    year, quarter = _year(m, default_year), _quarter_number(m["q"])
    return _period(Period.of_quarter(year, quarter)) if year and quarter else None


def _on_quarters(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    year = _year(m, default_year)
    quarters = [_quarter_number(t) for t in re.findall(r"\b(?:[ivx]+|\d+)\b", m["qs"])]
    if not year or None in quarters or quarters != sorted(set(quarters)):
        return None
    return _between(Period.of_quarter(year, quarters[0]).start, Period.of_quarter(year, quarters[-1]).end)


def _kind_handler(kind: str) -> Handler:
    def handle(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
        year = _year(m, default_year)
        return _period(Period(year, kind)) if year else None

    return handle


def _on_years(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    first, last = _year(m, None, "a"), _year(m, None, "b")
    if not first or not last or first >= last:
        return None
    return _between(date(first, 1, 1), date(last, 12, 31))


def _on_condition(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    return _Meaning(condition=span.raw)


def _on_continuous(m: re.Match, span: _Span, default_year: int | None) -> _Meaning | None:
    return _Meaning(continuous=True, note=span.raw)


@dataclass(frozen=True)
class Rule:
    """One basic phrasing: a pattern over the folded text, its handler, and examples as written."""

    name: str
    pattern: re.Pattern
    handler: Handler
    examples: tuple[str, ...]


def _rule(name: str, pattern: str, handler: Handler, *examples: str) -> Rule:
    return Rule(name, re.compile(pattern, re.ASCII), handler, examples)


_CONDITION_VERBS = r"(?:trien\s+khai|to\s+chuc\s+thuc\s+hien|thuc\s+hien|to\s+chuc|hoan\s+thanh|ban\s+hanh|tham\s+muu)"
_CONDITION_WORDS = r"(?:ngay\s+sau\s+khi|sau\s+khi|khi|theo|tuy\s+theo|tuy\s+thuoc(?:\s+vao)?|can\s+cu(?:\s+vao)?)"

RULES: tuple[Rule, ...] = (
    _rule(
        "date",
        r"(?:ngay\s+)?(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})",
        _on_date,
        "31/01/2026",
        "ngày 15/3/2025",
        "15-03-2025",
        "15.03.2025",
    ),
    _rule(
        "date_in_words",
        r"(?:ngay\s+)?(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?:\s*,?\s*nam\s+(?P<y>\d{4}))?",
        _on_date,
        "ngày 15 tháng 6 năm 2025",
    ),
    _rule("date_without_year", r"ngay\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})", _on_date, "ngày 15/6"),
    _rule("month", rf"thang\s+(?P<m>\d{{1,2}}){_OPT_Y}", _on_month, "Tháng 5/2025", "Tháng 6 năm 2025"),
    _rule("month_number", r"(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})", _on_month, "6/2025", "06/2025"),
    _rule(
        "months",
        rf"thang\s+(?P<ms>\d{{1,2}}(?:{_LIST_SEP}(?:thang\s+)?\d{{1,2}})+){_OPT_Y}",
        _on_months,
        "Tháng 3-6/2025",
        "Tháng 5 và tháng 6/2025",
    ),
    _rule("quarter", rf"quy\s+(?P<q>{_Q}){_OPT_Y}", _on_quarter, "Quý II/2025", "Quý 2/2025", "Quý II năm 2025"),
    _rule(
        "quarters",
        rf"quy\s+(?P<qs>{_Q}(?:{_LIST_SEP}(?:quy\s+)?{_Q})+){_OPT_Y}",
        _on_quarters,
        "Quý I-II/2025",
        "Quý III và Quý IV/2025",
    ),
    _rule(
        "first_half",
        rf"(?:(?:6|sau)\s+thang\s+dau|nua\s+dau)(?:\s+nam)?{_OPT_Y}",
        _kind_handler("h1"),
        "6 tháng đầu năm 2025",
        "Nửa đầu năm 2025",
    ),
    _rule("first_half_report", rf"(?:6|sau)\s+thang\s*(?:nam\s+)?{_Y}", _kind_handler("h1"), "6 tháng 2025"),
    _rule(
        "second_half",
        rf"(?:(?:6|sau)\s+thang\s+cuoi|nua\s+cuoi)(?:\s+nam)?{_OPT_Y}",
        _kind_handler("h2"),
        "6 tháng cuối năm 2025",
    ),
    _rule(
        "nine_months",
        rf"(?:9|chin)\s+thang(?:\s+dau)?(?:\s+nam)?{_OPT_Y}",
        _kind_handler("9m"),
        "9 tháng năm 2025",
        "9 tháng đầu năm 2025",
    ),
    _rule(
        "years",
        r"(?:giai\s+doan\s+|thoi\s+ky\s+|tu\s+nam\s+|tu\s+|nam\s+)?(?P<a>\d{4})\s*(?:-|den)\s*(?:nam\s+)?(?P<b>\d{4})",
        _on_years,
        "2025-2026",
        "Giai đoạn 2025-2030",
        "Từ năm 2025 đến năm 2030",
    ),
    _rule("year", rf"nam(?:\s+{_Y})?", _kind_handler("year"), "Năm 2025"),
    _rule("year_number", _Y, _kind_handler("year"), "2025"),
    _rule(
        "condition",
        rf"(?:{_CONDITION_VERBS}\s+)?{_CONDITION_WORDS}\s+\S.*",
        _on_condition,
        "Theo quy định, hướng dẫn của Trung ương",
        "Sau khi có Quyết định ban hành Kế hoạch của Bộ Công Thương",
        "Triển khai theo tiến độ yêu cầu của Nghị quyết",
    ),
    _rule(
        "continuous",
        r"(?:(?:nhiem\s+vu|cong\s+viec|thuc\s+hien|trien\s+khai)\s+)?"
        r"(?:thuong\s+xuyen(?:\s*,?\s*(?:va\s+)?lien\s+tuc)?|lien\s+tuc)",
        _on_continuous,
        "Thường xuyên",
        "Thường xuyên, liên tục",
        "Nhiệm vụ thường xuyên",
    ),
)


# --------------------------------------------------------------------------------------------
# Combinators: (span, context, default_year) -> meaning of a composite text, or None

Combinator = Callable[[_Span, _Context, "int | None"], "_Meaning | None"]

_CONTINUOUS_THEN = re.compile(
    r"(?P<c>thuong\s+xuyen(?:\s*,?\s*(?:va\s+)?lien\s+tuc)?|lien\s+tuc)\s*,?\s+(?P<rest>\S.*)", re.ASCII
)


def _continuous_then(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """ "Thường xuyên trong năm 2025": the time that follows, "Thường xuyên" kept as a note."""
    m = _CONTINUOUS_THEN.fullmatch(span.key)
    if not m:
        return None
    rest = _phrase(span.cut(m.start("rest")), ctx, default_year)
    if rest is None or (rest.last is None and rest.recurrence is None) or rest.condition or rest.continuous:
        return None
    return _replace(rest, note=_join(span.cut(0, m.end("c")).raw, rest.note))


_UNIT = r"(?:thang|quy|nam|tuan|(?:6|sau)\s+thang|nua\s+nam)\b"
_RECURRING = re.compile(
    rf"(?:dinh\s+ky\s*,?\s*(?:(?:hang|moi)\s+)?|(?:hang|moi)\s+)"
    rf"(?P<units>{_UNIT}(?:\s*(?:,|va|/|-|hoac)\s*(?:(?:hang|moi)\s+)?{_UNIT})*)"
    rf"(?:\s*,?\s*(?P<tail>\S.*))?",
    re.ASCII,
)
_UNIT_NAMES = {"thang": "month", "quy": "quarter", "nam": "year", "tuan": "week"}
#: Verbs that say what is done at each recurrence, not when: "báo cáo", "gửi", "cập nhật".
_ACTION = re.compile(r"(?:bao\s+cao|gui|cap\s+nhat|tong\s+hop|danh\s+gia|so\s+ket|kiem\s+tra)\b", re.ASCII)


def _recurring(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """ "Hàng tháng, quý trong năm 2025", "Hằng năm", "Định kỳ hàng quý", "Định kỳ 6 tháng"."""
    m = _RECURRING.fullmatch(span.key)
    if not m:
        return None
    every: list[str] = []
    for unit in re.findall(_UNIT, m["units"], re.ASCII):
        name = _UNIT_NAMES.get(unit, "half")
        if name not in every:
            every.append(name)
    due = date(default_year, 12, 31) if default_year else None
    if m["tail"] is None:
        return _Meaning(last=due, recurrence=Recurrence(every=every, until=None))
    if _ACTION.match(m["tail"]):  # "Định kỳ hằng quý báo cáo về Sở Tài chính": what is done each time
        return _Meaning(last=due, recurrence=Recurrence(every=every, until=None), note=span.cut(m.start("tail")).raw)
    # The bound must carry its own year: "Hằng năm vào tháng 12" is a day of the year, not a bound.
    bound = _phrase(span.cut(m.start("tail")), ctx, None)
    if bound is None or not bound.is_time:
        return None
    return _replace(bound, recurrence=Recurrence(every=every, until=bound.last))


_PREFIX = re.compile(
    r"(?P<p>truoc"
    r"|trong\s+thoi\s+gian|trong\s+suot|trong|vao|cho\s+den|den\s+het|den|toi|hoan\s+thanh|xong|ca|cuoi"
    r"|han\s+chot|thoi\s+han|(?:cham|muon)\s+nhat(?:\s+la)?)\s*:?\s+(?P<rest>\S.*)",
    re.ASCII,
)


def _prefixed(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """A qualifier before a time. "Trước X": the day before X starts; the others leave X as it is."""
    m = _PREFIX.fullmatch(span.key)
    if not m:
        return None
    rest = _phrase(span.cut(m.start("rest")), ctx, default_year)
    if rest is None or rest.last is None or rest.condition or rest.continuous:
        return None
    if m["p"] != "truoc":
        return rest
    if rest.first is None or rest.recurrence is not None:
        return None
    due = rest.first - timedelta(days=1)
    return _Meaning(first=due, last=due, note=rest.note)


_SINCE = re.compile(
    r"(?:(?:bat\s+dau|khoi\s+dong)\s+)?(?:(?:trien\s+khai|thuc\s+hien|ap\s+dung|to\s+chuc\s+thuc\s+hien)\s+)?"
    r"(?:ke\s+)?tu\s+(?P<rest>\S.*)",
    re.ASCII,
)


def _since(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """ "Bắt đầu triển khai từ năm 2026", "Từ Quý I/2026": work that starts then and has no end.

    Understood, no due date: ``start`` is the first day, the phrase is kept as the note.
    "Từ A đến B" is a range (read by ``_range``), never this.
    """
    m = _SINCE.fullmatch(span.key)
    if not m:
        return None
    rest = _phrase(span.cut(m.start("rest")), ctx, default_year)
    if rest is None or not rest.is_time or rest.first is None or rest.is_range:
        return None
    return _Meaning(first=rest.first, is_range=True, continuous=True, note=span.raw)


_ONWARD = re.compile(
    r"(?P<main>.+?)\s*,?\s*(?:(?:va|den|cho)\s+)?"
    r"(?:(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|ke\s+tiep|tiep|sau(?:\s+do)?)|(?:hang|moi)\s+nam)",
    re.ASCII,
)


def _onward(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """ "Trong năm 2025 và các năm tiếp theo": due at the end of the first, then every year, no end."""
    m = _ONWARD.fullmatch(span.key)
    if not m:
        return None
    main = _phrase(span.cut(0, m.end("main")), ctx, default_year)
    if main is None or main.last is None or main.condition or main.continuous:
        return None
    if main.recurrence is not None:
        recurrence = Recurrence(every=list(main.recurrence.every), until=None)
    else:
        recurrence = Recurrence(every=["year"], until=None)
    return _replace(main, recurrence=recurrence)


_RANGE_SEP = re.compile(r"\s*-\s*|\s+(?:den|toi)\s+", re.ASCII)
_FROM = re.compile(r"tu\s+", re.ASCII)


def _range(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """ "Quý IV/2025 - Quý I/2026", "Từ tháng 3 đến tháng 6/2025": from the start of one to the end of the other.

    A first part with no year takes the year of the second ("Từ tháng 3 đến tháng 6/2025").
    """
    begin = m.end() if (m := _FROM.match(span.key)) else 0
    for sep in _RANGE_SEP.finditer(span.key, begin):
        if ctx.exhausted:
            return None
        left, right = span.cut(begin, sep.start()), span.cut(sep.end())
        if not left.key or not right.key:
            continue
        to = _phrase(right, ctx, default_year)
        if to is None or not to.is_time:
            continue
        since = _phrase(left, ctx, to.last.year)
        if since is None or not since.is_time or since.first is None:
            continue
        if since.last >= to.first:  # "2025 - 2025", "Quý II - Quý I/2025": not a range
            continue
        return _between(since.first, to.last)
    return None


_TRAILING = re.compile(
    r"(?:(?<=[\s,])|^)(?:va\s+)?"
    r"(?P<kw>theo|tuy\s+theo|tuy\s+thuoc|can\s+cu|phu\s+hop|dam\s+bao|ngay\s+sau\s+khi|sau\s+khi|khi)\s+\S",
    re.ASCII,
)
_CONDITION_TAIL = {"sau khi", "ngay sau khi", "khi"}
_PARENTHESIS = re.compile(r"(?P<main>.*?\S)\s*\((?P<inner>[^()]*)\)")


def _trailing(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """A time followed by words that add no date: "... theo kế hoạch ..." (note), "... sau khi ..." (condition)."""
    m = _PARENTHESIS.fullmatch(span.key)
    if m:
        main = _phrase(span.cut(0, m.end("main")), ctx, default_year)
        if main is not None and not (main.condition and main.last is None):
            return main.with_note(span.cut(m.start("inner"), m.end("inner")).raw)
    for tail in _TRAILING.finditer(span.key):
        if ctx.exhausted:
            return None
        if tail.start() == 0:
            continue
        main = _phrase(span.cut(0, tail.start()), ctx, default_year)
        if main is None or main.condition:
            continue
        words = span.cut(tail.start("kw")).raw
        if re.sub(r"\s+", " ", tail["kw"]) in _CONDITION_TAIL:
            return _replace(main, condition=words)
        return main.with_note(words)
    return None


COMBINATORS: tuple[Combinator, ...] = (_continuous_then, _recurring, _prefixed, _onward, _range, _since, _trailing)


# --------------------------------------------------------------------------------------------
# Reading


def _phrase(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    """The meaning of a whole text or part: a rule, else a combinator, else None."""
    if not span.key or ctx.exhausted:
        return None
    ctx.calls += 1  # memo hits count too: they cost a cut and a lookup
    memo_key = (span.raw, default_year)
    if memo_key in ctx.memo:
        return ctx.memo[memo_key]
    if ctx.depth >= _MAX_DEPTH:
        return None
    ctx.depth += 1
    try:
        meaning = _first_reading(span, ctx, default_year)
    finally:
        ctx.depth -= 1
    ctx.memo[memo_key] = meaning
    return meaning


def _first_reading(span: _Span, ctx: _Context, default_year: int | None) -> _Meaning | None:
    for rule in RULES:
        m = rule.pattern.fullmatch(span.key)
        if m:
            meaning = rule.handler(m, span, default_year)
            if meaning is not None:
                return meaning
    for combinator in COMBINATORS:
        meaning = combinator(span, ctx, default_year)
        if meaning is not None:
            return meaning
    return None


# --------------------------------------------------------------------------------------------
# Milestones: "- Hồ sơ trình Ban Thường vụ tháng 6/2025 - Triển khai theo tiến độ ..."

_BULLET = re.compile(r"(?:^|(?<=\s))[-+\u2022]\s*(?=[^\W\d_])")
_TIME_WORD = re.compile(
    r"(?:thang|quy|nam|ngay|truoc|trong|vao|cham\s+nhat|muon\s+nhat|den|giai\s+doan|tu|cuoi|nua|[69]\s+thang"
    r"|\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4})\b",
    re.ASCII,
)


def _bullet_items(span: _Span) -> list[_Span]:
    if not span.key or span.key[0] not in "-+\u2022":
        return []
    marks = list(_BULLET.finditer(span.key))
    if not marks or marks[0].start() != 0:
        return []
    items = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        item = span.cut(mark.end(), following.start() if following else None)
        if item.key:
            items.append(item)
    return items


def _milestone(item: _Span, ctx: _Context, default_year: int | None) -> Milestone | None:
    meaning = _phrase(item, ctx, default_year)
    if meaning is not None:
        return Milestone(text=item.raw, due=meaning.last, condition=meaning.condition)
    # "<what> <when>": the leftmost time phrase that runs to the end of the item.
    for i in range(1, len(item.key)):
        if ctx.exhausted:
            return None
        if item.key[i - 1] != " " or not _TIME_WORD.match(item.key, i):
            continue
        when = _phrase(item.cut(i), ctx, default_year)
        label = item.cut(0, i)
        if when is not None and when.last is not None and not when.condition and label.key:
            return Milestone(text=label.raw, due=when.last)
    # "<when>: <what>"
    if ":" in item.key:
        colon = item.key.index(":")
        when = _phrase(item.cut(0, colon), ctx, default_year)
        label = item.cut(colon + 1)
        if when is not None and when.last is not None and not when.condition and label.key:
            return Milestone(text=label.raw, due=when.last)
    return None


# --------------------------------------------------------------------------------------------
# Public entry point


def parse_deadline(text: str, default_year: int | None = None) -> Deadline:
    """Read a deadline as written. Unknown phrasings give ``understood=False``; never raises on text.

    ``default_year`` is the plan's year: it completes a month, day or quarter written without a
    year and dates an open recurrence ("Hằng năm"). It is never used to invent any other date.
    """
    if default_year is not None and (
        isinstance(default_year, bool) or not isinstance(default_year, int) or not MIN_YEAR <= default_year <= MAX_YEAR
    ):
        raise ValueError(f"default_year must be an integer from {MIN_YEAR} to {MAX_YEAR}, got {default_year!r}")
    if not isinstance(text, str):
        return Deadline(text="" if text is None else str(text), understood=False)
    span = _Span.of(text)
    ctx = _Context()
    meaning = _phrase(span, ctx, default_year)
    if meaning is not None:
        return _deadline(text, meaning)
    items = _bullet_items(span)
    if len(items) == 1:
        meaning = _phrase(items[0], ctx, default_year)
        if meaning is not None:
            return _deadline(text, meaning)
    milestones = [_milestone(item, ctx, default_year) for item in items]
    if not milestones or None in milestones:
        return Deadline(text=text, understood=False)
    dated = [m.due for m in milestones if m.due is not None]
    references = [m for m in milestones if dated and m.due is None and _refers_only(m.condition)]
    if references:  # "- Hồ sơ trình tháng 6/2025 - Triển khai theo tiến độ yêu cầu của Nghị quyết"
        milestones = [m for m in milestones if m not in references]
    note = _join(*(m.text for m in references))
    return Deadline(text=text, due=max(dated) if dated else None, milestones=milestones, note=note)


#: A condition that only points at another document's schedule ("Triển khai theo tiến độ yêu cầu
#: của Nghị quyết", "Theo lộ trình được giao tại …"): no event to wait for.
_REFERENCE = re.compile(rf"(?:{_CONDITION_VERBS}\s+)?(?:theo|tuy\s+theo|can\s+cu(?:\s+vao)?)\s+\S", re.ASCII)


def _refers_only(condition: str) -> bool:
    return bool(condition) and _REFERENCE.match(_Span.of(condition).key) is not None


def rule_for(text: str) -> Rule | None:
    """The basic rule that reads the whole of a text, if one does (None for composite or unknown texts)."""
    key = _Span.of(text).key
    return next((rule for rule in RULES if rule.pattern.fullmatch(key)), None)


def _deadline(text: str, meaning: _Meaning) -> Deadline:
    return Deadline(
        text=text,
        due=meaning.last,
        start=meaning.first if meaning.is_range else None,
        recurrence=meaning.recurrence,
        condition=meaning.condition,
        note=meaning.note,
    )
